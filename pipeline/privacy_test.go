package pipeline

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// goodReferrals is a partner sheet with canonical columns.
func goodReferrals(n int) [][]string {
	rows := [][]string{{"referral_id", "referral_date", "client_code", "referring_agency", "receiving_agency",
		"service", "region", "status", "completed_date"}}
	statuses := []string{"completed", "not_completed", "declined", "pending", "completed"}
	for i := 0; i < n; i++ {
		st := statuses[i%5]
		done := ""
		if st == "completed" {
			done = fmt.Sprintf("2020-%02d-%02d", 1+i%12, 10+i%15)
		}
		rows = append(rows, []string{fmt.Sprintf("G-%d", i+1), fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i%9),
			fmt.Sprintf("C%04d", i), "Gateway Family Services", "Ozark Legal Aid",
			[]string{"mental_health", "legal_assistance", "adult_shelter"}[i%3],
			[]string{"St. Louis", "Southwest", "Kansas City"}[i%3], st, done})
	}
	return rows
}

// badReferrals is a sheet that names its clients: every data value is
// distinctive, so any trace of it in an output is found.
func badReferrals() [][]string {
	return [][]string{
		{"referral_id", "referral_date", "Client Name", "client_code", "referring_agency", "receiving_agency", "service", "region", "status", "Phone"},
		{"BADREF-7781", "2020-03-17", "Zelda Quixotic", "ZQX-99871", "Xylophone Outreach Collective", "Quasar Shelter Partners", "mental_health", "Central", "completed", "573-555-0147"},
		{"BADREF-7782", "2020-04-23", "Yorick Vantablack", "ZQX-99872", "Xylophone Outreach Collective", "Quasar Shelter Partners", "legal_assistance", "Central", "declined", "573-555-0148"},
		{"BADREF-7783", "2020-05-29", "Wilhelmina Zorrotzua", "ZQX-99873", "Quasar Shelter Partners", "Xylophone Outreach Collective", "adult_shelter", "Northeast", "pending", "573-555-0149"},
	}
}

func writeCSVFile(t *testing.T, path string, rows [][]string) {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIdentifierSheetRefused: a referral sheet with a Client Name column
// is refused with a message naming the columns, the other sheets are
// used, and no value of any of its cells reaches any output file (the
// workbook's XML parts and the SVG charts included).
func TestIdentifierSheetRefused(t *testing.T) {
	for _, kind := range []string{"csv", "xlsx"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			os.MkdirAll(in, 0o755)
			writeCSVFile(t, filepath.Join(in, "a_good.csv"), goodReferrals(200))
			if kind == "csv" {
				writeCSVFile(t, filepath.Join(in, "b_bad.csv"), badReferrals())
			} else {
				writeXLSXFile(t, filepath.Join(in, "b_bad.xlsx"), badReferrals())
			}
			cfg := sampleConfig(t, filepath.Join(dir, "out"))
			cfg.Inputs.Referrals = in
			out := runSample(t, cfg)
			refused := false
			for _, p := range out.Problems {
				if strings.Contains(p.Reason, "sheet refused") && strings.Contains(p.Reason, "C (Client Name)") &&
					strings.Contains(p.Reason, "J (Phone)") {
					refused = true
				}
			}
			if !refused {
				t.Fatalf("no refusal naming the columns among %v", out.Problems)
			}
			assertNoTrace(t, cfg.Output.Dir, badReferrals()[1:], goodReferrals(200))
			// The search finds what is there: the good sheet's agencies.
			texts, _ := outputTexts(t, cfg.Output.Dir)
			if !strings.Contains(strings.Join(texts, "\n"), "Ozark Legal Aid") {
				t.Fatal("the output search does not find a value that is there")
			}

			// The refused sheet changes no table: compare with a run on the
			// good sheet alone.
			alone := filepath.Join(dir, "alone")
			os.MkdirAll(alone, 0o755)
			writeCSVFile(t, filepath.Join(alone, "a_good.csv"), goodReferrals(200))
			cfg2 := sampleConfig(t, filepath.Join(dir, "out2"))
			cfg2.Inputs.Referrals = alone
			runSample(t, cfg2)
			for _, name := range []string{"referrals_by_region_service.csv", "referrals_by_quarter.csv", "referral_network.csv"} {
				a, _ := os.ReadFile(filepath.Join(cfg.Output.Dir, "tables", name))
				b, _ := os.ReadFile(filepath.Join(cfg2.Output.Dir, "tables", name))
				if !bytes.Equal(a, b) {
					t.Errorf("%s changed by the refused sheet", name)
				}
			}
		})
	}
}

// TestDropIdentifiers: with referrals.drop_identifiers the sheet is used
// but its identifier columns are dropped unread.
func TestDropIdentifiers(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	writeCSVFile(t, filepath.Join(in, "b_bad.csv"), badReferrals())
	cfg := sampleConfig(t, filepath.Join(dir, "out"))
	cfg.Inputs.Referrals = in
	cfg.Referrals.DropIdentifiers = true
	cfg.Disclosure.Suppress = false
	out := runSample(t, cfg)
	if out.Inputs[0].Kept != 3 {
		t.Fatalf("kept %d rows, want 3", out.Inputs[0].Kept)
	}
	var names, phones [][]string
	for _, r := range badReferrals()[1:] {
		names = append(names, []string{r[2]})
		phones = append(phones, []string{r[9]})
	}
	assertNoTrace(t, cfg.Output.Dir, append(names, phones...), nil)
}

// assertNoTrace fails when any value of rows that does not also occur
// in allowed appears in any output file. Coded values every report
// prints whatever the input (region names, category keys, statuses) are
// allowed too. Workbooks are unzipped; PNG charts hold no text (their
// SVG twins are searched).
func assertNoTrace(t *testing.T, outDir string, rows, allowed [][]string) {
	t.Helper()
	ok := map[string]bool{"completed": true, "not_completed": true, "declined": true, "pending": true}
	cfg := DefaultConfig()
	for _, r := range cfg.Regions {
		ok[r.Name] = true
	}
	for _, c := range cfg.Categories {
		ok[c.Key] = true
	}
	for _, r := range allowed {
		for _, v := range r {
			ok[v] = true
		}
	}
	texts, names := outputTexts(t, outDir)
	for _, r := range rows {
		for _, v := range r {
			if ok[v] || len(v) < 4 {
				continue
			}
			for i, text := range texts {
				if strings.Contains(text, v) {
					t.Errorf("%q from the identifying sheet appears in %s", v, names[i])
				}
			}
		}
	}
}

// outputTexts returns the text of every output file (each XML part of a
// workbook separately) and its name.
func outputTexts(t *testing.T, outDir string) (texts, names []string) {
	t.Helper()
	filepath.WalkDir(outDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".png") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, ".xlsx") {
			for name, part := range unzipAll(t, b) {
				texts, names = append(texts, part), append(names, p+"!"+name)
			}
			return nil
		}
		texts, names = append(texts, string(b)), append(names, p)
		return nil
	})
	if len(texts) < 10 {
		t.Fatalf("only %d output files searched", len(texts))
	}
	return texts, names
}

func unzipAll(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(data)
	}
	return out
}

func writeXLSXFile(t *testing.T, path string, rows [][]string) {
	t.Helper()
	book := excelize.NewFile()
	for i, rec := range rows {
		row := make([]any, len(rec))
		for j, v := range rec {
			row[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := book.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := book.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func mkdirAll(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
