package pipeline

import (
	"context"
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

// TestUnmetReferrals: with a resource guide's offer (set by the
// resource-guide stage), the report gets unmet_referrals.csv with the
// same published cells as the region-and-service table.
func TestUnmetReferrals(t *testing.T) {
	cfg := sampleConfig(t, filepath.Join(t.TempDir(), "out"))
	cfg.Inputs.Referrals = filepath.Join("testdata", "bench", "referrals-1k")
	out := &Outcome{}
	res, err := analyse(context.Background(), cfg, Deps{}, out)
	if err != nil {
		t.Fatal(err)
	}
	vocab, _ := cfg.Vocabulary()
	legal, _ := vocab.CategoryIndex("legal_assistance")
	res.env.Offered = func(region string, service int) bool { return !(region == "Central" && service == legal) }
	rep, err := buildReport(cfg, res, out)
	if err != nil {
		t.Fatal(err)
	}
	unmet := rep.Table("unmet_referrals")
	if unmet == nil || len(unmet.Rows) != 1 || unmet.Rows[0][0].Text != "Central" || unmet.Rows[0][1].Text != "legal_assistance" {
		t.Fatalf("unmet = %+v", unmet)
	}
	all := rep.Table("referrals_by_region_service")
	for _, row := range all.Rows {
		if row[0].Text == "Central" && row[1].Text == "legal_assistance" {
			for c := 2; c < 8; c++ {
				if row[c].String() != unmet.Rows[0][c].String() {
					t.Errorf("column %s: %q in the unmet table, %q in the main table", all.Columns[c], unmet.Rows[0][c], row[c])
				}
			}
		}
	}
	if len(rep.SectionsFor("Central")) == 0 {
		t.Error("no Central sections")
	}
}
