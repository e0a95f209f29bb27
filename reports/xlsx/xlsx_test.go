package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"needsmap/reports/tables"
)

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestSheetsInOrder(t *testing.T) {
	f := open(t, writeBytes(t, testReport(true)))
	want := []string{"About", "needs_ranking", "survivors", "gaps", "Top needs"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
}

// Every table sheet shows exactly the CSV's text (excelize renders the
// number formats), with nothing below the data.
func TestSheetsMatchCSV(t *testing.T) {
	r := testReport(true)
	f := open(t, writeBytes(t, r))
	for _, tb := range r.Tables {
		rows, err := f.GetRows(tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		want := csvRecords(t, tb)
		if len(rows) != len(want) {
			t.Fatalf("%s: %d rows, want %d", tb.Name, len(rows), len(want))
		}
		for i := range want {
			got := append(rows[i], make([]string, len(want[i])-len(rows[i]))...)
			if !slices.Equal(got, want[i]) {
				t.Errorf("%s row %d = %q, want %q", tb.Name, i+1, got, want[i])
			}
		}
	}
}

func TestTableFormatting(t *testing.T) {
	f := open(t, writeBytes(t, testReport(true)))
	panes, err := f.GetPanes("survivors")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, %v; want frozen header", panes, err)
	}
	sheetXML := zipEntry(t, writeBytes(t, testReport(true)), "xl/worksheets/sheet3.xml")
	if !strings.Contains(sheetXML, `<autoFilter ref="$A$1:$C$5"`) {
		t.Errorf("survivors: no autofilter over A1:C5")
	}
	header := styleOf(t, f, "survivors", "A1")
	if header.Font == nil || !header.Font.Bold || header.Fill.Pattern != 1 {
		t.Errorf("header style = %+v, want bold and filled", header)
	}
	if s := styleOf(t, f, "survivors", "B2"); s.NumFmt != 1 {
		t.Errorf("count format = %d, want 1 (\"0\")", s.NumFmt)
	}
	if s := styleOf(t, f, "survivors", "C2"); s.CustomNumFmt == nil || *s.CustomNumFmt != "0.000000" {
		t.Errorf("statistic format = %v, want 0.000000", s.CustomNumFmt)
	}
	if s := styleOf(t, f, "survivors", "B3"); s.Alignment == nil || s.Alignment.Horizontal != "right" {
		t.Errorf("suppressed cell not right-aligned: %+v", s.Alignment)
	}
	if w, _ := f.GetColWidth("needs_ranking", "D"); w < 8 {
		t.Errorf("label column width = %v", w)
	}
}

func TestCellValues(t *testing.T) {
	f := open(t, writeBytes(t, testReport(true)))
	cases := []struct {
		sheet, cell, raw string
		typ              excelize.CellType
	}{
		{"survivors", "B2", "57", excelize.CellTypeUnset},       // a number
		{"survivors", "C2", "0.456789", excelize.CellTypeUnset}, // the published value
		{"survivors", "C4", "0.333333", excelize.CellTypeUnset},
		{"survivors", "B3", "<11", excelize.CellTypeInlineString},
		{"survivors", "B4", "*", excelize.CellTypeInlineString},
		{"survivors", "C3", "", excelize.CellTypeUnset}, // missing
		{"gaps", "B2", `'=HYPERLINK("http://evil.example","click")`, excelize.CellTypeInlineString},
		{"gaps", "B3", "'@SUM(A1:A2)", excelize.CellTypeInlineString},
		{"gaps", "B6", "01234", excelize.CellTypeInlineString},
	}
	for _, c := range cases {
		raw, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(c.sheet, c.cell)
		if err != nil || raw != c.raw || typ != c.typ {
			t.Errorf("%s!%s = %q (type %v, %v), want %q (type %v)", c.sheet, c.cell, raw, typ, err, c.raw, c.typ)
		}
		if formula, _ := f.GetCellFormula(c.sheet, c.cell); formula != "" {
			t.Errorf("%s!%s is a formula: %q", c.sheet, c.cell, formula)
		}
	}
}

// A statistic that rounds to "-0.000000" is stored as 0: a sheet cannot
// show a negative zero.
func TestNegativeZero(t *testing.T) {
	st := &styles{float: 7}
	got := cellValue(tables.F(-0.0000004), st).(excelize.Cell)
	if x := got.Value.(float64); x != 0 || math.Signbit(x) {
		t.Errorf("value = %v (sign bit %v), want +0", x, math.Signbit(x))
	}
}

func TestHeatMap(t *testing.T) {
	f := open(t, writeBytes(t, testReport(true)))
	cf, err := f.GetConditionalFormats("gaps")
	if err != nil {
		t.Fatal(err)
	}
	opts := cf["C2:C8"]
	if len(opts) != 1 || opts[0].Type != "3_color_scale" {
		t.Errorf("gaps conditional formats = %+v, want a 3-colour scale on C2:C8", cf)
	}
	if cf, _ := f.GetConditionalFormats("survivors"); len(cf) != 0 {
		t.Errorf("survivors has conditional formats: %+v", cf)
	}
}

func TestAbout(t *testing.T) {
	r := testReport(false)
	f := open(t, writeBytes(t, r))
	rows, err := f.GetRows("About")
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != unsuppressedLine {
		t.Errorf("first line = %q, want the unsuppressed warning", rows[0][0])
	}
	if s := styleOf(t, f, "About", "A1"); s.Font == nil || !s.Font.Bold || s.Font.Color == "" {
		t.Errorf("warning style = %+v, want bold and coloured", s.Font)
	}
	text := joinRows(rows)
	for _, want := range []string{r.Title, r.Subtitle, r.Notices[0], r.Notices[1], "v1.2.3", testSHA,
		"survey.xlsx", "wide", "120\t117\t3", "disclosure.k\t11", "needs.metric\tmean",
		"Notes by table", "Ranked by mean rating.", "Counts from 1 to 10 are shown as <11."} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q", want)
		}
	}
	suppressed := open(t, writeBytes(t, testReport(true)))
	rows, _ = suppressed.GetRows("About")
	if strings.Contains(joinRows(rows), "UNSUPPRESSED") {
		t.Error("suppressed report says UNSUPPRESSED")
	}
}

