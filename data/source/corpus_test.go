package source

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusDirs are read in turn: the committed copy, and the shared corpus
// it came from when this checkout sits next to it (it also holds the two
// GPL files that are not copied).
var corpusDirs = []string{"testdata/corpus", "../../../shared/corpus"}

// corpusCase is what one corpus file must give. The checked table is the
// first one, or the one named by sheet.
type corpusCase struct {
	opts      Options
	tables    int // 1 when zero
	sheet     string
	layout    string // LayoutPlain when empty
	enc       string
	header    []string // a prefix of Header
	headerRow int
	cols      int // len(Header), when set
	rows      int
	date1904  bool
	check     func(t *testing.T, tb *Table, rows []Row)
}

func cell(t *testing.T, rows []Row, i, j int) string {
	t.Helper()
	if i >= len(rows) || j >= len(rows[i].Cells) {
		t.Fatalf("no cell %d of data row %d", j, i)
	}
	return rows[i].Cells[j]
}

func anyCell(rows []Row, pred func(string) bool) bool {
	for _, r := range rows {
		if slices.ContainsFunc(r.Cells, pred) {
			return true
		}
	}
	return false
}

func has(sub string) func(string) bool {
	return func(s string) bool { return strings.Contains(s, sub) }
}

func wantEq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func serialIs(t *testing.T, serial string, date1904 bool, want string) {
	t.Helper()
	tm, err := ExcelSerialToTime(mustFloat(t, serial), date1904)
	if err != nil || tm.Format(time.DateOnly) != want {
		t.Errorf("serial %s (1904=%v) = %v %v, want %s", serial, date1904, tm, err, want)
	}
}

