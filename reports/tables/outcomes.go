package tables

import (
	"needsmap/analysis/outcomes"
	"needsmap/analysis/trainings"
	"needsmap/data/schema"
)

// Milestones is tables/milestones.csv: every milestone of the tracker
// with its target as written, the date it means and its standing on the
// as-of date. Notes are never copied: free text may name people.
func Milestones(as []outcomes.Assessed, asOf schema.Date, dueSoon int) *Table {
	t := &Table{Name: "milestones", Title: "Logic-model milestones",
		Columns: []string{"region", "need", "label", "term", "resource", "task", "outcome", "target", "target_date",
			"reported_status", "completed_on", "status", "days_late", "tracker_row"}}
	for _, a := range as {
		late := Blank(Int)
		if a.DaysLate >= 0 {
			late = I(a.DaysLate)
		}
		t.Rows = append(t.Rows, []Cell{T(a.Region), T(a.Need), T(a.Label), T(a.Term.String()), T(a.Resource), T(a.Task),
			T(a.Outcome), T(a.TargetText), T(a.Target.String()), T(a.Reported.String()), T(a.CompletedOn.String()),
			T(string(a.Status)), late, I(a.Source.Row)})
	}
	t.Notes = []string{"Standing on " + asOf.String() + ": complete (done on or before that day), on_track, due_soon (due within " +
		itoa(dueSoon) + " days), overdue (target passed), dropped, or no_target (no target, or a target that is not a real date; see rejects.csv).",
		"A month target (6/2020) is due by the month's last day; an offset (+6m) counts from the region's configured start date.",
		"days_late: for overdue milestones the days since the target; for complete ones the days finished after the target.",
		"The tracker's notes column is never copied to any output."}
	return t
}

// MilestoneSummary is tables/milestone_summary.csv: milestones by region
// and need and by standing. Milestones are not people: no suppression.
func MilestoneSummary(rows []outcomes.SummaryRow) *Table {
	cols := []string{"region", "need", "label", "milestones"}
	for _, s := range outcomes.Statuses {
		cols = append(cols, string(s))
	}
	t := &Table{Name: "milestone_summary", Title: "Milestones by region and need", Columns: append(cols, "share_complete")}
	for _, r := range rows {
		row := []Cell{T(r.Region), T(r.Need), T(r.Label), I(r.Total)}
		for _, s := range outcomes.Statuses {
			row = append(row, I(r.Counts[s]))
		}
		open := r.Total - r.Counts[outcomes.Dropped]
		share := Blank(Float)
		if open > 0 {
			share = F(float64(r.Counts[outcomes.Complete]) / float64(open))
		}
		t.Rows = append(t.Rows, append(row, share))
	}
	t.Notes = []string{"share_complete = complete / (milestones − dropped).", "need \"" + outcomes.AllNeeds + "\" is the region's total."}
	return t
}

// Trainings is tables/trainings.csv: events, attendance and organisations
// by region and quarter.
func Trainings(rows []trainings.Row) *Table {
	t := &Table{Name: "trainings", Title: "Trainings and presentations by region and quarter",
		Columns: []string{"region", "quarter", "events", "trainings", "presentations", "other_events",
			"attendance", "events_with_attendance", "organizations"}}
	for _, r := range rows {
		q := "all"
		if r.Quarter != trainings.AllQuarters {
			q = schema.QuarterLabel(r.Quarter)
		}
		t.Rows = append(t.Rows, []Cell{T(r.Scope), T(q), I(r.Events), I(r.ByType[schema.TypeTraining]),
			I(r.ByType[schema.TypePresentation]), I(r.ByType[schema.TypeOtherEvent]), I(r.Attendance), I(r.Reported), I(r.Organizations)})
	}
	t.Notes = []string{"Attendance counts professionals reached, not survivors, so it is not suppressed; it sums the events that recorded it (events_with_attendance).",
		"Statewide includes statewide events (webinars) that belong to no region; organizations counts distinct participating organisations.",
		"quarter \"all\" is the scope's total over the period."}
	return t
}
