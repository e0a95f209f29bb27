package pipeline

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"needsmap/data/sample"
)

// dangerous reports whether a spreadsheet would run the cell as a formula.
func dangerous(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// TestNoFormulaInjection feeds values a spreadsheet would run as formulas
// into every input that reaches an output — region names (mapped from the
// survey's spellings through aliases), category and group labels, the
// report's title and subtitle, sectors, the input's file name, problem
// values — and checks that no cell of any CSV or sheet needsmap writes
// starts with =, +, -, @, tab or CR.
func TestNoFormulaInjection(t *testing.T) {
	root := testRoot(t)
	t.Chdir(t.TempDir())
	renamed := map[string]string{"St. Louis": "=St. Louis", "Kansas City": "-Kansas City", "Central": "@Central",
		"Southeast": "+Southeast"}

	table, err := os.ReadFile(filepath.Join(root, "data", "reference", "regions_mo_il.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(string(table), "\n")
	for i, line := range rows {
		f := strings.Split(line, ",")
		if len(f) > 3 && renamed[f[3]] != "" {
			f[3] = renamed[f[3]]
			rows[i] = strings.Join(f, ",")
		}
	}
	must(t, os.WriteFile("regions.csv", []byte(strings.Join(rows, "\n")), 0o644))

	survey, err := sample.Read("survey.csv")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer(",Law enforcement,", ",=Law enforcement,", ",Education,", ",+cmd|' /C calc'!A0,",
		",Health care,", ",@SUM(A1),", ",Legal services,", ",-2+3,").Replace(string(survey))
	header := s[:strings.IndexByte(s, '\n')]
	cols := strings.Count(header, ",") + 1
	bad := func(id, region, rating string) string {
		cells := make([]string, cols)
		cells[0], cells[1] = id, region
		for j, h := range strings.Split(header, ",") {
			if h == "need_legal_assistance" {
				cells[j] = rating
			}
		}
		return strings.Join(cells, ",") + "\n"
	}
	s += bad("9001", `"=HYPERLINK(""x"")"`, "4") + bad("9002", "St. Louis", "-1") + bad("9003", "St. Louis", "+x")
	must(t, os.WriteFile("=evil.csv", []byte(s), 0o644))

	cfg := DefaultConfig()
	cfg.Inputs.Survey = "=evil.csv"
	cfg.Output.Dir = "out"
	cfg.Needs.Bootstrap = 50
	cfg.Reference.Regions = "regions.csv"
	cfg.Report.Title, cfg.Report.Subtitle = "=Title", "+Subtitle"
	for i, r := range cfg.Regions {
		if n := renamed[r.Name]; n != "" {
			cfg.Regions[i].Aliases = append(cfg.Regions[i].Aliases, r.Name)
			cfg.Regions[i].Name = n
		}
	}
	for i, c := range cfg.Categories {
		switch c.Key {
		case "mental_health":
			cfg.Categories[i].Label = "=Mental health"
		case "legal_assistance":
			cfg.Categories[i].Label = "-Legal assistance"
		}
	}
	cfg.Combined[0].Label = "@Housing"
	if _, err := Run(context.Background(), cfg, Deps{}); err != nil {
		t.Fatal(err)
	}

	checked := 0
	err = filepath.WalkDir("out", func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".csv") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			return err
		}
		for i, rec := range recs {
			for j, c := range rec {
				checked++
				if dangerous(c) {
					t.Errorf("%s row %d column %d: %q", p, i+1, j+1, c)
				}
			}
		}
		return nil
	})
	must(t, err)
	wb, err := excelize.OpenFile(filepath.Join("out", "needsmap.xlsx"))
	must(t, err)
	defer wb.Close()
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
		must(t, err)
		for i, row := range rows {
			for j, c := range row {
				checked++
				if dangerous(c) {
					t.Errorf("needsmap.xlsx sheet %q row %d column %d: %q", sheet, i+1, j+1, c)
				}
			}
		}
	}
	// The test must have seen the values it planted, neutralised.
	rejects, _ := os.ReadFile(filepath.Join("out", "rejects.csv"))
	ranking, _ := os.ReadFile(filepath.Join("out", "tables", "needs_ranking.csv"))
	for _, want := range []string{"'=evil.csv", `'=HYPERLINK(""x"")`, "'-1", "'+x"} {
		if !strings.Contains(string(rejects), want) {
			t.Errorf("rejects.csv lacks %s", want)
		}
	}
	for _, want := range []string{"'=St. Louis", "'-Kansas City", "'@Central", "'+Southeast", "'=Mental health", "'@Housing"} {
		if !strings.Contains(string(ranking), want) {
			t.Errorf("needs_ranking.csv lacks %s", want)
		}
	}
	t.Logf("%d cells checked", checked)
}

// testRoot is the repository root, for tests that change directory.
func testRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}