var corpus = map[string]corpusCase{
	"surveys/qualtrics_sample_new_format_german.csv": {layout: LayoutQualtrics, enc: "utf-8", header: []string{"StartDate", "EndDate"},
		headerRow: 3, cols: 20, rows: 1, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "Header[17]", tb.Header[17], "Q1")
			wantEq(t, "ImportIDs[17]", tb.ImportIDs[17], "QID1")
			wantEq(t, "Questions[0]", tb.Questions[0], "Anfangsdatum")
			wantEq(t, "Q2", cell(t, rows, 0, 18), "Hello World!")
		}},
	"surveys/qualtrics_sample_legacy_format.csv": {layout: LayoutQualtricsLegacy, enc: "utf-8-bom",
		header: []string{"ResponseID", "ResponseSet", "Name"}, headerRow: 2, cols: 16, rows: 1,
		check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "Header[10]", tb.Header[10], "Q1")
			wantEq(t, "trailing empty column", tb.Header[15], "")
			wantEq(t, "cells", len(rows[0].Cells), 16)
			wantEq(t, "Questions[10]", tb.Questions[10], "This is a multiple choice question.")
		}},
	"surveys/qualtrics_api_beskar_armor.csv": {layout: LayoutQualtrics, enc: "utf-8", header: []string{"StartDate"},
		headerRow: 3, cols: 24, rows: 44, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "first Status", cell(t, rows, 0, 2), "Survey Preview")
			wantEq(t, "multi-line answer", cell(t, rows, 0, 20), "Yes, by me or someone outside the tribe \n\n")
			wantEq(t, "row after a multi-line record", rows[1].Num, 7)
			wantEq(t, "emoji", anyCell(rows, has("🤷🏻‍♀️")), true)
			wantEq(t, "quoted quote", anyCell(rows, has(`as well as a "quote" and`)), true)
		}},
	"surveys/qualtrics_api_multiselect_nps_textiq.csv": {layout: LayoutQualtrics, enc: "utf-8", header: []string{"StartDate"},
		headerRow: 3, cols: 34, rows: 45, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "ImportIDs[21]", tb.ImportIDs[21], "QID36#1")
			wantEq(t, "ChoiceIDs[21]", tb.ChoiceIDs[21], "1")
			wantEq(t, "Header[13]", tb.Header[13], "Q3.13_NPS_GROUP")
			wantEq(t, "NPS", cell(t, rows, 0, 13), "Promoter")
		}},
	"surveys/qualtrics_api_all_question_types_header_only.csv": {layout: LayoutQualtrics, enc: "utf-8",
		header: []string{"StartDate"}, headerRow: 3, cols: 91, rows: 0, check: func(t *testing.T, tb *Table, rows []Row) {
			i := slices.Index(tb.Header, "sidebyside_2_second_1")
			wantEq(t, "side-by-side ImportId", tb.ImportIDs[i], "QID8#2_2#1")
			wantEq(t, "side-by-side choiceId", tb.ChoiceIDs[i], "1")
		}},
	"surveys/qualtrics_api_in_progress_wide.csv": {layout: LayoutQualtrics, enc: "utf-8", header: []string{"StartDate"},
		headerRow: 405, cols: 1295, rows: 60, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "ResponseId prefix", strings.HasPrefix(cell(t, rows, 0, slices.Index(tb.Header, "ResponseId")), "FS_"), true)
			wantEq(t, "duplicate names kept", len(slices.Compact(slices.Sorted(slices.Values(tb.Header)))) < len(tb.Header), true)
		}},
	"surveys/qualtrics_api_in_progress_compact_display_order.csv": {layout: LayoutQualtrics, enc: "utf-8",
		header: []string{"StartDate"}, headerRow: 285, cols: 636, rows: 15, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "pipe-joined display order", anyCell(rows, has("SM1_62|SM1_28|")), true)
		}},
	"surveys/redcap_raw_simple_checkbox_multiline.csv": {enc: "utf-8", header: []string{"record_id", "name_first"},
		headerRow: 1, cols: 24, rows: 5, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "address", cell(t, rows, 0, 3), "14 Rose Cottage St.\nKenning UK, 323232")
			wantEq(t, "second record's line", rows[1].Num, 4)
		}},
	"surveys/redcap_data_dictionary_simple.csv": {enc: "utf-8", header: []string{"Variable / Field Name", "Form Name"},
		headerRow: 1, cols: 18, rows: 16},
	"surveys/redcap_raw_survey_timestamps.csv": {enc: "utf-8", header: []string{"participant_id"}, headerRow: 1, cols: 33,
		rows: 2, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "not completed", anyCell(rows, has("[not completed]")), true)
		}},
	"surveys/redcap_raw_longitudinal_events.csv": {enc: "utf-8", header: []string{"study_id", "redcap_event_name"},
		headerRow: 1, cols: 125, rows: 18},
	"surveys/redcap_raw_repeating_sparse.csv": {enc: "utf-8", header: []string{"record_id", "redcap_repeat_instrument"},
		headerRow: 1, cols: 15, rows: 9},
	"surveys/redcap_api_raw_validation_types_dag.csv": {enc: "utf-8", header: []string{"record_id", "redcap_event_name"},
		headerRow: 1, cols: 78, rows: 40, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "comma decimal", anyCell(rows, func(s string) bool { return s == "36,5" }), true)
		}},
	"surveys/redcap_api_metadata_validation_types.csv": {enc: "utf-8", header: []string{"Variable / Field Name"},
		headerRow: 1, cols: 18, rows: 57},
	"surveys/redcap_api_raw_all_field_types.csv": {enc: "utf-8", header: []string{"record_id"}, headerRow: 1, cols: 80,
		rows: 11, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "leading zero kept", anyCell(rows, func(s string) bool { return s == "08001" }), true)
		}},
	"surveys/surveymonkey_candidate_questionnaire_redacted.csv": {layout: LayoutSurveyMonkey, enc: "utf-8",
		header: []string{"Respondent ID", "Collector ID"}, headerRow: 2, cols: 41, rows: 25,
		check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "Header[9]", tb.Header[9], "Contact information - Name")
			wantEq(t, "Header[10]", tb.Header[10], "Contact information - Email")
			wantEq(t, "mojibake kept", strings.Contains(tb.Header[17], "project‚Äôs"), true)
			wantEq(t, "id", cell(t, rows, 0, 0), "118111109131")
		}},
	"surveys/surveymonkey_resaved_by_excel_redacted.csv": {layout: LayoutSurveyMonkey, enc: "utf-8",
		header: []string{"Respondent ID"}, headerRow: 2, cols: 41, rows: 15, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "id as Excel showed it", cell(t, rows, 0, 0), "1.18E+11")
			wantEq(t, "date as Excel showed it", cell(t, rows, 0, 2), "##########")
		}},

	"xlsx/libreoffice_dates_1900.xlsx": {enc: "xlsx", header: []string{"44197", "15"}, headerRow: 1, rows: 2,
		check: func(t *testing.T, tb *Table, rows []Row) {
			serialIs(t, tb.Header[0], false, "2021-01-01")
			serialIs(t, cell(t, rows, 0, 0), false, "2021-01-02")
			wantEq(t, "duration", cell(t, rows, 1, 0), "10.6320601851852")
		}},
	"xlsx/libreoffice_dates_1904.xlsx": {enc: "xlsx", header: []string{"42735"}, headerRow: 1, rows: 2, date1904: true,
		check: func(t *testing.T, tb *Table, rows []Row) {
			serialIs(t, tb.Header[0], true, "2021-01-01")
			serialIs(t, cell(t, rows, 0, 0), true, "2021-01-02")
		}},
	// The dates in these two are checked against their cached TEXT() in dates_test.go.
	"xlsx/excel_mac_1900_dates.xlsx": {enc: "xlsx", header: []string{"1", "1", "1900-01-01"}, headerRow: 1, rows: 4},
	"xlsx/excel_mac_1904_dates.xlsx": {enc: "xlsx", header: []string{"1", "1", "1904-01-02"}, headerRow: 1, rows: 4,
		date1904: true},
	"xlsx/excel_mac_book1_mixed.xlsx": {enc: "xlsx", tables: 2, header: []string{"Total:", "237"}, headerRow: 19, rows: 2,
		check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "first data row", rows[0].Num, 21)
			wantEq(t, "cell", cell(t, rows, 1, 0), "GitHub")
		}},
	"xlsx/excel_mac_book1_mixed.xlsx#Sheet2": {opts: Options{Sheet: "Sheet2"}, enc: "xlsx",
		header: []string{"Monitor", "", "Brand", "", "inlineStr"}, headerRow: 1, rows: 10,
		check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "entity", cell(t, rows, 0, 0), "> 23 Inch")
		}},
	"xlsx/excel_mac_leading_empty_rows.xlsx": {enc: "xlsx", header: []string{"", "", "Note 1"}, headerRow: 3, rows: 2},
	"xlsx/excel_mac_leading_empty_rows.xlsx#match": {enc: "xlsx", header: []string{"Columns", "Column A"}, headerRow: 9,
		rows: 1, opts: Options{HeaderMatch: func(c []string) bool { return slices.Contains(c, "Columns") }},
		check: func(t *testing.T, tb *Table, rows []Row) { wantEq(t, "row", rows[0].Num, 10) }},
	"xlsx/excel_online_merged_cells.xlsx": {enc: "xlsx", header: []string{"String Value 32"}, headerRow: 1, rows: 54,
		check: func(t *testing.T, tb *Table, rows []Row) { wantEq(t, "row", rows[0].Num, 7) }},
	"xlsx/excel2010_rich_text.xlsx": {enc: "xlsx", header: []string{"abcd"}, headerRow: 1, rows: 1,
		check: func(t *testing.T, tb *Table, rows []Row) { wantEq(t, "runs", cell(t, rows, 0, 0), "tvalrval1rval2") }},
	"xlsx/gnumeric_inline_full_dimension.xlsx": {enc: "xlsx", header: []string{"Your Ref #", "Contact Name"},
		headerRow: 1, cols: 11, rows: 1, check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "float as stored", cell(t, rows, 0, 7), "1.2010000000000001")
		}},
	"xlsx/excel_strict_ooxml.xlsx": {enc: "xlsx", header: []string{"Item", "Thickness"}, headerRow: 1, cols: 18, rows: 75,
		check: func(t *testing.T, tb *Table, rows []Row) {
			wantEq(t, "float", cell(t, rows, 0, 6), "78.459999999999994")
		}},
	"xlsx/excel2007_error_values.xlsx": {enc: "xlsx", header: []string{"#DIV/0!"}, headerRow: 1, rows: 6,
		check: func(t *testing.T, tb *Table, rows []Row) {
			var got []string
			for _, r := range rows {
				got = append(got, r.Cells[0])
			}
			wantEq(t, "errors", strings.Join(got, " "), "#NAME? #VALUE! #NULL! #REF! #NUM! #N/A")
		}},
	"xlsx/excel_online_wide_formulas.xlsx": {enc: "xlsx", header: []string{"", "영어"}, headerRow: 2, rows: 18,
		check: func(t *testing.T, tb *Table, rows []Row) { wantEq(t, "hangul", anyCell(rows, has("한글")), true) }},
	"xlsx/apple_numbers_attendance.xlsx": {enc: "xlsx", sheet: "Attendance - Attendance",
		header: []string{"Date", "Ben \nAshley", "Tom Brooks"}, headerRow: 2, rows: 24,
		check: func(t *testing.T, tb *Table, rows []Row) {
			serialIs(t, cell(t, rows, 0, 0), false, "2020-10-01")
			wantEq(t, "boolean", strings.Join(rows[0].Cells[1:4], ","), "0,1,1")
		}},
	"xlsx/google_sheets_types_formats.xlsx": {enc: "xlsx", header: []string{"Date", "44035.0"}, headerRow: 1, rows: 5,
		check: func(t *testing.T, tb *Table, rows []Row) {
			serialIs(t, tb.Header[1], false, "2020-07-23")
			wantEq(t, "currency", cell(t, rows, 1, 1), "123.0")
		}},
	"xlsx/libreoffice41_number_formats.xlsx": {enc: "xlsx", header: []string{"General", "1", "-1.2"}, headerRow: 1, rows: 37},
	"xlsx/excel_mac_large_shared_strings.xlsx": {enc: "xlsx", tables: 3, header: []string{"a", "a"}, headerRow: 1,
		cols: 17, rows: 9998},
	"xlsx/excel_mac_merge_cells.xlsx": {enc: "xlsx", header: []string{"A1:B2", "", "C1:C2"}, headerRow: 1, rows: 2},
	"xlsx/wps_spreadsheets_formulas.xlsx": {enc: "xlsx", header: []string{"Name", "Example", "Result"}, headerRow: 1,
		rows: 2, check: func(t *testing.T, tb *Table, rows []Row) { wantEq(t, "cached", cell(t, rows, 1, 2), "#VALUE!") }},
}

