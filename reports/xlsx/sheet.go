package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"needsmap/reports/tables"
)

// maxSheetName is Excel's limit on a sheet name, in characters.
const maxSheetName = 31

// widthSample is how many rows are measured to size the columns.
const widthSample = 2000

// sheetNames gives each table a valid, unique sheet name: its Name with
// the characters Excel forbids replaced, cut to 31 characters, and made
// unique (case-insensitively, as Excel compares) against the reserved
// names and the tables before it.
func sheetNames(ts []*tables.Table, reserved ...string) []string {
	used := map[string]bool{}
	for _, r := range reserved {
		used[strings.ToLower(r)] = true
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		base := sanitize(t.Name)
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := "~" + strconv.Itoa(n)
			name = truncate(base, maxSheetName-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// sanitize replaces the characters Excel forbids in sheet names and the
// apostrophes it forbids at either end.
func sanitize(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
	name = truncate(strings.Trim(name, "'"), maxSheetName)
	if name == "" {
		return "Sheet"
	}
	return name
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// writeTable streams one table: a bold filled header, frozen below; an
// autofilter over the data; typed, formatted cells; heat-map colouring.
// The sheet holds nothing but the header and the rows, so it converts
// back to exactly the CSV.
func writeTable(f *excelize.File, sheet string, t *tables.Table, st *styles, opts Options) error {
	// Sheet properties are written when the stream starts.
	if err := printSetup(f, sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("stream writer: %w", err)
	}
	for i, w := range columnWidths(t) {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("column width: %w", err)
		}
	}
	if err := sw.SetPanes(frozenHeader()); err != nil {
		return fmt.Errorf("freeze header: %w", err)
	}
	if err := writeRows(sw, t, st); err != nil {
		return err
	}
	// The worksheet parts after sheetData are written by Flush, so the
	// filter and the conditional formats must be set before it.
	last, err := excelize.CoordinatesToCellName(max(len(t.Columns), 1), len(t.Rows)+1)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("autofilter: %w", err)
	}
	if err := heatMap(f, sheet, t, opts.HeatColumns); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("flush: %w", err)
	}
	return nil
}

// frozenHeader freezes the first row.
func frozenHeader() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}
}

// writeRows writes the header and the data rows, checking their widths.
func writeRows(sw *excelize.StreamWriter, t *tables.Table, st *styles) error {
	row := make([]any, len(t.Columns))
	for j, c := range t.Columns {
		row[j] = excelize.Cell{StyleID: st.header, Value: c}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return fmt.Errorf("header: %w", err)
	}
	for i, cells := range t.Rows {
		if len(cells) != len(t.Columns) {
			return fmt.Errorf("row %d has %d cells, want %d", i+1, len(cells), len(t.Columns))
		}
		for j, c := range cells {
			row[j] = cellValue(c, st)
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	return nil
}

// cellValue is the typed sheet value of a cell: its published number
// (a Float is the value of its six-decimal text, so the sheet shows and
// holds exactly what the CSV says), the suppression symbol right-aligned,
// neutralised text, or nothing for a missing value.
func cellValue(c tables.Cell, st *styles) any {
	switch {
	case c.Suppressed != "":
		return excelize.Cell{StyleID: st.suppressed, Value: c.Suppressed}
	case c.Missing:
		return nil
	case c.Kind == tables.Int:
		return excelize.Cell{StyleID: st.integer, Value: c.Int}
	case c.Kind == tables.Float:
		x, err := strconv.ParseFloat(c.String(), 64)
		if err != nil { // unreachable: String gives a decimal number
			return tables.Neutralize(c.String())
		}
		if x == 0 {
			x = 0 // "-0.000000" is stored as 0: spreadsheets have no -0
		}
		return excelize.Cell{StyleID: st.float, Value: x}
	}
	return tables.Neutralize(c.Text)
}

// columnWidths sizes each column to its header and the longest value of
// the first rows, within sensible bounds.
func columnWidths(t *tables.Table) []float64 {
	ws := make([]float64, len(t.Columns))
	for j, c := range t.Columns {
		ws[j] = float64(utf8.RuneCountInString(c)) + 3 // room for the filter button
	}
	for i, row := range t.Rows {
		if i == widthSample {
			break
		}
		for j, c := range row {
			if j < len(ws) {
				ws[j] = max(ws[j], float64(utf8.RuneCountInString(displayText(c)))+1)
			}
		}
	}
	for j := range ws {
		ws[j] = min(max(ws[j], 6), 60)
	}
	return ws
}

// displayText is the text a cell shows, as in the CSV.
func displayText(c tables.Cell) string {
	if c.Kind == tables.Text {
		return tables.Neutralize(c.String())
	}
	return c.String()
}

// heatMap adds a three-colour scale over every heat column of the table.
func heatMap(f *excelize.File, sheet string, t *tables.Table, heat []string) error {
	if len(t.Rows) == 0 {
		return nil
	}
	for j, col := range t.Columns {
		if !slices.Contains(heat, col) {
			continue
		}
		name, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		ref := fmt.Sprintf("%s2:%s%d", name, name, len(t.Rows)+1)
		err = f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=",
			MinType: "min", MidType: "percentile", MidValue: "50", MaxType: "max",
			MinColor: heatLow, MidColor: heatMid, MaxColor: heatHigh,
		}})
		if err != nil {
			return fmt.Errorf("heat map on %s: %w", col, err)
		}
	}
	return nil
}
