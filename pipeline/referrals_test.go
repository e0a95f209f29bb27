package pipeline

import (
	"path/filepath"
	"testing"
)

// TestBenchW2 compares referrals_by_region_service.csv on the reference
// workload's 1k referrals (bench gen.py, seed 42) with the expected
// output the pandas, R and DuckDB peers agree on, by region and service:
// referrals, completed, completion rate and median days.
func TestBenchW2(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	cfg := sampleConfig(t, dir)
	cfg.Inputs.Referrals = filepath.Join("testdata", "bench", "referrals-1k")
	cfg.Disclosure.Suppress = false
	runSample(t, cfg)
	compareW2(t, filepath.Join("testdata", "bench", "w2-1k-referral_metrics.csv"), filepath.Join(dir, "tables", "referrals_by_region_service.csv"))
}

func compareW2(t *testing.T, expectedPath, gotPath string) {
	t.Helper()
	key := func(r map[string]string) string { return r["region"] + "|" + r["service"] }
	got := map[string]map[string]string{}
	for _, r := range readCSV(t, gotPath) {
		got[key(r)] = r
	}
	expected := readCSV(t, expectedPath)
	if len(expected) < 100 {
		t.Fatalf("only %d expected rows", len(expected))
	}
	for _, e := range expected {
		g, ok := got[key(e)]
		if !ok {
			t.Errorf("missing row %s", key(e))
			continue
		}
		for _, col := range []string{"referrals", "completed", "completion_rate", "median_days"} {
			if g[col] != e[col] {
				t.Errorf("%s %s = %q, want %q", key(e), col, g[col], e[col])
			}
		}
	}
	// Every region/service group with referrals is in the expected file.
	n := 0
	for _, g := range got {
		if g["region"] != "Statewide" && g["service"] != "all_services" {
			n++
		}
	}
	if n != len(expected) {
		t.Errorf("%d region/service rows, want %d", n, len(expected))
	}
}
