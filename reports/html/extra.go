package html

import (
	"fmt"

	"needsmap/reports"
	"needsmap/reports/tables"
)

// sectionView is a stage's section (reports.Section) ready to print.
type sectionView struct {
	ID, Title  string
	Appendix   bool
	Paragraphs []string
	Tables     []*tableView
	Figures    []figure
}

// sections renders the report's sections for one scope ("" for the
// appendices).
func (b *builder) sections(scope string) ([]sectionView, error) {
	var out []sectionView
	for _, s := range b.r.SectionsFor(scope) {
		v := sectionView{ID: b.id(scope + " " + s.Key), Title: s.Title, Appendix: scope == "", Paragraphs: s.Paragraphs}
		for _, t := range s.Tables {
			v.Tables = append(v.Tables, wholeTable(t))
		}
		for _, name := range s.Charts {
			c, ok := b.r.Chart(name)
			if !ok {
				return nil, fmt.Errorf("html: section %q shows chart %q, which the report does not have", s.Title, name)
			}
			svg, err := inlineSVG(c)
			if err != nil {
				return nil, err
			}
			b.figures++
			v.Figures = append(v.Figures, figure{Number: b.figures, Title: c.Title, Alt: c.Alt, SVG: svg})
		}
		out = append(out, v)
	}
	return out, nil
}

// wholeTable shows every column and row of a table, its title as caption.
func wholeTable(t *tables.Table) *tableView {
	cols := make([]int, 0, len(t.Columns))
	for i := 1; i < len(t.Columns); i++ {
		cols = append(cols, i)
	}
	v := fromTable(t, t.Title, cols, func([]tables.Cell) bool { return true })
	v.Notes = t.Notes
	return v
}

// methodNotes are the stages' methods subsections.
type methodNote = reports.MethodNote
