package pipeline

import (
	"needsmap/reports"
	"needsmap/reports/format"
	"needsmap/reports/tables"
)

// outcomeFigures adds each scope's referral completion and milestone
// standing to its headline cards, read from the published tables so that
// suppression holds on the cards too.
func outcomeFigures(rep *reports.Report, scopes []string) {
	for _, scope := range scopes {
		if f, ok := referralFigure(rep.Table("referrals_by_region_service"), scope); ok {
			rep.KeyFigures = append(rep.KeyFigures, f)
		}
		if f, ok := milestoneFigure(rep.Table("milestone_summary"), scope); ok {
			rep.KeyFigures = append(rep.KeyFigures, f)
		}
	}
}

// tableRow finds the row of a table whose first cells are keys.
func tableRow(t *tables.Table, keys ...string) ([]tables.Cell, bool) {
	if t == nil {
		return nil, false
	}
next:
	for _, r := range t.Rows {
		for i, k := range keys {
			if i >= len(r) || r[i].Text != k {
				continue next
			}
		}
		return r, true
	}
	return nil, false
}

func referralFigure(t *tables.Table, scope string) (reports.KeyFigure, bool) {
	r, ok := tableRow(t, scope, "all_services")
	if !ok {
		return reports.KeyFigure{}, false
	}
	rate, lo, hi := r[t.Column("completion_rate")], r[t.Column("ci_low")], r[t.Column("ci_high")]
	f := reports.KeyFigure{Scope: scope, Label: "Referrals completed"}
	if rate.Missing || rate.Suppressed != "" {
		f.Value = format.Dash
		f.Note = "rate not published: too few referrals"
		return f, true
	}
	f.Value = format.Percent(rate.Float, 0)
	f.Note = "95% CI " + format.Percent(lo.Float, 0) + "–" + format.Percent(hi.Float, 0) + " of " +
		r[t.Column("referrals")].String() + " referrals"
	return f, true
}

func milestoneFigure(t *tables.Table, scope string) (reports.KeyFigure, bool) {
	r, ok := tableRow(t, scope, "all")
	if !ok {
		return reports.KeyFigure{}, false
	}
	return reports.KeyFigure{Scope: scope, Label: "Milestones overdue",
		Value: r[t.Column("overdue")].String(),
		Note:  "of " + r[t.Column("milestones")].String() + "; " + r[t.Column("complete")].String() + " complete"}, true
}
