package tables

import (
	"needsmap/analysis/disclosure"
	"needsmap/analysis/snapshot"
)

// Suppression symbols: a primary cell (1..k-1) shows "<k"; a cell hidden
// only to protect another shows "*".
const complementarySymbol = "*"

// SuppressionNote states the rule in force, for every counts table.
func SuppressionNote(opts disclosure.Options) string {
	if !opts.Suppress {
		return "UNSUPPRESSED: small counts are shown as they are. For internal analysis only; do not publish."
	}
	return "Counts from 1 to " + itoa(opts.K-1) + " are shown as <" + itoa(opts.K) +
		"; cells marked * are hidden so that no small count can be worked out from totals (a few small counts are shown as * too, where <" +
		itoa(opts.K) + " would itself give them away). Zero is shown."
}

// SuppressionLabel is the value of the suppression column of counts tables.
func SuppressionLabel(opts disclosure.Options) string {
	if !opts.Suppress {
		return "none (internal use only)"
	}
	return "k=" + itoa(opts.K)
}

// CountCell publishes one disclosure cell.
func CountCell(c disclosure.Cell, opts disclosure.Options) Cell {
	switch {
	case !c.Suppressed:
		return I(c.Value)
	case c.Primary && !c.Masked:
		return Cell{Kind: Int, Suppressed: "<" + itoa(opts.K)}
	}
	return Cell{Kind: Int, Suppressed: complementarySymbol}
}

// share publishes part/whole when both are published and whole > 0.
func share(part, whole disclosure.Cell) Cell {
	if part.Suppressed || whole.Suppressed || whole.Value == 0 {
		return Blank(Float)
	}
	return F(float64(part.Value) / float64(whole.Value))
}

// Survivors is tables/survivors_served.csv: the snapshot per scope with
// shares by trafficking type and the scope's share of the statewide total.
func Survivors(res snapshot.Result, opts disclosure.Options) *Table {
	g := res.Grid
	t := &Table{Name: "survivors_served", Title: "Survivors served in the past 12 months", Counts: true,
		Columns: append(append([]string{"scope", "respondents_reporting"}, snapshot.Columns...),
			"share_sex", "share_labor", "share_both", "share_of_statewide", "suppression")}
	for i, name := range g.Rows {
		row := []Cell{T(name), I(res.Respondents[i])}
		for _, c := range g.Cells[i] {
			row = append(row, CountCell(c, opts))
		}
		tot := g.Cells[i][snapshot.ColSurvivors]
		row = append(row, share(g.Cells[i][snapshot.ColSex], tot), share(g.Cells[i][snapshot.ColLabor], tot),
			share(g.Cells[i][snapshot.ColBoth], tot), share(tot, g.Cells[0][snapshot.ColSurvivors]),
			T(SuppressionLabel(opts)))
		t.Rows = append(t.Rows, row)
	}
	t.Notes = []string{SuppressionNote(opts),
		"Providers report the survivors they served, so one survivor served by two providers is counted twice.",
		"type_not_reported, subtype_not_reported and age_not_reported hold what a provider did not break down; ipv … other_sex split the sex-trafficking survivors (sex + both)."}
	if len(g.Rows) > 0 && g.Rows[len(g.Rows)-1] == snapshot.SeveralRegions {
		t.Notes = append(t.Notes, "\""+snapshot.SeveralRegions+"\" holds providers whose counties span regions.")
	}
	return t
}
