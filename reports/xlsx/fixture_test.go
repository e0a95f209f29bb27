package xlsx

import (
	"bytes"
	"encoding/csv"
	"math"
	"testing"

	"needsmap/reports"
	"needsmap/reports/tables"
)

const testSHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// testReport is a small report exercising every kind of cell.
func testReport(suppressed bool) *reports.Report {
	T, I, F := tables.T, tables.I, tables.F
	ranking := &tables.Table{Name: "needs_ranking", Title: "Needs ranking",
		Columns: []string{"scope", "view", "category", "label", "n", "mean", "rank"},
		Notes:   []string{"Ranked by mean rating."}}
	means := []float64{3.5, 3.25, 2.875, 3.0, 2.5, 2.25}
	ranks := []int{1, 2, 4, 3, 5, 6} // deliberately not in rank order
	for i, m := range means {
		ranking.Rows = append(ranking.Rows, []tables.Cell{T("Statewide"), T("single"),
			T("cat" + string(rune('a'+i))), T("Need " + string(rune('A'+i))), I(40 - i), F(m), I(ranks[i])})
	}
	ranking.Rows = append(ranking.Rows,
		[]tables.Cell{T("Statewide"), T("combined"), T("x"), T("Other view"), I(9), F(3.9), I(1)},
		[]tables.Cell{T("Central"), T("single"), T("y"), T("Regional"), I(9), F(3.8), I(1)},
		[]tables.Cell{T("Central"), T("single"), T("z"), T("No rank"), I(0), F(math.NaN()), tables.Blank(tables.Int)})

	survivors := &tables.Table{Name: "survivors", Title: "Survivors served", Counts: true,
		Columns: []string{"region", "survivors", "share"},
		Notes:   []string{"Counts from 1 to 10 are shown as <11."},
		Rows: [][]tables.Cell{
			{T("St. Louis"), I(57), F(0.4567891)},
			{T("Southeast"), {Kind: tables.Int, Suppressed: "<11"}, tables.Blank(tables.Float)},
			{T("Central"), {Kind: tables.Int, Suppressed: "*"}, F(1.0 / 3)},
			{T("Total"), I(120), F(1)},
		}}

	gaps := &tables.Table{Name: "gaps", Title: "Need vs. supply",
		Columns: []string{"region", "note", "gap", "resources"},
		Rows: [][]tables.Cell{
			{T("St. Louis"), T(`=HYPERLINK("http://evil.example","click")`), F(0.5), I(13)},
			{T("Metro East"), T("@SUM(A1:A2)"), F(-0.25), I(2)},
			{T("Southwest"), T("-2+3"), F(0.0000004), I(0)},
			{T("Northwest"), T("+1, \"quoted\""), F(1.2345675), I(7)},
			{T("Kansas City"), T("01234"), F(-1.5), I(1)},
			{T("Northeast"), T("\tx\nnew line"), F(-0.75), I(3)},
			{T("Central"), T("Mental health — ünïcode; <b>"), F(12345.0000005), I(-4)},
		}}

	return &reports.Report{
		Title:      "Missouri needs assessment",
		Subtitle:   "Wave 2024",
		Notices:    []string{"Regions are approximate.", "Small samples in Central."},
		Tables:     []*tables.Table{ranking, survivors, gaps},
		Inputs:     []reports.Input{{Role: "survey", File: "survey.xlsx", SHA256: testSHA, Layout: "wide", Encoding: "UTF-8", Read: 120, Kept: 117, Rejected: 3}},
		Settings:   []reports.Setting{{Key: "disclosure.k", Value: "11"}, {Key: "needs.metric", Value: "mean"}},
		Version:    "v1.2.3",
		Suppressed: suppressed,
		K:          11,
	}
}

// writeBytes renders r or fails the test.
func writeBytes(t *testing.T, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// csvRecords is what package tables writes for t, parsed.
func csvRecords(t *testing.T, tb *tables.Table) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := tables.WriteCSV(&buf, tb); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}
