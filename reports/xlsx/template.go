package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"needsmap/reports"
)

// Sheets of a template besides its data sheet. Readers skip sheets with
// these names (normalize.TemplateSheets).
const (
	InstructionsSheet = "Instructions"
	ListsSheet        = "Lists"
)

// TemplateRows is how many rows of the data sheet carry drop-downs and
// date formats.
const TemplateRows = 5000

// Date validation bounds, as 1900-system serials: 2000-01-01 and
// 2099-12-31.
const (
	firstSerial = 36526
	lastSerial  = 73415
)

// WriteTemplate renders a blank input workbook: the data sheet (header,
// frozen, with drop-downs, date cells and prompts), an Instructions
// sheet, and the drop-down lists on a hidden Lists sheet. Its bytes
// depend only on t.
func WriteTemplate(w io.Writer, t *reports.Template) error {
	if t == nil || len(t.Columns) == 0 {
		return fmt.Errorf("xlsx: empty template")
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := buildTemplate(f, t); err != nil {
		return fmt.Errorf("xlsx: template %s: %w", t.Kind, err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return fmt.Errorf("xlsx: serialise template: %w", err)
	}
	return canonicalZip(w, buf.Bytes())
}

func buildTemplate(f *excelize.File, t *reports.Template) error {
	if err := f.SetSheetName(f.GetSheetName(0), t.Sheet); err != nil {
		return err
	}
	for _, name := range []string{InstructionsSheet, ListsSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	refs, err := writeLists(f, t.Lists)
	if err != nil {
		return err
	}
	if err := writeDataSheet(f, t, refs); err != nil {
		return err
	}
	if err := writeInstructions(f, t); err != nil {
		return err
	}
	if err := f.SetSheetVisible(ListsSheet, false); err != nil {
		return err
	}
	for _, sheet := range []string{t.Sheet, InstructionsSheet} {
		if err := printSetup(f, sheet); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.SetDocProps(&excelize.DocProperties{Title: t.Title, Creator: "needsmap", LastModifiedBy: "needsmap",
		Created: fixedTime, Modified: fixedTime})
}

// writeLists puts each list in its own column of the Lists sheet, under a
// title that is no column name of any input, and returns each list's
// absolute range.
func writeLists(f *excelize.File, lists []reports.TemplateList) (map[string]string, error) {
	refs := map[string]string{}
	for i, l := range lists {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(ListsSheet, col+"1", "List of "+l.Name); err != nil {
			return nil, err
		}
		for j, v := range l.Values {
			if err := f.SetCellStr(ListsSheet, fmt.Sprintf("%s%d", col, j+2), v); err != nil {
				return nil, err
			}
		}
		refs[l.Name] = fmt.Sprintf("%s!$%s$2:$%s$%d", ListsSheet, col, col, len(l.Values)+1)
	}
	return refs, nil
}

func writeDataSheet(f *excelize.File, t *reports.Template, refs map[string]string) error {
	sheet := t.Sheet
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9E1F2"}},
		Border: []excelize.Border{{Type: "bottom", Color: "#8EA9DB", Style: 1}}})
	if err != nil {
		return err
	}
	dateFmt, textFmt := "yyyy-mm-dd", 49 // 49: the built-in Text format "@"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: textFmt})
	if err != nil {
		return err
	}
	for i, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(sheet, col+"1", c.Name); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, max(c.Width, float64(len(c.Name))+4)); err != nil {
			return err
		}
		style := text
		if c.Kind == reports.DateColumn {
			style = date
		}
		// A column style formats every cell a user fills in without
		// writing thousands of empty cells; the header's own style wins.
		if c.Kind != reports.WholeColumn {
			if err := f.SetColStyle(sheet, col, style); err != nil {
				return err
			}
		}
		if err := addValidation(f, sheet, col, c, refs); err != nil {
			return fmt.Errorf("column %s: %w", c.Name, err)
		}
	}
	last, _ := excelize.ColumnNumberToName(len(t.Columns))
	if err := f.SetCellStyle(sheet, "A1", last+"1", header); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// addValidation adds the column's drop-down, date or number rule and a
// prompt with its help text.
func addValidation(f *excelize.File, sheet, col string, c reports.TemplateColumn, refs map[string]string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, TemplateRows+1)
	switch c.Kind {
	case reports.ListColumn:
		ref, ok := refs[c.List]
		if !ok {
			return fmt.Errorf("no list %q", c.List)
		}
		dv.SetSqrefDropList(ref)
		if c.Strict {
			dv.SetError(excelize.DataValidationErrorStyleStop, c.Name, "Choose a value from the list.")
		} else {
			dv.SetError(excelize.DataValidationErrorStyleInformation, c.Name, "This value is not in the list; check it is what you mean.")
		}
	case reports.DateColumn:
		if err := dv.SetRange(firstSerial, lastSerial, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.Name, "Enter a date between 2000 and 2099.")
	case reports.WholeColumn:
		if err := dv.SetRange(0, 1000000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.Name, "Enter a whole number of 0 or more.")
	default:
		if c.Help == "" {
			return nil
		}
	}
	dv.SetInput(truncate(c.Name, 32), truncate(c.Help, 255))
	return f.AddDataValidation(sheet, dv)
}

