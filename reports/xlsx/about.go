package xlsx

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"needsmap/analysis/disclosure"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// unsuppressedLine heads the About sheet of a run without suppression.
const unsuppressedLine = "UNSUPPRESSED — internal use only"

// aboutWidths are the About sheet's column widths; the inputs list uses
// all eight columns, with the SHA-256 last.
var aboutWidths = []float64{26, 36, 16, 12, 11, 11, 13, 68}

// about writes the About sheet line by line; the first error sticks.
type about struct {
	f   *excelize.File
	st  *styles
	row int
	err error
}

// writeAbout writes the notices, version, sheets, inputs, settings and
// the notes of every table.
func writeAbout(f *excelize.File, r *reports.Report, names []string, hasTop bool, st *styles) error {
	a := &about{f: f, st: st}
	if err := printSetup(f, AboutSheet); err != nil {
		return err
	}
	for i, w := range aboutWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(AboutSheet, col, col, w); err != nil {
			return fmt.Errorf("column width: %w", err)
		}
	}
	a.header(r)
	a.sheets(r, names, hasTop)
	a.inputs(r.Inputs)
	a.settings(r.Settings)
	a.notes(r.Tables, names)
	return a.err
}

// header writes the unsuppressed warning, title, subtitle, notices,
// version and the disclosure rule.
func (a *about) header(r *reports.Report) {
	if !r.Suppressed {
		a.line(a.st.alert, unsuppressedLine)
	}
	a.line(a.st.title, r.Title)
	if r.Subtitle != "" {
		a.line(0, r.Subtitle)
	}
	for _, n := range r.Notices {
		a.line(a.st.notice, n)
	}
	a.blank()
	a.line(0, "Version", r.Version)
	a.line(0, "Disclosure control", tables.SuppressionNote(disclosure.Options{Suppress: r.Suppressed, K: r.K}))
}

// sheets lists the workbook's sheets with their titles.
func (a *about) sheets(r *reports.Report, names []string, hasTop bool) {
	a.section("Sheets", "Sheet", "Contents")
	for i, t := range r.Tables {
		a.line(0, names[i], t.Title)
	}
	if hasTop {
		a.line(0, TopNeedsSheet, "Chart: top needs statewide (single choice)")
	}
}

// inputs lists every input with its checksum and row counts.
func (a *about) inputs(in []reports.Input) {
	a.section("Inputs", "Role", "File", "Layout", "Encoding", "Rows read", "Rows kept", "Rows rejected", "SHA-256")
	for _, i := range in {
		a.line(0, i.Role, i.File, i.Layout, i.Encoding, i.Read, i.Kept, i.Rejected, i.SHA256)
	}
}

// settings lists the effective configuration.
func (a *about) settings(s []reports.Setting) {
	a.section("Settings", "Key", "Value")
	for _, kv := range s {
		a.line(0, kv.Key, kv.Value)
	}
}

// notes gives each table's notes, so the table sheets hold only data.
func (a *about) notes(ts []*tables.Table, names []string) {
	a.blank()
	a.line(a.st.heading, "Notes by table")
	for i, t := range ts {
		if len(t.Notes) == 0 {
			continue
		}
		a.line(a.st.notice, names[i], t.Title)
		for _, n := range t.Notes {
			a.line(a.st.note, n)
		}
	}
}

// section starts a block: a blank line, a heading and a bold header row.
func (a *about) section(title string, columns ...any) {
	a.blank()
	a.line(a.st.heading, title)
	a.line(a.st.header, columns...)
}

func (a *about) blank() { a.row++ }

// line writes one row; text is neutralised against formula injection.
func (a *about) line(style int, vals ...any) {
	if a.err != nil {
		return
	}
	a.row++
	for i, v := range vals {
		if s, ok := v.(string); ok {
			vals[i] = tables.Neutralize(s)
		}
	}
	first := "A" + strconv.Itoa(a.row)
	if err := a.f.SetSheetRow(AboutSheet, first, &vals); err != nil {
		a.err = fmt.Errorf("row %d: %w", a.row, err)
		return
	}
	if style == 0 {
		return
	}
	last, _ := excelize.CoordinatesToCellName(len(vals), a.row)
	if err := a.f.SetCellStyle(AboutSheet, first, last, style); err != nil {
		a.err = fmt.Errorf("row %d: %w", a.row, err)
	}
}
