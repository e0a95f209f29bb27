package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"needsmap/data/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under ../testdata/golden")

func sampleConfig(t *testing.T, out string) Config {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Output.Dir = out
	cfg.Needs.Bootstrap = 200
	return cfg
}

func runSample(t *testing.T, cfg Config) *Outcome {
	t.Helper()
	out, err := Run(context.Background(), cfg, Deps{})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return out
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestSampleReproducesPublishedRanking checks the bundled sample against
// what the strategic plan published: the statewide top five and every
// region's top three, with Metro East's ties.
func TestSampleReproducesPublishedRanking(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	runSample(t, sampleConfig(t, dir))
	got := map[string][]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "tables", "needs_ranking.csv")) {
		if r["view"] == "single" && r["rank"] != "" && len(r["rank"]) == 1 && r["rank"] <= "5" {
			got[r["scope"]] = append(got[r["scope"]], r["rank"]+" "+r["category"])
		}
	}
	want := map[string][]string{
		"Statewide":   {"1 mental_health", "2 transitional_housing", "3 adult_shelter", "4 minor_shelter", "5 sud_residential"},
		"St. Louis":   {"1 mental_health", "2 legal_assistance", "3 adult_shelter"},
		"Metro East":  {"1 adult_shelter", "1 transitional_housing", "3 crisis_services", "3 mental_health", "5 sud_residential"},
		"Southeast":   {"1 adult_shelter", "2 mental_health", "3 sud_residential"},
		"Southwest":   {"1 legal_assistance", "2 mental_health", "3 minor_shelter"},
		"Northwest":   {"1 mental_health", "2 crisis_services", "3 legal_assistance"},
		"Northeast":   {"1 adult_shelter", "2 mental_health", "3 transitional_housing"},
		"Kansas City": {"1 mental_health", "2 crisis_services", "3 legal_assistance"},
		"Central":     {"1 mental_health", "2 transportation", "3 adult_shelter"},
	}
	for scope, w := range want {
		g := got[scope][:min(len(got[scope]), len(w))]
		if strings.Join(g, ", ") != strings.Join(w, ", ") {
			t.Errorf("%s top: got %v, want %v", scope, got[scope], w)
		}
	}
}

// TestSampleSurvivors checks the snapshot totals the plan published.
func TestSampleSurvivors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	cfg := sampleConfig(t, dir)
	cfg.Disclosure.Suppress = false
	cfg.Needs.Bootstrap = 0
	runSample(t, cfg)
	want := map[string][4]string{
		"St. Louis": {"57", "52", "1", "4"}, "Southeast": {"25", "19", "1", "5"}, "Southwest": {"99", "58", "1", "40"},
		"Northwest": {"101", "98", "3", "0"}, "Northeast": {"20", "16", "1", "3"}, "Kansas City": {"119", "111", "2", "6"},
		"Central": {"28", "26", "0", "2"}, "Statewide": {"505", "428", "11", "66"},
	}
	for _, r := range readCSV(t, filepath.Join(dir, "tables", "survivors_served.csv")) {
		w, ok := want[r["scope"]]
		if !ok {
			continue
		}
		if got := [4]string{r["survivors"], r["sex"], r["labor"], r["both"]}; got != w {
			t.Errorf("%s: survivors/sex/labor/both = %v, want %v", r["scope"], got, w)
		}
		if r["scope"] == "Northwest" && r["share_of_statewide"] != "0.200000" {
			t.Errorf("Northwest share of statewide = %s, want 0.200000", r["share_of_statewide"])
		}
	}
}

// TestBenchW1 compares the ranking of the reference workload's 1k survey
// with the expected output the pandas, R and DuckDB peers agree on.
func TestBenchW1(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	cfg := sampleConfig(t, dir)
	cfg.Inputs.Survey = filepath.Join("testdata", "bench", "survey-1k.csv")
	cfg.Needs.Bootstrap = 0
	runSample(t, cfg)
	key := func(r map[string]string) string {
		return strings.ToLower(r["scope"]) + "|" + r["view"] + "|" + r["category"]
	}
	expected := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join("testdata", "bench", "w1-1k-needs_ranking.csv")) {
		expected[key(r)] = r
	}
	got := readCSV(t, filepath.Join(dir, "tables", "needs_ranking.csv"))
	if len(got) != len(expected) {
		t.Fatalf("%d rows, want %d", len(got), len(expected))
	}
	for _, r := range got {
		e, ok := expected[key(r)]
		if !ok {
			t.Errorf("unexpected row %s", key(r))
			continue
		}
		for _, col := range []string{"n", "mean", "top2", "rank"} {
			if r[col] != e[col] {
				t.Errorf("%s %s = %s, want %s", key(r), col, r[col], e[col])
			}
		}
	}
}

// TestGoldenTables compares the sample's tables byte for byte with the
// reviewed golden copies; -update rewrites them.
func TestGoldenTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	runSample(t, sampleConfig(t, dir))
	files := []string{"rejects.csv"}
	entries, err := os.ReadDir(filepath.Join(dir, "tables"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		files = append(files, "tables/"+e.Name())
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("..", "testdata", "golden", "sample", f)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./pipeline -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; review and run with -update if intended", f, golden)
		}
	}
}

