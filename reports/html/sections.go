package html

import (
	"strconv"

	"needsmap/analysis/needs"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/format"
	"needsmap/reports/tables"
)

// maxProblems is how many problems the data-quality section lists; the
// rest are in rejects.csv and the workbook.
const maxProblems = 20

// methods holds the numbers the methods section states.
type methods struct {
	HasNeeds         bool
	Metric           string
	Scale, TopLevels string
	TopN, TopK, MinN int
	Combined         []string
	Replicates       int
	Seed, Level      string
	Suppressed       bool
	K, KLess         int
	Settings         *tableView
	Notes            []methodNote
}

func newMethods(r *reports.Report) methods {
	m := methods{Suppressed: r.Suppressed, K: r.K, KLess: r.K - 1, Notes: r.Methods}
	if len(r.Settings) > 0 {
		m.Settings = &tableView{Caption: "Settings in effect for this run", Head: heads([]string{"Setting", "Value"})}
		for _, s := range r.Settings {
			m.Settings.Rows = append(m.Settings.Rows, tableRow{Head: s.Key, Cells: []cellView{{Text: s.Value}}})
		}
	}
	res := r.Needs
	if res == nil {
		return m
	}
	m.HasNeeds, m.Metric = true, format.Metric(res.Metric)
	m.TopN, m.TopK, m.MinN = res.TopN, res.TopK, res.MinRespondents
	m.Replicates, m.Seed, m.Level = res.Replicates, strconv.FormatUint(res.Seed, 10), level(res.Confidence)
	for i, l := range res.Levels {
		if i > 0 {
			m.Scale += ", "
		}
		m.Scale += strconv.Itoa(l.Value) + " = " + l.Label
	}
	if n := len(res.Levels); n >= 2 {
		m.TopLevels = res.Levels[n-2].Label + " or " + res.Levels[n-1].Label
	}
	m.Combined = combinedLabels(res)
	return m
}

// combinedLabels are the items of the statewide combined view that are not
// single categories: the combined categories.
func combinedLabels(res *needs.Result) []string {
	single := map[string]bool{}
	for _, r := range res.Scope(statewide, needs.ViewSingle) {
		single[r.Category] = true
	}
	var out []string
	for _, r := range res.Scope(statewide, needs.ViewCombined) {
		if !single[r.Category] {
			out = append(out, r.Label)
		}
	}
	return out
}

// quality holds the data-quality section.
type quality struct {
	Inputs               *tableView
	Read, Kept, Rejected int
	Reasons, First       *tableView
	Problems, Shown      int
	Suppressed           *tableView
	SuppressedN          int
	SuppressionOn        bool
}

func newQuality(r *reports.Report) quality {
	q := quality{Problems: len(r.Problems), SuppressionOn: r.Suppressed}
	if len(r.Inputs) > 0 {
		q.Inputs = &tableView{Caption: "Input files", Head: heads([]string{"File", "Role", "Layout", "Encoding",
			"Rows read", "Kept", "Rejected", "SHA-256"}, 4, 5, 6)}
		for _, in := range r.Inputs {
			q.Read, q.Kept, q.Rejected = q.Read+in.Read, q.Kept+in.Kept, q.Rejected+in.Rejected
			q.Inputs.Rows = append(q.Inputs.Rows, tableRow{Head: in.File, Cells: []cellView{
				{Text: in.Role}, {Text: in.Layout}, {Text: in.Encoding},
				count(in.Read), count(in.Kept), count(in.Rejected), {Text: in.SHA256, Mono: true}}})
		}
	}
	q.Suppressed, q.SuppressedN = suppressedTable(r.Suppressions), len(r.Suppressions)
	if len(r.Problems) == 0 {
		return q
	}
	q.Reasons = reasonsTable(r.Problems)
	rejects := tables.Rejects(r.Problems[:min(len(r.Problems), maxProblems)])
	q.First = fromTable(rejects, "", seq(1, len(rejects.Columns)), func([]tables.Cell) bool { return true })
	q.Shown = len(q.First.Rows)
	q.First.Caption = "The first " + strconv.Itoa(q.Shown) + " of " + strconv.Itoa(q.Problems) + " problems, in the order found"
	return q
}

func count(n int) cellView { return cellView{Text: strconv.Itoa(n), Num: true} }

// seq returns lo, lo+1, ..., hi-1.
func seq(lo, hi int) []int {
	var out []int
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

// reasonsTable lists reports.ProblemReasons.
func reasonsTable(ps []schema.Problem) *tableView {
	v := &tableView{Caption: "Problems by reason", Head: heads([]string{"Reason", "Problems"}, 1)}
	for _, r := range reports.ProblemReasons(ps) {
		v.Rows = append(v.Rows, tableRow{Head: r.Reason, Cells: []cellView{count(r.N)}})
	}
	return v
}

// suppressedTable lists every hidden cell and why it is hidden.
func suppressedTable(ss []reports.Suppression) *tableView {
	if len(ss) == 0 {
		return nil
	}
	v := &tableView{Caption: "Cells hidden by disclosure control", Head: heads([]string{"Cell", "Reason"})}
	for _, s := range ss {
		v.Rows = append(v.Rows, tableRow{Head: s.Cell, Cells: []cellView{{Text: s.Reason}}})
	}
	return v
}
