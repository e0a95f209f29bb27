package tables

import (
	"strings"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/referrals"
	"needsmap/data/schema"
)

func referralResult(t *testing.T) *referrals.Result {
	t.Helper()
	b := referrals.NewBuilder([]string{"North", "South", "East"}, 2, referrals.Options{Confidence: 0.95, From: schema.NoDate, To: schema.NoDate}, nil)
	add := func(region string, svc int, st schema.ReferralStatus, n int) {
		for i := 0; i < n; i++ {
			d := schema.DateOf(2021, 1+i%12, 1)
			r := &schema.Referral{Date: d, CompletedOn: schema.NoDate, Region: region, Service: svc, Status: st}
			if st == schema.StatusCompleted {
				r.CompletedOn = d + schema.Date(i%5)
			}
			b.Add(r)
		}
	}
	for _, r := range []string{"North", "East"} {
		add(r, 0, schema.StatusCompleted, 40)
		add(r, 0, schema.StatusNotCompleted, 20)
		add(r, 1, schema.StatusDeclined, 15)
		add(r, 1, schema.StatusPending, 12)
	}
	add("South", 0, schema.StatusCompleted, 4)
	add("South", 1, schema.StatusDeclined, 30)
	return b.Result(11)
}

// TestReferralTablesBlankWhatCountsHide: a rate, interval or median is
// published only with the counts it comes from.
func TestReferralTablesBlankWhatCountsHide(t *testing.T) {
	res := referralResult(t)
	set := &disclosure.Set{}
	res.Register(set)
	opts := disclosure.Options{Suppress: true, K: 11}
	if _, err := set.Protect(opts); err != nil {
		t.Fatal(err)
	}
	cats := []schema.Category{{Key: "legal_assistance"}, {Key: "transportation"}}
	tb := ReferralsByService(res, cats, opts)
	if strings.Join(tb.Columns, ",") != "region,service,referrals,completed,not_completed,declined,pending,completion_rate,ci_low,ci_high,median_days" {
		t.Fatalf("columns %v", tb.Columns)
	}
	checked := 0
	for _, row := range tb.Rows {
		get := func(c string) Cell { return row[tb.Column(c)] }
		hidden := get("completed").Suppressed != "" || get("not_completed").Suppressed != "" || get("declined").Suppressed != ""
		if hidden && !get("completion_rate").Missing {
			t.Errorf("%s %s: rate %q with counts %s/%s/%s", row[0].Text, row[1].Text, get("completion_rate"),
				get("completed"), get("not_completed"), get("declined"))
		}
		if hidden {
			checked++
			for _, c := range []string{"ci_low", "ci_high"} {
				if !get(c).Missing {
					t.Errorf("%s %s: %s published beside a suppressed count", row[0].Text, row[1].Text, c)
				}
			}
		}
		if get("completed").Suppressed != "" && !get("median_days").Missing {
			t.Errorf("%s %s: median published with completed suppressed", row[0].Text, row[1].Text)
		}
	}
	if checked == 0 {
		t.Fatal("the fixture suppresses nothing")
	}
	s := ReferralSummary(tb, 0, 0.95)
	if !strings.HasPrefix(s, "208 referrals: 84 completed, 40 not completed, 60 declined and 24 pending. Completion rate 45.7% (95% CI") {
		t.Errorf("summary %q", s)
	}
	unmet := UnmetReferrals(res, res.Unmet(func(region string, svc int) bool { return svc == 0 }), cats, opts)
	if len(unmet.Rows) != 3 || unmet.Rows[0][1].Text != "transportation" {
		t.Errorf("unmet rows %v", unmet.Rows)
	}
}