// writeInstructions explains the sheet: its purpose and privacy rules,
// then one row per column with what it holds and the allowed values.
func writeInstructions(f *excelize.File, t *reports.Template) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	s := InstructionsSheet
	row := 1
	put := func(cells ...string) error {
		for i, v := range cells {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetCellStr(s, fmt.Sprintf("%s%d", col, row), v); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	if err := put(t.Title); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", bold); err != nil {
		return err
	}
	for _, p := range t.Intro {
		if err := paragraph(f, s, row, p, wrap); err != nil {
			return err
		}
		row++
	}
	row++
	head := row
	if err := put("Column", "What it holds", "Allowed values", "Required"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, fmt.Sprintf("A%d", head), fmt.Sprintf("D%d", head), bold); err != nil {
		return err
	}
	for _, c := range t.Columns {
		req := "no"
		if c.Required {
			req = "yes"
		}
		a := allowed(t, c)
		lines := max(len(c.Help)/65, len(a)/55) + 1
		if err := f.SetRowHeight(s, row, float64(lines)*15+2); err != nil {
			return err
		}
		if err := put(c.Name, c.Help, a, req); err != nil {
			return err
		}
	}
	for i, w := range []float64{22, 70, 60, 10} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	return f.SetCellStyle(s, fmt.Sprintf("A%d", head+1), fmt.Sprintf("D%d", row), wrap)
}

// paragraph writes text across columns A–D of one row, wrapped, with
// the row tall enough for it (spreadsheets do not grow merged rows).
func paragraph(f *excelize.File, sheet string, row int, text string, style int) error {
	a, d := fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row)
	if err := f.SetCellStr(sheet, a, text); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, a, d); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, a, d, style); err != nil {
		return err
	}
	lines := len(text)/150 + 1
	return f.SetRowHeight(sheet, row, float64(lines)*15+3)
}

// allowed describes a column's values for the instructions.
func allowed(t *reports.Template, c reports.TemplateColumn) string {
	switch c.Kind {
	case reports.DateColumn:
		return "a date (the cells are date cells: type 2021-03-15 or 3/15/2021)"
	case reports.WholeColumn:
		return "a whole number of 0 or more"
	case reports.ListColumn:
		l, _ := t.List(c.List)
		text := "from the drop-down list"
		if !c.Strict {
			text = "usually from the drop-down list"
		}
		if len(l.Values) <= 30 {
			text += ": " + strings.Join(l.Values, "; ")
		} else {
			text += fmt.Sprintf(" (%d values)", len(l.Values))
		}
		return text
	}
	return "text"
}