// TestDeterministic runs twice and compares every output file.
func TestDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	runSample(t, sampleConfig(t, a))
	runSample(t, sampleConfig(t, b))
	fa, fb := listFiles(t, a), listFiles(t, b)
	if strings.Join(fa, ",") != strings.Join(fb, ",") {
		t.Fatalf("different files:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// TestFailedRunKeepsPreviousOutput: a run that fails after writing began
// leaves the previous output folder exactly as it was.
func TestFailedRunKeepsPreviousOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	runSample(t, sampleConfig(t, dir))
	before := listFiles(t, dir)
	manifest, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	boom := errors.New("disk full")
	err := replaceDir(dir, func(tmp string) error {
		if err := os.WriteFile(filepath.Join(tmp, "partial.csv"), []byte("x"), 0o644); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the write error", err)
	}
	if after := listFiles(t, dir); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("output changed after a failed run: %v", after)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, ManifestName)); !bytes.Equal(got, manifest) {
		t.Error("run.json changed after a failed run")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".out.*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

func TestUnusableSurveyIsFatal(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"empty.csv": "", "header.csv": "respondent_id,region,need_mental_health\n",
		"allbad.csv": "respondent_id,region,need_mental_health\n1,Ozarks,3\n"} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(text), 0o644)
		cfg := sampleConfig(t, filepath.Join(dir, "out"))
		cfg.Inputs.Survey = path
		_, err := Run(context.Background(), cfg, Deps{})
		var fe *schema.FatalError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want a fatal error naming the file", name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
			t.Errorf("%s: output written for an unusable input", name)
		}
	}
}

func ExampleDefaultConfig() {
	cfg := DefaultConfig()
	fmt.Println(cfg.Needs.Metric, cfg.Needs.Bootstrap, cfg.Disclosure.K, len(cfg.Categories), len(cfg.Regions))
	// Output: mean 1000 11 22 8
}

// TestSampleQualtricsMatchesCSV reads the bundled Qualtrics export of the
// same wave (choice text, three header rows, matrix questions) and expects
// the plain CSV's ranking. Education differs by design: the CSV carries an
// off-scale typo in one of its cells.
func TestSampleQualtricsMatchesCSV(t *testing.T) {
	dir := t.TempDir()
	q := filepath.Join(dir, "survey_qualtrics.csv")
	b, err := os.ReadFile(filepath.Join("..", "data", "sample", "survey_qualtrics.csv"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(q, b, 0o644)
	plain := sampleConfig(t, filepath.Join(dir, "plain"))
	plain.Needs.Bootstrap = 0
	runSample(t, plain)
	qual := plain
	qual.Output.Dir = filepath.Join(dir, "qualtrics")
	qual.Inputs.Survey = q
	out := runSample(t, qual)
	if out.Inputs[0].Layout != "qualtrics" || out.Inputs[0].Kept != 107 || len(out.Problems) != 0 {
		t.Fatalf("qualtrics input = %+v, problems %v", out.Inputs[0], out.Problems)
	}
	for _, name := range []string{"needs_ranking.csv", "needs_detail.csv", "needs_by_sector.csv"} {
		a := readCSV(t, filepath.Join(plain.Output.Dir, "tables", name))
		b := readCSV(t, filepath.Join(qual.Output.Dir, "tables", name))
		if len(a) != len(b) {
			t.Fatalf("%s: %d rows vs %d", name, len(a), len(b))
		}
		for i := range a {
			if a[i]["category"] == "education" || b[i]["category"] == "education" {
				continue
			}
			if fmt.Sprint(a[i]) != fmt.Sprint(b[i]) {
				t.Errorf("%s row %d:\n csv       %v\n qualtrics %v", name, i+2, a[i], b[i])
			}
		}
	}
}

// TestSampleXLSXMatchesCSV writes the sample survey into a workbook (a
// numeric-looking FIPS kept as text, ratings as numbers) and expects the
// same tables as from the CSV.
func TestSampleXLSXMatchesCSV(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Open(filepath.Join("..", "data", "sample", "survey.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	book := excelize.NewFile()
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, v := range rec {
			row[j] = v
			if n, err := strconv.Atoi(v); err == nil && i > 0 && recs[0][j] != "county_fips" && recs[0][j] != "respondent_id" {
				row[j] = n
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+3) // two blank rows first
		if err := book.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	xlsxPath := filepath.Join(dir, "survey.xlsx")
	if err := book.SaveAs(xlsxPath); err != nil {
		t.Fatal(err)
	}
	plain := sampleConfig(t, filepath.Join(dir, "plain"))
	plain.Needs.Bootstrap = 0
	runSample(t, plain)
	wb := plain
	wb.Output.Dir = filepath.Join(dir, "xlsx")
	wb.Inputs.Survey = xlsxPath
	out := runSample(t, wb)
	if out.Inputs[0].Kept != 107 || len(out.Problems) != 3 {
		t.Fatalf("xlsx input = %+v, %d problems", out.Inputs[0], len(out.Problems))
	}
	if p := out.Problems[0]; p.Sheet != "Sheet1" || p.Row != 13+2 {
		t.Errorf("first problem at sheet %q row %d, want Sheet1 row 15 (CSV line 13 + two blank rows above)", p.Sheet, p.Row)
	}
	for _, name := range []string{"needs_ranking.csv", "needs_detail.csv", "survivors_served.csv"} {
		a, _ := os.ReadFile(filepath.Join(plain.Output.Dir, "tables", name))
		b, _ := os.ReadFile(filepath.Join(wb.Output.Dir, "tables", name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the CSV and the XLSX survey", name)
		}
	}
}
