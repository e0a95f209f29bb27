//go:build libreoffice

package xlsx

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"needsmap/reports/tables"
)

// loCSVFilter exports every sheet (token 12 = -1, LibreOffice ≥ 7.2) as
// UTF-8 (76) comma-separated, "-quoted text, with cell contents as shown
// (token 9 = true, so 0.000000-formatted numbers keep six decimals).
const loCSVFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

// TestLibreOfficeCSV converts the workbook with headless LibreOffice and
// checks that each table sheet gives back the CSV package tables writes.
func TestLibreOfficeCSV(t *testing.T) {
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Skip("libreoffice not installed")
	}
	dir := t.TempDir()
	r := testReport(false)
	wb := filepath.Join(dir, "needsmap.xlsx")
	if err := WriteFile(wb, r); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A private profile keeps this run apart from any other LibreOffice.
	cmd := exec.CommandContext(ctx, lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", loCSVFilter, "--outdir", dir, wb)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	for _, tb := range r.Tables {
		got, err := os.ReadFile(filepath.Join(dir, "needsmap-"+tb.Name+".csv"))
		if err != nil {
			t.Fatalf("sheet %s not exported: %v", tb.Name, err)
		}
		var want bytes.Buffer
		if err := tables.WriteCSV(&want, tb); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: LibreOffice CSV differs\n got: %q\nwant: %q", tb.Name, got, want.Bytes())
		}
		gotRecs, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
		if err != nil || !slices.EqualFunc(gotRecs, csvRecords(t, tb), slices.Equal) {
			t.Errorf("%s: records differ (%v)", tb.Name, err)
		}
	}
}
