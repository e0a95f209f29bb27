package reports

import (
	"cmp"
	"slices"

	"needsmap/data/schema"
	"needsmap/reports/tables"
)

// ReasonCount is how many problems share one reason.
type ReasonCount struct {
	Reason string
	N      int
}

// ProblemReasons counts problems per reason, most frequent first, then by
// reason, so the order never depends on map iteration. Every renderer's
// data-quality section lists these.
func ProblemReasons(ps []schema.Problem) []ReasonCount {
	index := map[string]int{}
	var rs []ReasonCount
	for _, p := range ps {
		text := p.Reason
		if text == "" {
			text = "(no reason given)"
		}
		i, ok := index[text]
		if !ok {
			i = len(rs)
			index[text] = i
			rs = append(rs, ReasonCount{Reason: text})
		}
		rs[i].N++
	}
	slices.SortStableFunc(rs, func(a, b ReasonCount) int { return cmp.Or(b.N-a.N, cmp.Compare(a.Reason, b.Reason)) })
	return rs
}

// SnapshotView is one of the readable tables the survivors-served table is
// shown as: its title and the indices of its columns.
type SnapshotView struct {
	Title   string
	Columns []int
}

// snapshotTypeCols are the survivors-served columns of the first view;
// every other column except the scope and the suppression label goes to
// the second.
var snapshotTypeCols = []string{"respondents_reporting", "survivors", "sex", "labor", "both",
	"type_not_reported", "share_sex", "share_labor", "share_both", "share_of_statewide"}

// SnapshotViews splits the survivors-served table in two: by trafficking
// type, then by subtype, age and population. The titles name the scope
// unless all scopes are shown. It returns nil when the table has no
// by-type column.
func SnapshotViews(t *tables.Table, scope string, all bool) []SnapshotView {
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
	if len(first) == 0 {
		return nil
	}
	title := t.Title
	if !all {
		title += ", " + scope
	}
	out := []SnapshotView{{Title: title + ": by trafficking type", Columns: first}}
	if len(rest) > 0 {
		out = append(out, SnapshotView{Title: title + ": by sex-trafficking subtype, age and population", Columns: rest})
	}
	return out
}

// SnapshotRow reports whether a survivors-served row belongs in a view of
// scope (every row when all scopes are shown).
func SnapshotRow(row []tables.Cell, scope string, all bool) bool {
	return all || len(row) > 0 && row[0].Text == scope
}
