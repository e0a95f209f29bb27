package pipeline

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"needsmap/analysis/gaps"
	"needsmap/reports/tables"
)

// analyseSample runs the analysis of the bundled sample without rendering
// anything.
func analyseSample(t *testing.T, cfg Config) (*results, *gapsStage) {
	t.Helper()
	res, err := analyse(context.Background(), cfg, Deps{}, &Outcome{})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range res.stages {
		if g, ok := st.(*gapsStage); ok && g.result != nil {
			return res, g
		}
	}
	t.Fatal("no gap result")
	return nil, nil
}

func row(t *testing.T, r *gaps.Result, scope, key, pop string) gaps.Row {
	t.Helper()
	x, ok := r.Row(scope, key, pop)
	if !ok {
		t.Fatalf("no row %s/%s/%s", scope, key, pop)
	}
	return x
}

// TestSampleGapPatterns checks that the sample's gap table shows what the
// strategic plan says of the wave 1 resource guide.
func TestSampleGapPatterns(t *testing.T) {
	cfg := sampleConfig(t, t.TempDir())
	cfg.Needs.Bootstrap = 0
	_, st := analyseSample(t, cfg)
	res := st.result
	regions := res.Scopes[1:]
	all := gaps.PopulationAll

	// Southeast: at least 13 adult shelter and housing programs, the most
	// adult shelter supply per 100,000 of any region, yet fewer than 40% of
	// its counties covered — "accessibility more than actual need".
	se := row(t, res, "Southeast", "adult_shelter", all)
	if h := row(t, res, "Southeast", "housing", all); h.Local < 13 {
		t.Errorf("Southeast housing programs = %d, want at least 13", h.Local)
	}
	for _, r := range regions {
		if x := row(t, res, r, "adult_shelter", all); r != "Southeast" && x.Per100k >= se.Per100k {
			t.Errorf("%s adult shelter supply %.2f per 100k ≥ the Southeast's %.2f", r, x.Per100k, se.Per100k)
		}
	}
	if se.Coverage >= 0.4 || se.Coverage >= row(t, res, "Northeast", "adult_shelter", all).Coverage {
		t.Errorf("Southeast adult shelter coverage %.2f: want under 0.4 and under the Northeast's", se.Coverage)
	}

	// Youth shelters: St. Louis and Kansas City have the smallest gaps.
	stl, kc := row(t, res, "St. Louis", "minor_shelter", all).Gap, row(t, res, "Kansas City", "minor_shelter", all).Gap
	for _, r := range regions {
		if g := row(t, res, r, "minor_shelter", all).Gap; r != "St. Louis" && r != "Kansas City" && (g <= stl || g <= kc) {
			t.Errorf("%s youth shelter gap %.1f not above St. Louis (%.1f) and Kansas City (%.1f)", r, g, stl, kc)
		}
	}

	// Legal aid: the Southwest has its offices in two counties only, the
	// largest legal gap of any region, and under a quarter of its
	// counties covered.
	sw := row(t, res, "Southwest", "legal_assistance", all)
	if sw.Local != 2 || sw.Coverage >= 0.25 {
		t.Errorf("Southwest legal aid: %d sites, coverage %.2f", sw.Local, sw.Coverage)
	}
	for _, r := range regions {
		if g := row(t, res, r, "legal_assistance", all).Gap; r != "Southwest" && g >= sw.Gap {
			t.Errorf("%s legal gap %.1f ≥ the Southwest's %.1f", r, g, sw.Gap)
		}
	}

	// Mental health and substance use treatment are mostly offered together.
	mh := row(t, res, gaps.StatewideScope, "mh_sud", all)
	if mh.Colocated*10 < mh.Local*7 {
		t.Errorf("only %d of %d mental health / substance use resources offer both", mh.Colocated, mh.Local)
	}
}

// TestGapPerSurvivorsBlankedWhenSuppressed: with k = 30, the Southeast's 25
// survivors are suppressed, so its supply per 100 survivors must not be
// published (it would give the count away with the supply).
func TestGapPerSurvivorsBlankedWhenSuppressed(t *testing.T) {
	cfg := sampleConfig(t, t.TempDir())
	cfg.Needs.Bootstrap = 0
	cfg.Disclosure.K = 30
	res, st := analyseSample(t, cfg)
	hidden := hiddenScopes(res.snapshot)
	if !hidden["Southeast"] || hidden["Kansas City"] {
		t.Fatalf("hidden scopes = %v", hidden)
	}
	tab := tables.GapScores(st.result, hidden)
	per := tab.Column("supply_per_100_survivors")
	for _, r := range tab.Rows {
		if r[0].Text == "Southeast" && !r[per].Missing {
			t.Fatalf("Southeast supply per 100 survivors published: %v", r[per])
		}
		if r[0].Text == "Kansas City" && r[per].Missing {
			t.Fatalf("Kansas City supply per 100 survivors blank")
		}
	}
}

