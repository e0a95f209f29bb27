package source

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// hostileSheets are worksheet XML bodies (inside <worksheet>) that excelize
// would misread without a word, and odd but valid ones that must read.
var hostileSheets = []struct {
	name, body string
	refused    string // "" when it must read
	rows       []Row  // header row first
}{
	{"row zero", `<row r="0"><c r="A0"><v>1</v></c></row>`, `row number "0" is not valid`, nil},
	{"negative row", `<row r="-5"><c r="A1"><v>1</v></c></row>`, `row number "-5" is not valid`, nil},
	{"row past the end", `<row r="1048577"><c><v>1</v></c></row>`, `row number "1048577" is not valid`, nil},
	{"bad column", `<row r="1"><c r="ZZZZZ1"><v>1</v></c></row>`, `cell reference "ZZZZZ1" is not valid`, nil},
	// excelize would merge these three rows into one.
	{"rows out of order", `<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>`,
		"rows must ascend", nil},
	{"duplicate row", `<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>1</v></c></row>`,
		"rows must ascend", nil},
	// excelize would put 2 in column C.
	{"cells out of order", `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>`, "cells must ascend", nil},
	{"cell in another row", `<row r="1"><c r="A2"><v>1</v></c></row>`, "inside row 1", nil},
	{"bad style", `<row r="1"><c r="A1" s="99999999999999999999"><v>1</v></c></row>`, "cell style", nil},
	{"no references", `<row><c><v>h</v></c><c><v>i</v></c></row><row/><row><c/><c><v>2</v></c></row>`, "",
		[]Row{{Num: 1, Cells: []string{"h", "i"}}, {Num: 3, Cells: []string{"", "2"}}}},
	{"typed cells", `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c>` +
		`<c r="C1" t="d"><v>2021-01-01T00:00:00</v></c><c r="D1" t="inlineStr"><is><t>x</t></is></c></row>`, "",
		[]Row{{Num: 1, Cells: []string{"1", "#N/A", "2021-01-01T00:00:00", "x"}}}},
	{"prefixed tags", `<x:row r="2" xmlns:x="s"><x:c r="B2"><x:v>7</x:v></x:c></x:row>`, "",
		[]Row{{Num: 2, Cells: []string{"", "7"}}}},
	{"gap and self-closing", `<row r="1"><c r="A1"><v>1</v></c></row><row r="5" ht="3"/><row r="9"><c r="A9" s="1"/>` +
		`<c r="B9"><v>9</v></c></row>`, "", []Row{{Num: 1, Cells: []string{"1"}}, {Num: 9, Cells: []string{"", "9"}}}},
}

func TestXLSXHostileSheets(t *testing.T) {
	for _, c := range hostileSheets {
		xml := `<worksheet><sheetData>` + c.body + `</sheetData></worksheet>`
		data := skeletonWith(map[string][]byte{"xl/worksheets/sheet1.xml": []byte(xml)})
		tables, err := openBytes(c.name+".xlsx", data, Options{})
		if c.refused != "" {
			if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), c.refused) {
				t.Errorf("%s: err %v, want %q", c.name, err, c.refused)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		tb := tables[0]
		res := drain(t, tb)
		got := append([]Row{{Num: tb.HeaderRow, Cells: tb.Header}}, res.rows...)
		if !reflect.DeepEqual(got, c.rows) || res.err != nil || len(res.errs) > 0 {
			t.Errorf("%s: rows %v %v %v, want %v", c.name, got, res.errs, res.err, c.rows)
		}
		tb.Close()
	}
}