func TestCorpus(t *testing.T) {
	for _, dir := range corpusDirs {
		t.Run(filepath.Base(filepath.Dir(dir))+"/"+filepath.Base(dir), func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
			files = slices.DeleteFunc(files, func(p string) bool { return !strings.HasSuffix(p, ".csv") && !strings.HasSuffix(p, ".xlsx") })
			if len(files) == 0 {
				t.Skipf("no corpus at %s", dir)
			}
			for _, p := range files {
				rel, _ := filepath.Rel(dir, p)
				rel = filepath.ToSlash(rel)
				if strings.HasPrefix(rel, "reference/") {
					continue
				}
				keys := []string{rel}
				for k := range corpus {
					if strings.HasPrefix(k, rel+"#") {
						keys = append(keys, k)
					}
				}
				for _, k := range keys {
					c, ok := corpus[k]
					if !ok {
						t.Errorf("%s: no expectations; add it to corpus", rel)
						continue
					}
					t.Run(k, func(t *testing.T) { checkCorpusFile(t, p, c) })
				}
			}
		})
	}
}

func checkCorpusFile(t *testing.T, path string, c corpusCase) {
	start := time.Now()
	tables, err := OpenFile(path, c.opts)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, tb := range tables {
			if err := tb.Close(); err != nil {
				t.Error(err)
			}
		}
	}()
	wantEq(t, "tables", len(tables), max(c.tables, 1))
	tb := tables[0]
	if c.sheet != "" {
		wantEq(t, "Sheet", tb.Sheet, c.sheet)
	}
	res := drain(t, tb)
	if res.err != nil || len(res.errs) > 0 {
		t.Errorf("errors reading: %v %v", res.err, res.errs)
	}
	wantEq(t, "Layout", tb.Layout, cmp.Or(c.layout, LayoutPlain))
	wantEq(t, "Encoding", tb.Encoding, c.enc)
	wantEq(t, "HeaderRow", tb.HeaderRow, c.headerRow)
	wantEq(t, "rows", len(res.rows), c.rows)
	wantEq(t, "Date1904", tb.Date1904, c.date1904)
	if len(tb.Header) < len(c.header) || !slices.Equal(tb.Header[:len(c.header)], c.header) {
		t.Errorf("Header starts %q, want %q", tb.Header[:min(len(tb.Header), len(c.header))], c.header)
	}
	if c.cols > 0 {
		wantEq(t, "columns", len(tb.Header), c.cols)
	}
	if c.check != nil && !t.Failed() {
		c.check(t, tb, res.rows)
	}
	// The slowest file (17k shared strings) reads in about a second.
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestGnumericFullDimensionIsFast(t *testing.T) {
	p := "testdata/corpus/xlsx/gnumeric_inline_full_dimension.xlsx"
	if _, err := os.Stat(p); err != nil {
		t.Skip(err)
	}
	start := time.Now()
	tables, err := OpenFile(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	drain(t, tables[0])
	tables[0].Close()
	// About 0.1 s here; the bound leaves room for a slow CI machine.
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v for a sheet with 2 data rows", d)
	}
}
