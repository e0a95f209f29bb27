package pdf

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var lookDir = flag.String("look", "", "write the test report's PDFs to this folder, to look at them")

// TestLook writes the fixture's PDFs for a person to read; it does
// nothing unless -look is given.
func TestLook(t *testing.T) {
	if *lookDir == "" {
		t.Skip("no -look folder")
	}
	for _, suppressed := range []bool{true, false} {
		r := testReport(t, suppressed)
		suffix := ""
		if !suppressed {
			suffix = "_unsuppressed"
		}
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(*lookDir, "report"+suffix+".pdf"), buf.Bytes())
		for i, stem := range RegionFiles(r.Regions) {
			buf.Reset()
			if err := WriteRegion(&buf, r, r.Regions[i]); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(*lookDir, stem+suffix+".pdf"), buf.Bytes())
		}
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
