package referrals

import (
	"math"
	"strconv"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/data/schema"
)

func TestWilson(t *testing.T) {
	// Reference values from R: prop.test(k, n, correct = FALSE)$conf.int.
	tests := []struct {
		k, n   int
		lo, hi float64
	}{
		{5, 10, 0.2365931, 0.7634069},
		{0, 10, 0, 0.2775328},
		{10, 10, 0.7224672, 1},
		{81, 263, 0.2552885, 0.3662096},
	}
	z := Z(0.95)
	if math.Abs(z-1.959963984540054) > 1e-15 {
		t.Fatalf("Z(0.95) = %v", z)
	}
	for _, tt := range tests {
		lo, hi := Wilson(tt.k, tt.n, z)
		if math.Abs(lo-tt.lo) > 5e-7 || math.Abs(hi-tt.hi) > 5e-7 {
			t.Errorf("Wilson(%d, %d) = %.7f, %.7f; want %.7f, %.7f", tt.k, tt.n, lo, hi, tt.lo, tt.hi)
		}
	}
	if lo, hi := Wilson(0, 0, z); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Error("Wilson(0, 0) should be NaN")
	}
}

func TestHistogramMedian(t *testing.T) {
	var h histogram
	if !math.IsNaN(h.median()) {
		t.Fatal("empty median should be NaN")
	}
	for _, d := range []int32{9, 1, 4} {
		h.add(d, 1)
	}
	if m := h.median(); m != 4 {
		t.Errorf("median(1,4,9) = %v", m)
	}
	h.add(6, 1)
	if m := h.median(); m != 5 {
		t.Errorf("median(1,4,6,9) = %v", m)
	}
	h.add(9, -1)
	h.add(6, -1)
	if m := h.median(); m != 2.5 {
		t.Errorf("median(1,4) = %v", m)
	}
}

// rec builds a referral of file input on day (days after 2020-01-01).
func rec(input int, row int, region string, service int, status schema.ReferralStatus, day, doneAfter int) *schema.Referral {
	r := &schema.Referral{Date: schema.DateOf(2020, 1, 1) + schema.Date(day), CompletedOn: schema.NoDate,
		Client: "C1", Referring: schema.Agency{Key: "a", Name: "A"}, Receiving: schema.Agency{Key: "b", Name: "B"},
		Service: service, Region: region, Status: status, Input: input,
		Source: schema.Position{File: []string{"a.csv", "b.csv", "c.csv"}[input], Row: row}}
	if doneAfter >= 0 {
		r.CompletedOn = r.Date + schema.Date(doneAfter)
	}
	return r
}

func TestDuplicatesAcrossFilesCountOnce(t *testing.T) {
	var problems []schema.Problem
	b := NewBuilder([]string{"North", "South"}, 3, Options{Confidence: 0.95, Dedup: true, From: schema.NoDate, To: schema.NoDate},
		func(p schema.Problem) { problems = append(problems, p) })
	b.Add(rec(0, 2, "North", 1, schema.StatusPending, 10, -1))
	b.Add(rec(1, 7, "North", 1, schema.StatusCompleted, 10, 12)) // the receiving agency's record: merged
	b.Add(rec(1, 8, "North", 1, schema.StatusCompleted, 10, 3))  // same file as the match: a new referral
	b.Add(rec(0, 3, "North", 1, schema.StatusDeclined, 11, -1))  // another day: a new referral
	b.Add(rec(2, 4, "North", 1, schema.StatusNotCompleted, 10, -1))
	res := b.Result(0)
	total := res.ByService.Cells[res.totalRows()["North"]]
	got := [5]int{}
	for c := range got {
		got[c] = total[c].Value
	}
	// rows 0/2 + 1/7 merged (completed, 12 days); 1/8 completed (3 days) is
	// merged with 2/4 (completed wins); 0/3 declined.
	if want := [5]int{3, 2, 0, 1, 0}; got != want {
		t.Errorf("North totals = %v, want %v", got, want)
	}
	if res.Duplicates != 2 || len(problems) != 2 {
		t.Fatalf("duplicates = %d, problems %v", res.Duplicates, problems)
	}
	if want := "b.csv row 7: the same referral recorded by the other agency; counted once: duplicate of a.csv row 2"; problems[0].Error() != want {
		t.Errorf("problem = %q", problems[0].Error())
	}
	g := res.Groups[res.totalRows()["North"]]
	if g.Median != 7.5 || g.Timed != 2 {
		t.Errorf("median = %v over %d, want 7.5 over 2", g.Median, g.Timed)
	}
}

func TestWindowAndPeriod(t *testing.T) {
	b := NewBuilder([]string{"North"}, 1, Options{Confidence: 0.95, Dedup: true, WindowDays: 3,
		From: schema.DateOf(2020, 1, 1), To: schema.DateOf(2020, 3, 31)}, func(schema.Problem) {})
	b.Add(rec(0, 2, "North", 0, schema.StatusPending, 10, -1))
	b.Add(rec(1, 2, "North", 0, schema.StatusDeclined, 13, -1))  // 3 days later: same referral
	b.Add(rec(1, 3, "North", 0, schema.StatusDeclined, 100, -1)) // April: outside the period
	res := b.Result(0)
	if n := res.ByService.Cells[0][ColReferrals].Value; n != 1 {
		t.Errorf("referrals = %d, want 1", n)
	}
	if res.Outside != 1 || res.Duplicates != 1 {
		t.Errorf("outside %d duplicates %d", res.Outside, res.Duplicates)
	}
	if len(res.Quarters) != 1 || schema.QuarterLabel(res.Quarters[0]) != "2020-Q1" {
		t.Errorf("quarters = %v", res.Quarters)
	}
}

// TestRegisterIsConsistent checks that every equation registered holds
// and that suppression settles, on a small random-looking set.
func TestRegisterIsConsistent(t *testing.T) {
	b := NewBuilder([]string{"North", "South", "East"}, 4, Options{Confidence: 0.95, From: schema.NoDate, To: schema.NoDate}, nil)
	statuses := schema.ReferralStatuses
	for i := 0; i < 600; i++ {
		r := rec(0, i+2, []string{"North", "South", "East"}[i%3], (i*7)%4, statuses[(i*5)%4], (i*37)%400, (i*3)%20)
		r.Referring = schema.Agency{Key: strconv.Itoa(i % 5), Name: "Agency " + strconv.Itoa(i%5)}
		b.Add(r)
	}
	res := b.Result(11)
	set := &disclosure.Set{}
	res.Register(set)
	if _, err := set.Protect(disclosure.Options{Suppress: true, K: 11}); err != nil {
		t.Fatal(err)
	}
	if det := set.Determined(); len(det) > 0 {
		t.Errorf("recoverable cells: %v", det)
	}
	if len(res.Quarters) != 5 {
		t.Errorf("quarters %v", res.Quarters)
	}
}
