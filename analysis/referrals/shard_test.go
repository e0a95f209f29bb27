package referrals

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"needsmap/data/schema"
)

// dump renders a result deterministically, grids by value.
func dump(r *Result) string {
	return fmt.Sprintf("%v|%+v|%+v|%+v|%+v|%v|%+v|%+v|%v %v %d %d",
		r.Regions, *r.ByService, r.Groups, *r.ByQuarter, r.QuarterGroups, r.Quarters, *r.Network, r.Pairs,
		r.First, r.Last, r.Outside, r.Duplicates)
}

// randomReferrals makes records over two known regions and one unknown,
// dates in and out of a period, every status, and agencies spelled more
// than one way (a name always has the same key, as the readers give it).
func randomReferrals(rng *rand.Rand, n int) []schema.Referral {
	agencies := []schema.Agency{{}, {Name: "Gateway Shelter", Key: "gateway shelter"}, {Name: "GATEWAY SHELTER", Key: "gateway shelter"},
		{Name: "Spring River", Key: "spring river"}, {Name: "Big Muddy", Key: "big muddy"}, {Name: "Ozark Center", Key: "ozark center"}}
	regions := []string{"North", "South", "North", "South", "Atlantis"}
	out := make([]schema.Referral, n)
	for i := range out {
		date := schema.DateOf(2019+rng.IntN(5), 1+rng.IntN(12), 1+rng.IntN(28))
		st := schema.ReferralStatus(rng.IntN(4))
		done := schema.NoDate
		if st == schema.StatusCompleted && rng.IntN(5) > 0 {
			done = date + schema.Date(rng.IntN(90))
		}
		out[i] = schema.Referral{Date: date, Region: regions[rng.IntN(len(regions))], Service: rng.IntN(3), Status: st,
			CompletedOn: done, Referring: agencies[rng.IntN(len(agencies))], Receiving: agencies[rng.IntN(len(agencies))]}
	}
	return out
}

// TestShardsMatchAdd: records counted in shards, in parts handed out to
// them in file order, then confirmed or retracted in file order, give the
// result Add gives on the confirmed records alone — whatever the split,
// the retractions and the period.
func TestShardsMatchAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	regions := []string{"North", "South"}
	for trial := range 300 {
		recs := randomReferrals(rng, 1+rng.IntN(300))
		opts := Options{Confidence: 0.95, From: schema.NoDate, To: schema.NoDate}
		if trial%2 == 1 {
			opts.From, opts.To = schema.DateOf(2020, 1, 1), schema.DateOf(2022, 6, 30)
		}
		retract := make([]bool, len(recs))
		for i := range retract {
			retract[i] = rng.IntN(6) == 0
		}
		want := NewBuilder(regions, 3, opts, nil)
		for i := range recs {
			if !retract[i] {
				want.Add(&recs[i])
			}
		}
		got := NewBuilder(regions, 3, opts, nil)
		shards := []*Shard{got.NewShard(), got.NewShard(), got.NewShard()}
		prepared := make([]Prepared, len(recs))
		for start := 0; start < len(recs); {
			end := min(len(recs), start+1+rng.IntN(40)) // a part
			s := shards[rng.IntN(len(shards))]
			for i := start; i < end; i++ {
				prepared[i] = s.Count(&recs[i])
			}
			start = end
		}
		for i, p := range prepared {
			if retract[i] {
				got.Retract(p)
			} else {
				got.Confirm(p)
			}
		}
		got.Absorb(shards...)
		if w, g := dump(want.Result(2)), dump(got.Result(2)); w != g {
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			t.Fatalf("trial %d (%d records): shards differ from Add at byte %d\n got …%.300s\nwant …%.300s", trial, len(recs), i, g[max(0, i-100):], w[max(0, i-100):])
		}
	}
}
