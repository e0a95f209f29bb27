package waves

import (
	"math"
	"testing"

	"needsmap/analysis/needs"
	"needsmap/data/schema"
)

var levels = []schema.Level{{Value: 0, Label: "0"}, {Value: 1, Label: "1"}, {Value: 2, Label: "2"}, {Value: 3, Label: "3"}, {Value: 4, Label: "4"}}

func ranking(t *testing.T, regions []string, seed uint64, rows map[string][][]int8) *needs.Result {
	t.Helper()
	spec := needs.Spec{Levels: levels, Regions: regions}
	for _, c := range []string{"a", "b", "c", "d"} {
		spec.Categories = append(spec.Categories, schema.Category{Key: c, Label: "Label " + c})
	}
	b, err := needs.NewBuilder(spec, needs.Options{Bootstrap: 200, Seed: seed, TopN: 2})
	if err != nil {
		t.Fatal(err)
	}
	for region, rs := range rows {
		for _, r := range rs {
			if err := b.Add(&schema.Response{Regions: []string{region}, Ratings: r}); err != nil {
				t.Fatal(err)
			}
		}
	}
	res := b.Result()
	return &res
}

func repeat(n int, r []int8) [][]int8 {
	out := make([][]int8, n)
	for i := range out {
		out[i] = append([]int8(nil), r...)
	}
	return out
}

func TestCompare(t *testing.T) {
	m := int8(schema.Missing)
	// Baseline: b first, then a, then c; d never asked; no East region.
	base := ranking(t, []string{"West"}, 1, map[string][][]int8{
		"West": append(repeat(10, []int8{2, 4, 1, m}), repeat(10, []int8{2, 3, 0, m})...),
	})
	// Current: c rose to the top, b fell; d asked; East new.
	cur := ranking(t, []string{"West", "East"}, 2, map[string][][]int8{
		"West": append(repeat(10, []int8{2, 1, 4, 0}), repeat(10, []int8{2, 0, 3, 0})...),
		"East": repeat(12, []int8{2, 2, 2, 2}),
	})
	res := Compare(base, cur, Options{TopN: 1, CurrentLabel: "2021", BaselineLabel: "2019"})
	got := map[string]Row{}
	for _, r := range res.Rows {
		if r.View == needs.ViewSingle {
			got[r.Scope+"/"+r.Category] = r
		}
	}
	cases := []struct {
		id, presence, top string
		mean              float64
	}{
		{"West/a", InBoth, "", 0},
		{"West/b", InBoth, Left, 0.5 - 3.5},
		{"West/c", InBoth, Entered, 3.5 - 0.5},
		{"West/d", CurrentOnly, "", math.NaN()},
		{"East/a", CurrentOnly, "", math.NaN()}, // a region new in this wave enters nothing
	}
	for _, c := range cases {
		r, ok := got[c.id]
		if !ok {
			t.Fatalf("%s missing", c.id)
		}
		if r.Presence != c.presence || r.TopN != c.top {
			t.Errorf("%s: presence %s top %q, want %s %q", c.id, r.Presence, r.TopN, c.presence, c.top)
		}
		if !math.IsNaN(c.mean) && math.Abs(r.Mean.Delta-c.mean) > 1e-12 {
			t.Errorf("%s: mean change %v, want %v", c.id, r.Mean.Delta, c.mean)
		}
		if r.Presence == InBoth && !(r.Mean.Low <= r.Mean.Delta && r.Mean.Delta <= r.Mean.High) {
			t.Errorf("%s: change %v outside its interval [%v, %v]", c.id, r.Mean.Delta, r.Mean.Low, r.Mean.High)
		}
		if r.Presence != InBoth && !math.IsNaN(r.Mean.Delta) {
			t.Errorf("%s: a row in one wave must have no change, got %v", c.id, r.Mean.Delta)
		}
	}
	if res.BaselineScopes["East"] != 0 || res.CurrentScopes["East"] != 12 {
		t.Errorf("scopes: %v / %v", res.BaselineScopes, res.CurrentScopes)
	}
	again := Compare(base, cur, Options{TopN: 1})
	for i := range res.Rows {
		a, b := res.Rows[i], again.Rows[i]
		if a.Category != b.Category || a.Mean.Low != b.Mean.Low && !(math.IsNaN(a.Mean.Low) && math.IsNaN(b.Mean.Low)) {
			t.Fatal("comparison is not deterministic")
		}
	}
}

func TestBaselineOnlyRowsKept(t *testing.T) {
	base := ranking(t, []string{"West", "Gone"}, 1, map[string][][]int8{
		"West": repeat(5, []int8{1, 1, 1, 1}), "Gone": repeat(5, []int8{2, 2, 2, 2})})
	cur := ranking(t, []string{"West"}, 2, map[string][][]int8{"West": repeat(5, []int8{1, 2, 3, 4})})
	res := Compare(base, cur, Options{TopN: 2})
	n := 0
	for _, r := range res.Rows {
		if r.Scope == "Gone" {
			n++
			if r.Presence != BaselineOnly {
				t.Errorf("Gone/%s presence %s", r.Category, r.Presence)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d rows for a region only in the baseline, want 4", n)
	}
}
