package html

import (
	"slices"
	"strconv"
	"strings"

	"needsmap/reports"
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

// snapshotTypeCols are the survivors-served columns of the first snapshot
// table; every other column except the scope and the suppression label
// goes to the second.
var snapshotTypeCols = []string{"respondents_reporting", "survivors", "sex", "labor", "both",
	"type_not_reported", "share_sex", "share_labor", "share_both", "share_of_statewide"}

// snapshotTables splits the survivors-served table in two readable tables,
// keeping every row (statewide) or only the scope's own row.
func snapshotTables(t *tables.Table, scope string, all bool) []*tableView {
	var first, rest []int
	for i, c := range t.Columns {
		switch {
		case i == 0 || c == "suppression":
		case slices.Contains(snapshotTypeCols, c):
			first = append(first, i)
		default:
			rest = append(rest, i)
		}
	}
	keep := func(row []tables.Cell) bool { return all || len(row) > 0 && row[0].Text == scope }
	title := t.Title
	if !all {
		title += ", " + scope
	}
	out := []*tableView{fromTable(t, title+": by trafficking type", first, keep),
		fromTable(t, title+": by sex-trafficking subtype, age and population", rest, keep)}
	if len(out[0].Rows) == 0 || len(first) == 0 {
		return nil
	}
	if len(rest) == 0 {
		out = out[:1]
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

// publish is a cell's text on the page: counts and suppression symbols as
// published, shares as percentages, other statistics with two decimals.
func publish(c tables.Cell, column string) string {
	switch {
	case c.Suppressed != "":
		return c.Suppressed
	case c.Missing:
		return dash
	case c.Kind == tables.Float && (strings.HasPrefix(column, "share") || strings.HasPrefix(column, "p_") ||
		strings.HasSuffix(column, "_rate") || strings.HasPrefix(column, "ci_")):
		return percent(c.Float, 1)
	case c.Kind == tables.Float && strings.HasSuffix(column, "_days"):
		return fixed(c.Float, 1)
	case c.Kind == tables.Float:
		return fixed(c.Float, 2)
	}
	return c.String()
}

// columnLabels are the page headers of known table columns.
var columnLabels = map[string]string{
	"scope": "Scope", "respondents_reporting": "Providers reporting", "type_not_reported": "Type not reported",
	"ipv": "Intimate partner", "pimp": "Pimp or manager", "survival": "Survival sex", "other_sex": "Other sex trafficking",
	"subtype_not_reported": "Subtype not reported", "age_not_reported": "Age not reported", "lgbtq": "LGBTQ+",
	"share_sex": "Sex share", "share_labor": "Labor share", "share_both": "Both share",
	"share_of_statewide": "Share of statewide",
	"ci_low":             "CI low", "ci_high": "CI high", "events_with_attendance": "Events reporting attendance",
	"other_events": "Other events", "days_late": "Days late", "target_date": "Target date",
	"completed_on": "Completed on", "reported_status": "Reported status", "no_target": "No target",
}

// columnLabel returns the page header of a column: a known label, or the
// name with underscores as spaces and a capital first letter.
func columnLabel(name string) string {
	if l, ok := columnLabels[name]; ok {
		return l
	}
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

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

// lowN is the small-sample warning.
func lowN(min int) string {
	return "Fewer than " + strconv.Itoa(min) + " respondents: read with care"
}
