//go:build clients

package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// loCSVFilter exports every sheet (token 12 = -1, LibreOffice ≥ 7.2) as
// UTF-8 (76) comma-separated, "-quoted text, with cell contents as shown
// (token 9), as in reports/xlsx/xlsx_libreoffice_test.go.
const loCSVFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

// notTables are the workbook's sheets that hold no table of tables/.
var notTables = []string{"About", "Top needs"}

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

// checkWorkbook converts needsmap.xlsx with headless LibreOffice and checks
// that every table sheet reads back as the same records as its CSV in
// tables/ (the rejects sheet as rejects.csv), and that no sheet is left
// over. Records, not bytes, are compared: encoding/csv quotes a leading
// space and LibreOffice does not.
func checkWorkbook(t *testing.T, out string) {
	sheets := convertWorkbook(t, filepath.Join(out, "needsmap.xlsx"))
	want := expectedSheets(t, out)
	for _, name := range notTables {
		if _, ok := sheets[name]; !ok && name == "About" {
			t.Errorf("sheet %q missing", name)
		}
		delete(sheets, name)
	}
	for sheet, file := range want {
		got, ok := sheets[sheet]
		if !ok {
			t.Errorf("%s has no sheet %q in needsmap.xlsx", file, sheet)
			continue
		}
		delete(sheets, sheet)
		if err := sameRecords(readRecords(t, got), readRecords(t, file)); err != nil {
			t.Errorf("sheet %q vs %s: %v", sheet, filepath.Base(file), err)
		}
	}
	for sheet := range sheets {
		t.Errorf("sheet %q has no CSV in tables/", sheet)
	}
	t.Logf("LibreOffice converted needsmap.xlsx; %d table sheets compared with their CSV", len(want))
}

// convertWorkbook exports every sheet to CSV with a fresh LibreOffice
// profile and returns the CSV path of each sheet by name.
func convertWorkbook(t *testing.T, xlsx string) map[string]string {
	t.Helper()
	lo := lookTool(t, "libreoffice", "libreoffice-calc")
	dir := t.TempDir()
	profile := "file://" + filepath.Join(dir, "profile")
	csvDir := filepath.Join(dir, "csv")
	cmd := tool(t, lo, "--headless", "-env:UserInstallation="+profile,
		"--convert-to", loCSVFilter, "--outdir", csvDir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	prefix := strings.TrimSuffix(filepath.Base(xlsx), ".xlsx") + "-"
	files, _ := filepath.Glob(filepath.Join(csvDir, prefix+"*.csv"))
	if len(files) == 0 {
		t.Fatalf("LibreOffice wrote no CSV for %s", xlsx)
	}
	sheets := map[string]string{}
	for _, f := range files {
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), prefix), ".csv")] = f
	}
	return sheets
}

// expectedSheets maps each table's sheet name (its file name, cut to
// Excel's 31 characters) to its CSV file.
func expectedSheets(t *testing.T, out string) map[string]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(out, "tables", "*.csv"))
	files = append(files, filepath.Join(out, "rejects.csv"))
	want := map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".csv")
		if utf8.RuneCountInString(name) > maxSheetName {
			name = string([]rune(name)[:maxSheetName])
		}
		if prev, dup := want[name]; dup {
			t.Fatalf("%s and %s would share sheet %q", prev, f, name)
		}
		want[name] = f
	}
	return want
}

// readRecords parses a CSV file, allowing rows of any length.
func readRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return recs
}

// sameRecords reports the first difference between two CSV record lists.
func sameRecords(got, want [][]string) error {
	for i := range min(len(got), len(want)) {
		if !slices.Equal(got[i], want[i]) {
			return fmt.Errorf("record %d:\n got: %q\nwant: %q", i+1, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Errorf("%d records, want %d", len(got), len(want))
	}
	return nil
}
