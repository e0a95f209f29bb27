//go:build crosscheck

package pipeline

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestCrosscheckPandas compares needs_ranking.csv with an independent pandas
// computation (testdata/crosscheck/needs_ranking.py) on random surveys.
// Run with: go test -tags crosscheck ./pipeline (needs Debian python3-pandas).
func TestCrosscheckPandas(t *testing.T) {
	if _, err := exec.LookPath("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	for _, seed := range []uint64{7, 11, 2024} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			survey := filepath.Join(dir, "survey.csv")
			writeRandomSurvey(t, survey, seed, 3000)
			cfg := DefaultConfig()
			cfg.Inputs.Survey = survey
			cfg.Output.Dir = filepath.Join(dir, "out")
			cfg.Needs.Bootstrap = 0
			if _, err := Run(context.Background(), cfg, Deps{}); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("/usr/bin/python3", filepath.Join("..", "testdata", "crosscheck", "needs_ranking.py"),
				survey, filepath.Join(cfg.Output.Dir, "tables", "needs_ranking.csv"))
			out, err := cmd.CombinedOutput()
			t.Logf("%s", out)
			if err != nil {
				t.Fatalf("pandas disagrees: %v", err)
			}
		})
	}
}

func writeRandomSurvey(t *testing.T, path string, seed uint64, rows int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed))
	cfg := DefaultConfig()
	head := []string{"respondent_id", "region"}
	for _, c := range cfg.Categories {
		head = append(head, "need_"+c.Key)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := csv.NewWriter(f)
	w.Write(head)
	for i := 0; i < rows; i++ {
		rec := []string{fmt.Sprint(i + 1), cfg.Regions[rng.IntN(len(cfg.Regions))].Name}
		for range cfg.Categories {
			switch v := rng.IntN(7); {
			case v == 5:
				rec = append(rec, "")
			case v == 6:
				rec = append(rec, fmt.Sprint(rng.IntN(3)))
			default:
				rec = append(rec, fmt.Sprint(v))
			}
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
}

// TestCrosscheckDisclosure attacks the sample's published counts with an
// independent program (testdata/crosscheck/disclosure.py: SciPy's HiGHS
// linear programming over every total a reader knows) and fails if any
// suppressed cell can be worked out. Needs Debian python3-scipy.
func TestCrosscheckDisclosure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	cfg := DefaultConfig()
	cfg.Output.Dir = dir
	cfg.Needs.Bootstrap = 0
	if _, err := Run(context.Background(), cfg, Deps{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/usr/bin/python3", filepath.Join("..", "testdata", "crosscheck", "disclosure.py"), dir)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("suppressed cells recovered: %v", err)
	}
}
