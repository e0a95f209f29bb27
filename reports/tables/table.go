// Package tables turns analysis results into plain typed tables — the one
// place where numbers get their published form (six decimals, suppressed
// counts as "<11") — and writes them as CSV with spreadsheet formula
// injection neutralised. The workbook and the HTML report render the same
// Table values, so every output shows the same numbers.
package tables

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Kind is how a cell's value is typed. A byte, beside Missing, keeps a
// Cell at 56 bytes: a 90,000-pair network table holds 270,000 of them.
type Kind uint8

// Cell kinds.
const (
	Text  Kind = iota
	Int        // a count
	Float      // a statistic, written with six decimals
)

// Cell is one value. A missing number is written as an empty field; a
// suppressed count carries its published symbol instead of its value.
type Cell struct {
	Kind       Kind
	Missing    bool
	Text       string
	Int        int
	Float      float64
	Suppressed string
}

// T returns a text cell.
func T(s string) Cell { return Cell{Kind: Text, Text: s} }

// I returns a count cell.
func I(n int) Cell { return Cell{Kind: Int, Int: n} }

// F returns a statistic cell; NaN is missing.
func F(x float64) Cell {
	return Cell{Kind: Float, Float: x, Missing: math.IsNaN(x) || math.IsInf(x, 0)}
}

// Blank returns a missing cell of the given kind.
func Blank(k Kind) Cell { return Cell{Kind: k, Missing: true} }

// String is the cell's published text, as written to CSV.
func (c Cell) String() string {
	switch {
	case c.Suppressed != "":
		return c.Suppressed
	case c.Missing:
		return ""
	case c.Kind == Int:
		return strconv.Itoa(c.Int)
	case c.Kind == Float:
		return Fixed6(c.Float)
	}
	return c.Text
}

// Table is one output table: tables/<Name>.csv and a sheet of the workbook.
type Table struct {
	Name    string // file stem and sheet name
	Title   string // human title for the report and the workbook
	Columns []string
	Rows    [][]Cell
	// Notes explain the table (suppression rule, approximations); they go
	// to the report and the workbook, not into the CSV.
	Notes []string
	// Counts marks a table of survivor or referral counts (subject to
	// disclosure control).
	Counts bool
}

// Column returns the index of a column by name, or -1.
func (t *Table) Column(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// WriteCSV writes the table with a header row. Every text cell is
// neutralised against formula injection.
func WriteCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return fmt.Errorf("write %s: %w", t.Name, err)
	}
	rec := make([]string, len(t.Columns))
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("write %s: row %d has %d cells, want %d", t.Name, i+1, len(row), len(t.Columns))
		}
		for j, c := range row {
			rec[j] = c.String()
			if c.Kind == Text {
				rec[j] = Neutralize(rec[j])
			}
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write %s: %w", t.Name, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write %s: %w", t.Name, err)
	}
	return nil
}

// Neutralize prefixes a value that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR) with an apostrophe, the OWASP
// mitigation for CSV injection. Numbers are never passed here.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Fixed6 formats a statistic with six decimals, the published precision.
// A value that rounds to zero from below is written "0.000000", not
// "-0.000000": spreadsheets cannot show a negative zero, and the CSV, the
// workbook and the report must agree.
func Fixed6(x float64) string {
	s := strconv.FormatFloat(x, 'f', 6, 64)
	if s == "-0.000000" {
		return s[1:]
	}
	return s
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
