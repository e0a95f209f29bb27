//go:build crosscheck

package gaps

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestCrosscheckR re-runs the independent R implementation of E2SFCA
// (testdata/e2sfca/e2sfca.R) on the committed example and on freshly
// generated ones, and compares every county and region with the Go code.
// Run with: go test -tags crosscheck ./analysis/gaps (needs Debian
// r-base-core).
func TestCrosscheckR(t *testing.T) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Skip("no Rscript")
	}
	t.Run("committed", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out.csv")
		runR(t, refDir, out)
		compareWithR(t, refDir, out)
	})
	for _, seed := range []uint64{7, 11, 2024} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			writeReferenceInputs(t, dir, seed)
			out := filepath.Join(dir, "out.csv")
			runR(t, dir, out)
			compareWithR(t, dir, out)
		})
	}
}
