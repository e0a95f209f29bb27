// Package outcomes judges logic-model milestones against an as-of date —
// complete, on track, due soon, overdue or dropped — and summarises them
// by region and need.
package outcomes

import (
	"sort"

	"needsmap/data/schema"
)

// Status is a milestone's standing on the as-of date.
type Status string

// Statuses, in summary column order.
const (
	Complete Status = "complete"
	OnTrack  Status = "on_track"
	DueSoon  Status = "due_soon"
	Overdue  Status = "overdue"
	Dropped  Status = "dropped"
	// NoTarget marks an open milestone whose target is missing or is not
	// a real date (the plan's "by 2/31/2020"): its standing is unknown.
	NoTarget Status = "no_target"
)

// Statuses lists every status in column order.
var Statuses = []Status{Complete, OnTrack, DueSoon, Overdue, Dropped, NoTarget}

// Options set the as-of date and the due-soon window.
type Options struct {
	AsOf        schema.Date
	DueSoonDays int
}

// Assessed is a milestone with its standing.
type Assessed struct {
	schema.Milestone
	Status Status
	// DaysLate is, for an overdue milestone, the days from its target to
	// the as-of date; for a complete one, the days it finished after its
	// target (0 when on time). -1 when it does not apply.
	DaysLate int
}

// Assess judges each milestone on opts.AsOf:
//
//   - dropped when the tracker says so;
//   - complete when the tracker says complete and the completion date, if
//     given, is on or before the as-of date (a milestone finished after
//     it was still open then);
//   - otherwise, by its target: no_target when there is none, overdue
//     when the target is before the as-of date, due_soon when it falls
//     within DueSoonDays after it, on_track beyond.
//
// Milestones come back ordered by region (Statewide first, then regions
// in the given order) and, within a region, in tracker order.
func Assess(ms []schema.Milestone, regions []string, opts Options) []Assessed {
	out := make([]Assessed, len(ms))
	for i, m := range ms {
		out[i] = assess(m, opts)
	}
	order := regionOrder(regions)
	sort.SliceStable(out, func(i, j int) bool { return order(out[i].Region) < order(out[j].Region) })
	return out
}

func assess(m schema.Milestone, opts Options) Assessed {
	a := Assessed{Milestone: m, DaysLate: -1}
	done := m.Reported == schema.ProgressComplete && (m.CompletedOn == schema.NoDate || m.CompletedOn <= opts.AsOf)
	switch {
	case m.Reported == schema.ProgressDropped:
		a.Status = Dropped
	case done:
		a.Status = Complete
		if m.CompletedOn != schema.NoDate && m.Target != schema.NoDate {
			a.DaysLate = max(0, int(m.CompletedOn-m.Target))
		}
	case m.Target == schema.NoDate:
		a.Status = NoTarget
	case m.Target < opts.AsOf:
		a.Status = Overdue
		a.DaysLate = int(opts.AsOf - m.Target)
	case int(m.Target-opts.AsOf) <= opts.DueSoonDays:
		a.Status = DueSoon
	default:
		a.Status = OnTrack
	}
	return a
}

// regionOrder ranks Statewide first, then regions in order, then anything
// else.
func regionOrder(regions []string) func(string) int {
	rank := map[string]int{schema.StatewideRegion: 0}
	for i, r := range regions {
		rank[r] = i + 1
	}
	return func(r string) int {
		if n, ok := rank[r]; ok {
			return n
		}
		return len(regions) + 1
	}
}

// AllNeeds is the Need of a region's total row in the summary.
const AllNeeds = "all"

// SummaryRow counts a region's milestones (of one need, or AllNeeds) by
// status.
type SummaryRow struct {
	Region, Need, Label string
	Counts              map[Status]int
	Total               int
}

// Summarise counts milestones by region and need: per region a total row
// first, then each need in order of first appearance. Regions without
// milestones are left out.
func Summarise(as []Assessed) []SummaryRow {
	var out []SummaryRow
	index := map[[2]string]int{}
	add := func(region, need, label string, s Status) {
		k := [2]string{region, need}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, SummaryRow{Region: region, Need: need, Label: label, Counts: map[Status]int{}})
		}
		out[i].Counts[s]++
		out[i].Total++
	}
	for _, a := range as {
		add(a.Region, AllNeeds, "All needs", a.Status)
		add(a.Region, a.Need, a.Label, a.Status)
	}
	return out
}