func TestTopNeedsChart(t *testing.T) {
	data := writeBytes(t, testReport(true))
	f := open(t, data)
	rows, err := f.GetRows(TopNeedsSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Rank", "Need", "Mean rating"}, {"1", "Need A", "3.500000"}, {"2", "Need B", "3.250000"},
		{"3", "Need D", "3.000000"}, {"4", "Need C", "2.875000"}, {"5", "Need E", "2.500000"}}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("top needs = %q, want %q", rows, want)
	}
	chart := zipEntry(t, data, "xl/charts/chart1.xml")
	for _, ref := range []string{"&#39;Top needs&#39;!$B$2:$B$6", "&#39;Top needs&#39;!$C$2:$C$6", `<barDir val="bar">`, `<varyColors val="0">`} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart1.xml lacks %s", ref)
		}
	}
}

func TestNoRankingNoChart(t *testing.T) {
	r := testReport(true)
	r.Tables = r.Tables[1:]
	f := open(t, writeBytes(t, r))
	if idx, _ := f.GetSheetIndex(TopNeedsSheet); idx != -1 {
		t.Error("Top needs sheet without a ranking")
	}
}

func TestDeterministic(t *testing.T) {
	first := writeBytes(t, testReport(false))
	for i := 0; i < 20; i++ {
		if !bytes.Equal(first, writeBytes(t, testReport(false))) {
			t.Fatal("two writes of the same report differ")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry = %s", zr.File[0].Name)
	}
	for _, zf := range zr.File {
		if !zf.Modified.Equal(zipTime) {
			t.Errorf("%s modified %v", zf.Name, zf.Modified)
		}
	}
	core := zipEntry(t, first, "docProps/core.xml")
	if strings.Count(core, fixedTime) != 2 {
		t.Errorf("core.xml dates not fixed: %s", core)
	}
}

func TestLargeTable(t *testing.T) {
	r := testReport(true)
	big := &tables.Table{Name: "rejects", Columns: []string{"file", "row", "reason"}}
	for i := 0; i < 12000; i++ {
		big.Rows = append(big.Rows, []tables.Cell{tables.T("survey.csv"), tables.I(i + 2), tables.T("=bad")})
	}
	r.Tables = append(r.Tables, big)
	f := open(t, writeBytes(t, r))
	v, err := f.GetCellValue("rejects", "C12001")
	if err != nil || v != "'=bad" {
		t.Errorf("rejects!C12001 = %q, %v", v, err)
	}
}

func TestBadRow(t *testing.T) {
	r := testReport(true)
	r.Tables[1].Rows = append(r.Tables[1].Rows, []tables.Cell{tables.T("short")})
	if err := Write(io.Discard, r); err == nil || !strings.Contains(err.Error(), "survivors") {
		t.Errorf("short row: err = %v, want an error naming the sheet", err)
	}
}

func TestSheetNames(t *testing.T) {
	long := strings.Repeat("x", 40)
	ts := []*tables.Table{{Name: "a/b:c*d?e[f]g\\h"}, {Name: "about"}, {Name: long}, {Name: long}, {Name: "'q'"}, {Name: ""}}
	got := sheetNames(ts, AboutSheet, TopNeedsSheet)
	want := []string{"a_b_c_d_e_f_g_h", "about~2", strings.Repeat("x", 31), strings.Repeat("x", 29) + "~2", "q", "Sheet"}
	if !slices.Equal(got, want) {
		t.Errorf("sheetNames = %q, want %q", got, want)
	}
}

func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func zipEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("workbook lacks %s: %v", name, err)
	}
	defer func() { _ = rc.Close() }()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func joinRows(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}
