package charts

import (
	"fmt"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/outcomes"
	"needsmap/analysis/referrals"
	"needsmap/analysis/trainings"
	"needsmap/data/schema"
)

// fixtureReferrals builds referrals over 2021 for two regions: North has
// plenty of each status, South few (its rates get suppressed), with real
// disclosure control applied when suppress is set.
func fixtureReferrals(t *testing.T, suppress bool) *referrals.Result {
	t.Helper()
	b := referrals.NewBuilder([]string{"North", "East", "South"}, 2,
		referrals.Options{Confidence: 0.95, From: schema.NoDate, To: schema.NoDate}, nil)
	add := func(region string, service int, status schema.ReferralStatus, n, month int) {
		for i := 0; i < n; i++ {
			d := schema.DateOf(2021, month, 1+i%27)
			r := &schema.Referral{Date: d, CompletedOn: schema.NoDate, Region: region, Service: service, Status: status,
				Referring: schema.Agency{Key: "a", Name: "A"}, Receiving: schema.Agency{Key: "b", Name: "B"}}
			if status == schema.StatusCompleted {
				r.CompletedOn = d + schema.Date(3+i%9)
			}
			b.Add(r)
		}
	}
	for q := 0; q < 4; q++ {
		for _, r := range []string{"North", "East"} {
			add(r, 0, schema.StatusCompleted, 30+q, 1+3*q)
			add(r, 0, schema.StatusNotCompleted, 14, 2+3*q)
			add(r, 1, schema.StatusDeclined, 12, 2+3*q)
			add(r, 1, schema.StatusPending, 11+q, 3+3*q)
		}
	}
	add("South", 0, schema.StatusCompleted, 5, 2)
	add("South", 0, schema.StatusNotCompleted, 6, 5)
	add("South", 1, schema.StatusDeclined, 3, 8)
	res := b.Result(11)
	if suppress {
		set := &disclosure.Set{}
		res.Register(set)
		if _, err := set.Protect(disclosure.Options{Suppress: true, K: 11}); err != nil {
			t.Fatal(err)
		}
	}
	return res
}

func fixtureMilestones() []outcomes.Assessed {
	d := schema.DateOf
	ms := []schema.Milestone{
		{Region: "North", Term: schema.TermShort, Outcome: "Convene providers on barriers to care", TargetText: "by 6/2020",
			Target: d(2020, 6, 30), Reported: schema.ProgressComplete, CompletedOn: d(2020, 8, 3)},
		{Region: "North", Term: schema.TermMedium, Outcome: "Draft a protocol", TargetText: "by 4/2021", Target: d(2021, 4, 30), Reported: schema.ProgressInProgress},
		{Region: "North", Term: schema.TermLong, Outcome: "Sign agreements", TargetText: "by 1/15/2022", Target: d(2022, 1, 15)},
		{Region: "North", Term: schema.TermLong, Outcome: "Expand telehealth capacity for survivors across the region", TargetText: "by 12/2022", Target: d(2022, 12, 31)},
		{Region: "North", Term: schema.TermShort, Outcome: "Recruit a workgroup", TargetText: "by 2/31/2020", Target: schema.NoDate,
			Reported: schema.ProgressComplete, CompletedOn: d(2020, 3, 5)},
		{Region: "North", Term: schema.TermShort, Outcome: "Campaign", TargetText: "by 8/2020", Target: d(2020, 8, 31), Reported: schema.ProgressDropped},
	}
	return outcomes.Assess(ms, []string{"North"}, outcomes.Options{AsOf: d(2021, 12, 31), DueSoonDays: 30})
}

func fixtureTrainings() []trainings.Row {
	b := trainings.NewBuilder([]string{"North"}, schema.NoDate, schema.NoDate)
	for i := 0; i < 20; i++ {
		b.Add(&schema.Training{Date: schema.DateOf(2021, 1+i%12, 3), Region: "North", Type: schema.TrainingType(i % 3),
			Attendance: 10 + i, Organizations: []string{fmt.Sprint("Org ", i%4)}})
	}
	return b.Rows()
}

// outcomeCharts renders the referral, milestone and training charts of
// the fixtures, for the golden files.
func outcomeCharts(t *testing.T) []Chart {
	t.Helper()
	var out []Chart
	add := func(c Chart, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	res := fixtureReferrals(t, true)
	add(CompletionByRegion(res, true, "2021-01-01 to 2021-12-31"))
	add(ReferralVolume(res, "North", true))
	add(ReferralVolume(res, "South", true))
	add(MilestoneTimeline(fixtureMilestones(), "North", schema.DateOf(2020, 1, 1), schema.DateOf(2021, 12, 31)))
	add(TrainingsByQuarter(fixtureTrainings()))
	return out
}
