package outcomes

import (
	"testing"

	"needsmap/data/schema"
)

func TestAssess(t *testing.T) {
	d := schema.DateOf
	asOf := d(2021, 12, 31)
	ms := []schema.Milestone{
		{Region: "North", Reported: schema.ProgressDropped, Target: d(2020, 6, 30)},
		{Region: "North", Reported: schema.ProgressComplete, Target: d(2020, 6, 30), CompletedOn: d(2020, 8, 1)},
		{Region: "North", Reported: schema.ProgressComplete, Target: d(2021, 6, 30), CompletedOn: d(2022, 2, 1)},
		{Region: "North", Reported: schema.ProgressComplete, Target: schema.NoDate, CompletedOn: schema.NoDate},
		{Region: "North", Reported: schema.ProgressInProgress, Target: d(2021, 12, 30)},
		{Region: "North", Reported: schema.ProgressInProgress, Target: d(2021, 12, 31)},
		{Region: "North", Reported: schema.ProgressNone, Target: d(2022, 1, 30)},
		{Region: "North", Reported: schema.ProgressNone, Target: d(2022, 1, 31)},
		{Region: "North", Reported: schema.ProgressNotStarted, Target: schema.NoDate},
		{Region: schema.StatewideRegion, Reported: schema.ProgressNone, Target: d(2022, 6, 30)},
	}
	got := Assess(ms, []string{"North"}, Options{AsOf: asOf, DueSoonDays: 30})
	want := []struct {
		s    Status
		late int
	}{
		{OnTrack, -1}, // Statewide sorts first
		{Dropped, -1}, {Complete, 32}, {Overdue, 184}, {Complete, -1}, {Overdue, 1},
		{DueSoon, -1}, {DueSoon, -1}, {OnTrack, -1}, {NoTarget, -1},
	}
	for i, w := range want {
		if got[i].Status != w.s || got[i].DaysLate != w.late {
			t.Errorf("milestone %d: %s late %d, want %s late %d", i, got[i].Status, got[i].DaysLate, w.s, w.late)
		}
	}
	sum := Summarise(got)
	if sum[0].Region != schema.StatewideRegion || sum[2].Need != AllNeeds || sum[2].Total != 9 || sum[2].Counts[Overdue] != 2 {
		t.Errorf("summary = %+v", sum)
	}
}
