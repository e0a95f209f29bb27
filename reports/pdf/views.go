package pdf

import (
	"strconv"

	"needsmap/reports"
	"needsmap/reports/format"
	"needsmap/reports/tables"
)

// fromTable takes the given columns of the rows that keep accepts, with
// the table's first column as row headers — as report.html shows them.
func fromTable(t *tables.Table, caption string, cols []int, keep func([]tables.Cell) bool) *table {
	v := &table{caption: caption, head: []string{format.ColumnLabel(t.Columns[0])}, num: []bool{false}}
	for _, c := range cols {
		v.head = append(v.head, format.ColumnLabel(t.Columns[c]))
		v.num = append(v.num, numeric(t, c))
	}
	for _, row := range t.Rows {
		if len(row) != len(t.Columns) || !keep(row) {
			continue
		}
		r := []cell{{text: format.Cell(row[0], t.Columns[0])}}
		for _, c := range cols {
			r = append(r, cell{text: format.Cell(row[c], t.Columns[c]), sup: row[c].Suppressed != ""})
		}
		v.rows = append(v.rows, r)
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

// wholeTable shows every column and row of a table, its title as caption.
func wholeTable(t *tables.Table) *table {
	v := fromTable(t, t.Title, seq(1, len(t.Columns)), func([]tables.Cell) bool { return true })
	v.notes = t.Notes
	return v
}

// seq returns lo, lo+1, ..., hi-1.
func seq(lo, hi int) []int {
	var out []int
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

// snapshotTables shows the survivors-served table as reports.SnapshotViews
// splits it, keeping every row (statewide) or only the scope's own row.
func snapshotTables(t *tables.Table, scope string, all bool) []*table {
	keep := func(row []tables.Cell) bool { return reports.SnapshotRow(row, scope, all) }
	var out []*table
	for _, v := range reports.SnapshotViews(t, scope, all) {
		out = append(out, fromTable(t, v.Title, v.Columns, keep))
	}
	if len(out) == 0 || len(out[0].rows) == 0 {
		return nil
	}
	return out
}

// respondentsTable lists respondents per scope with the small-sample flag.
func respondentsTable(r *reports.Report) *table {
	res := r.Needs
	if res == nil || len(res.Scopes) == 0 {
		return nil
	}
	v := &table{caption: "Respondents per scope", head: []string{"Scope", "Respondents", "Note"},
		num: []bool{false, true, false}}
	for _, s := range res.Scopes {
		note := ""
		if s.LowN {
			note = format.LowN(res.MinRespondents)
		}
		v.rows = append(v.rows, []cell{{text: s.Name}, {text: strconv.Itoa(s.Respondents)}, {text: note}})
	}
	return v
}
