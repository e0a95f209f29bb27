package tables

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"needsmap/analysis/disclosure"
)

func TestNeutralize(t *testing.T) {
	cases := map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "plain": "plain", "": "", "a=b": "a=b",
	}
	for in, want := range cases {
		if got := Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCellString(t *testing.T) {
	cases := []struct {
		c    Cell
		want string
	}{
		{F(3.5), "3.500000"}, {F(0.0078125), "0.007812"}, {F(-1e-17), "0.000000"}, {F(math.NaN()), ""},
		{I(12), "12"}, {Blank(Int), ""}, {T("x"), "x"}, {Cell{Kind: Int, Int: 3, Suppressed: "<11"}, "<11"},
	}
	for _, c := range cases {
		if got := c.c.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.c, got, c.want)
		}
	}
}

func TestWriteCSVNeutralisesTextOnly(t *testing.T) {
	tab := &Table{Name: "t", Columns: []string{"name", "n", "x"},
		Rows: [][]Cell{{T("=cmd|' /C calc'!A0"), I(-3), F(-0.5)}, {T("@x"), Blank(Int), F(math.NaN())}}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tab); err != nil {
		t.Fatal(err)
	}
	want := "name,n,x\n'=cmd|' /C calc'!A0,-3,-0.500000\n'@x,,\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	tab.Rows = append(tab.Rows, []Cell{T("short")})
	if err := WriteCSV(&buf, tab); err == nil || !strings.Contains(err.Error(), "row 3") {
		t.Errorf("ragged table: err = %v", err)
	}
}

func TestCountCell(t *testing.T) {
	opts := disclosure.Options{Suppress: true, K: 11}
	if got := CountCell(disclosure.Cell{Value: 4, Suppressed: true, Primary: true}, opts).String(); got != "<11" {
		t.Errorf("primary = %q", got)
	}
	if got := CountCell(disclosure.Cell{Value: 40, Suppressed: true}, opts).String(); got != "*" {
		t.Errorf("complementary = %q", got)
	}
	if got := CountCell(disclosure.Cell{Value: 0}, opts).String(); got != "0" {
		t.Errorf("zero = %q", got)
	}
	if s := share(disclosure.Cell{Value: 4, Suppressed: true}, disclosure.Cell{Value: 40}); !s.Missing {
		t.Errorf("share of a suppressed count must not be published: %v", s)
	}
}
