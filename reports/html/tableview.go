package html

import (
	"strconv"

	"needsmap/reports"
	"needsmap/reports/format"
	"needsmap/reports/tables"
)

// tableView is a table ready to print: the first column holds the row
// headers (<th scope="row">), Head the column headers.
type tableView struct {
	Caption string
	Head    []cellView
	Rows    []tableRow
	Notes   []string
}

// heads returns text column headers; the columns listed in num hold
// numbers, so their headers align right.
func heads(names []string, num ...int) []cellView {
	out := make([]cellView, len(names))
	for i, n := range names {
		out[i] = cellView{Text: n}
	}
	for _, i := range num {
		out[i].Num = true
	}
	return out
}

type tableRow struct {
	Head  string
	Cells []cellView
}

// cellView is one data cell; Num right-aligns it, Sup marks a suppressed
// count, Mono a checksum.
type cellView struct {
	Text           string
	Num, Sup, Mono bool
}

// Class is the cell's class attribute.
func (c cellView) Class() string {
	switch {
	case c.Sup:
		return "num sup"
	case c.Num:
		return "num"
	case c.Mono:
		return "mono"
	}
	return ""
}

// snapshotTables shows the survivors-served table as reports.SnapshotViews
// splits it, keeping every row (statewide) or only the scope's own row.
func snapshotTables(t *tables.Table, scope string, all bool) []*tableView {
	keep := func(row []tables.Cell) bool { return reports.SnapshotRow(row, scope, all) }
	var out []*tableView
	for _, v := range reports.SnapshotViews(t, scope, all) {
		out = append(out, fromTable(t, v.Title, v.Columns, keep))
	}
	if len(out) == 0 || len(out[0].Rows) == 0 {
		return nil
	}
	return out
}

// fromTable takes the given columns of the rows that keep accepts; the
// table's first column becomes the row header.
func fromTable(t *tables.Table, caption string, cols []int, keep func([]tables.Cell) bool) *tableView {
	v := &tableView{Caption: caption, Head: heads([]string{columnLabel(t.Columns[0])})}
	for _, c := range cols {
		v.Head = append(v.Head, cellView{Text: columnLabel(t.Columns[c]), Num: numeric(t, c)})
	}
	for _, row := range t.Rows {
		if len(row) != len(t.Columns) || !keep(row) {
			continue
		}
		tr := tableRow{Head: publish(row[0], t.Columns[0])}
		for _, c := range cols {
			tr.Cells = append(tr.Cells, cellView{Text: publish(row[c], t.Columns[c]),
				Num: row[c].Kind != tables.Text, Sup: row[c].Suppressed != ""})
		}
		v.Rows = append(v.Rows, tr)
	}
	return v
}

// numeric reports whether a column holds numbers.
func numeric(t *tables.Table, c int) bool {
	for _, row := range t.Rows {
		if len(row) > c && row[c].Kind != tables.Text {
			return true
		}
	}
	return false
}

// publish and columnLabel give cells and headers their printed form,
// shared with report.pdf.
var (
	publish     = format.Cell
	columnLabel = format.ColumnLabel
	lowN        = format.LowN
)

// respondentsTable lists respondents per scope with the small-sample flag.
func respondentsTable(r *reports.Report) *tableView {
	res := r.Needs
	if res == nil || len(res.Scopes) == 0 {
		return nil
	}
	v := &tableView{Caption: "Respondents per scope", Head: heads([]string{"Scope", "Respondents", "Note"}, 1)}
	for _, s := range res.Scopes {
		note := ""
		if s.LowN {
			note = lowN(res.MinRespondents)
		}
		v.Rows = append(v.Rows, tableRow{Head: s.Name, Cells: []cellView{
			{Text: strconv.Itoa(s.Respondents), Num: true}, {Text: note}}})
	}
	return v
}