// A guide with a contact person, an e-mail and a street address: none of
// them reaches any output, and without a survey the gap is blank.
func TestResourceGuideOnlyKeepsContactsOut(t *testing.T) {
	dir := t.TempDir()
	guide := filepath.Join(dir, "guide.csv")
	text := "organization,county,services,populations,contact_person,email,street_address,phone\n" +
		"Riverbend Shelter,Cape Girardeau,adult_shelter,adult,Jane Q. Contactperson,jane.q@example.org,123 Hidden Lane,(573) 555-0101\n" +
		"Hilltop Counseling,\"Madison, IL\",mental_health;sud_outpatient,adult,John R. Caseworker,john.r@example.org,9 Secret Road,john's cell\n"
	if err := os.WriteFile(guide, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Inputs.Resources = guide
	cfg.Output.Dir = filepath.Join(dir, "out")
	out := runSample(t, cfg)
	if len(out.Problems) != 1 || out.Problems[0].Row != 3 || !strings.Contains(out.Problems[0].Reason, "not a phone number") {
		t.Errorf("problems = %v", out.Problems)
	}
	for _, f := range listFiles(t, cfg.Output.Dir) {
		b, err := os.ReadFile(filepath.Join(cfg.Output.Dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"Contactperson", "jane.q@", "Hidden Lane", "Caseworker", "john.r@", "Secret Road", "john's cell"} {
			if strings.Contains(string(b), secret) {
				t.Errorf("%s contains %q", f, secret)
			}
		}
	}
	for _, r := range readCSV(t, filepath.Join(cfg.Output.Dir, "tables", "gap_scores.csv")) {
		if r["need"] != "" || r["gap"] != "" || r["gap_rank"] != "" || r["supply_per_100k"] == "" {
			t.Fatalf("without a survey need and gap are blank, supply is not: %v", r)
		}
	}
	dirRows := readCSV(t, filepath.Join(cfg.Output.Dir, "tables", "resource_directory.csv"))
	if len(dirRows) != 2 || dirRows[0]["region"] != "Metro East" || dirRows[1]["county"] != "Cape Girardeau, MO" || dirRows[1]["phone"] != "(573) 555-0101" {
		t.Errorf("directory = %v", dirRows)
	}
}

func TestNeedScaling(t *testing.T) {
	cfg := sampleConfig(t, t.TempDir())
	cfg.Needs.Bootstrap = 0
	for _, metric := range []string{"mean", "median", "top2"} {
		cfg.Needs.Metric = metric
		res, st := analyseSample(t, cfg)
		n := res.needs.Scope("Southwest", "single")[0]
		want := map[string]float64{"mean": n.Mean / 4, "median": n.Median / 4, "top2": n.Top2}[metric]
		if got := row(t, st.result, "Southwest", n.Category, gaps.PopulationAll).Need; math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: need %v, want %v", metric, got, want)
		}
	}
}

// A workbook with one sheet per county and a notes sheet: the notes sheet
// is reported and skipped, the county sheets read.
func TestResourceWorkbookPerCounty(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := map[string][][]any{
		"Read me":        {{"This guide lists resources by county."}, {"Updated every spring."}},
		"Cape Girardeau": {{"Organization", "Services", "Capacity"}, {"Riverbend Shelter", "Shelter for adults", 24}, {"Riverbend Counseling", "Mental health; yoga", nil}},
		"Statewide":      {{"Organization", "Services"}, {"State Hotline", "Crisis services"}},
	}
	for i, name := range []string{"Read me", "Cape Girardeau", "Statewide"} {
		if i == 0 {
			must(t, f.SetSheetName("Sheet1", name))
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, cells := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			must(t, f.SetSheetRow(name, cell, &cells))
		}
	}
	path := filepath.Join(dir, "guide.xlsx")
	must(t, f.SaveAs(path))
	cfg := DefaultConfig()
	cfg.Inputs.Resources = path
	cfg.Output.Dir = filepath.Join(dir, "out")
	out, err := Validate(context.Background(), cfg, Deps{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range out.Problems {
		got = append(got, p.Error())
	}
	want := []string{
		path + ` sheet "Read me": no header row with an organization and a services column in the first 20 rows; sheet not used`,
		path + ` sheet "Cape Girardeau" row 3 column B (Services): unknown service; ignored (value "yoga")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	in := out.Inputs[len(out.Inputs)-1]
	if in.Role != "resources" || in.Kept != 3 || in.Layout != "workbook, 2 sheets" {
		t.Errorf("input = %+v", in)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
