//go:build crosscheck

package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"testing"

	"needsmap/data/schema"
)

// TestCrosscheckReferrals compares the referral tables with an independent
// pandas computation (testdata/crosscheck/referrals.py) on random
// referral sheets: counts, completion rates, Wilson intervals and median
// days, by region and service and by region and quarter.
func TestCrosscheckReferrals(t *testing.T) {
	if _, err := exec.LookPath("/usr/bin/python3"); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	for _, seed := range []uint64{3, 17, 2021} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			src := filepath.Join(in, "referrals.csv")
			writeRandomReferrals(t, src, seed, 5000)
			cfg := DefaultConfig()
			cfg.Inputs.Referrals = in
			cfg.Output.Dir = filepath.Join(dir, "out")
			cfg.Disclosure.Suppress = false
			if _, err := Run(context.Background(), cfg, Deps{}); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("/usr/bin/python3", filepath.Join("..", "testdata", "crosscheck", "referrals.py"),
				src, filepath.Join(cfg.Output.Dir, "tables"))
			out, err := cmd.CombinedOutput()
			t.Logf("%s", out)
			if err != nil {
				t.Fatalf("pandas disagrees: %v", err)
			}
		})
	}
}

func writeRandomReferrals(t *testing.T, path string, seed uint64, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed^0xfeed))
	cfg := DefaultConfig()
	rows := [][]string{{"referral_id", "referral_date", "client_code", "referring_agency", "receiving_agency",
		"service", "region", "status", "completed_date"}}
	start := schema.DateOf(2020, 1, 1)
	statuses := []string{"completed", "completed", "not_completed", "declined", "pending"}
	for i := 0; i < n; i++ {
		d := start + schema.Date(rng.IntN(731))
		st := statuses[rng.IntN(len(statuses))]
		done := ""
		if st == "completed" && rng.IntN(10) > 0 { // some completed without a date
			done = (d + schema.Date(rng.IntN(90))).String()
		}
		// A small region and a rare service keep some groups empty and
		// some without completions.
		region := cfg.Regions[rng.IntN(len(cfg.Regions))].Name
		svc := cfg.Categories[rng.IntN(len(cfg.Categories))].Key
		if rng.IntN(4) == 0 {
			svc = cfg.Categories[rng.IntN(3)].Key
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), d.String(), fmt.Sprintf("C%d", rng.IntN(n/2)),
			fmt.Sprintf("Agency %d", rng.IntN(20)), fmt.Sprintf("Agency %d", rng.IntN(20)), svc, region, st, done})
	}
	mkdirAll(t, filepath.Dir(path))
	writeCSVFile(t, path, rows)
}
