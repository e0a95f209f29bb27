package needs

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"needsmap/data/schema"
)

var levels = []schema.Level{{Value: 0, Label: "Not a need"}, {Value: 1, Label: "Low"}, {Value: 2, Label: "Moderate"}, {Value: 3, Label: "High"}, {Value: 4, Label: "Very high"}}

func TestCompetitionRanks(t *testing.T) {
	k := func(p, s float64) rankKey { return rankKey{p, s, true} }
	cases := []struct {
		name string
		keys []rankKey
		want []int
	}{
		{"distinct", []rankKey{k(1, 1), k(3, 3), k(2, 2)}, []int{3, 1, 2}},
		{"tie for second", []rankKey{k(4, 4), k(3, 3), k(3, 3), k(1, 1)}, []int{1, 2, 2, 4}},
		{"metro east 1-1-3-3-5", []rankKey{k(3.5, 3.5), k(3.5, 3.5), k(3.25, 3.25), k(3.25, 3.25), k(3, 3)}, []int{1, 1, 3, 3, 5}},
		{"secondary breaks tie", []rankKey{k(3, 2.5), k(3, 2.7), k(2, 3)}, []int{2, 1, 3}},
		{"equal primary and secondary tie", []rankKey{k(3, 2.5), k(3, 2.5)}, []int{1, 1}},
		{"unrated get 0", []rankKey{k(2, 2), {}, k(3, 3)}, []int{2, 0, 1}},
		{"all tied", []rankKey{k(1, 1), k(1, 1), k(1, 1)}, []int{1, 1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := competitionRanks(c.keys); !reflect.DeepEqual(got, c.want) {
				t.Errorf("ranks = %v, want %v", got, c.want)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	cases := []struct {
		name               string
		h                  hist
		denom              int
		n                  int
		median, mean, top2 float64
		dist               []int
	}{
		{"odd count", hist{1, 0, 1, 2, 1}, 1, 5, 3, 2.4, 0.6, []int{1, 0, 1, 2, 1}},
		{"even count averages middles", hist{0, 1, 1, 0, 0}, 1, 2, 1.5, 1.5, 0, []int{0, 1, 1, 0, 0}},
		{"all top", hist{0, 0, 0, 0, 3}, 1, 3, 4, 4, 1, []int{0, 0, 0, 0, 3}},
		// Values in sixths (combined mean of up to three members): 2.5 and 3.
		{"scaled combined mean", func() hist { h := make(hist, 25); h[15]++; h[18]++; return h }(), 6, 2, 2.75, 2.75, 0.5, []int{0, 0, 0, 2, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.h.summarise(c.denom, 4)
			if s.N != c.n || s.Median != c.median || math.Abs(s.Mean-c.mean) > 1e-12 || s.Top2 != c.top2 || !reflect.DeepEqual(s.Dist, c.dist) {
				t.Errorf("got %+v, want n=%d median=%v mean=%v top2=%v dist=%v", s, c.n, c.median, c.mean, c.top2, c.dist)
			}
		})
	}
	s := make(hist, 5).summarise(1, 4)
	if s.N != 0 || !math.IsNaN(s.Mean) || !math.IsNaN(s.Median) || !math.IsNaN(s.Top2) {
		t.Errorf("empty histogram: %+v, want NaNs", s)
	}
}

func TestQuantiles(t *testing.T) {
	xs := []float64{1, 2, 3, 4}
	if got := quantile7(xs, 0.5); got != 2.5 {
		t.Errorf("quantile7 median = %v, want 2.5", got)
	}
	if got := quantile7(xs, 0.25); got != 1.75 {
		t.Errorf("quantile7 0.25 = %v, want 1.75 (R: quantile(1:4, .25))", got)
	}
	ranks := make([]int, 1000)
	for i := range ranks {
		ranks[i] = 1 + i/100 // 100 each of 1..10
	}
	if lo, hi := quantile1(ranks, 0.025), quantile1(ranks, 0.975); lo != 1 || hi != 10 {
		t.Errorf("quantile1 = %d..%d, want 1..10", lo, hi)
	}
}

func spec(cats ...string) Spec {
	s := Spec{Levels: levels, Regions: []string{"North", "South"}}
	for _, c := range cats {
		s.Categories = append(s.Categories, schema.Category{Key: c, Label: c})
	}
	return s
}

func resp(region string, ratings ...int8) *schema.Response {
	return &schema.Response{Regions: []string{region}, Ratings: ratings, Survivors: schema.NoSurvivors}
}

func build(t *testing.T, s Spec, o Options, rs ...*schema.Response) Result {
	t.Helper()
	b, err := NewBuilder(s, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return b.Result()
}

func TestBuilderRanksAndCombined(t *testing.T) {
	s := spec("a", "b", "c")
	s.Combined = []schema.Combined{{Key: "ab", Label: "A or B", Members: []string{"a", "b"}, Rule: "max"}}
	res := build(t, s, Options{},
		resp("North", 4, 1, 2), resp("North", 2, 3, 2), resp("South", schema.Missing, schema.Missing, 0))
	got := map[string]Row{}
	for _, r := range res.Rows {
		got[r.Scope+"/"+r.View+"/"+r.Category] = r
	}
	// Statewide single: a mean 3 (n 2), b 2 (n 2), c 4/3.
	if r := got["Statewide/single/a"]; r.N != 2 || r.Mean != 3 || r.Rank != 1 {
		t.Errorf("a: %+v", r)
	}
	// Combined: ab = max(a,b) per respondent = 4, 3, missing → mean 3.5.
	if r := got["Statewide/combined/ab"]; r.N != 2 || r.Mean != 3.5 || r.Rank != 1 {
		t.Errorf("ab: %+v", r)
	}
	if r := got["South/single/a"]; r.N != 0 || r.Rank != 0 || !math.IsNaN(r.Mean) {
		t.Errorf("South a should be unrated: %+v", r)
	}
	if info, _ := res.ScopeInfo("South"); info.Respondents != 1 {
		t.Errorf("South respondents = %d", info.Respondents)
	}
}

func TestTopKeepsTies(t *testing.T) {
	// Ratings so that the means are a=b=3.5, c=d=3.25, e=3, f=1.
	rs := []*schema.Response{
		resp("North", 4, 4, 4, 4, 3, 1), resp("North", 3, 3, 3, 3, 3, 1),
		resp("North", 4, 4, 3, 3, 3, 1), resp("North", 3, 3, 3, 3, 3, 1),
	}
	res := build(t, spec("a", "b", "c", "d", "e", "f"), Options{}, rs...)
	top := res.Top("North", ViewSingle, 3)
	var ranks []int
	for _, r := range top {
		ranks = append(ranks, r.Rank)
	}
	if !reflect.DeepEqual(ranks, []int{1, 1, 3, 3, 5}) {
		t.Errorf("top ranks = %v, want [1 1 3 3 5]", ranks)
	}
}

func TestMedianMetricBreaksTiesByMean(t *testing.T) {
	// a: 2,2,4 (median 2, mean 2.67); b: 2,2,2 (median 2, mean 2); c: 3,3,0.
	res := build(t, spec("a", "b", "c"), Options{Metric: MetricMedian},
		resp("North", 2, 2, 3), resp("North", 2, 2, 3), resp("North", 4, 2, 0))
	want := map[string]int{"c": 1, "a": 2, "b": 3}
	for _, r := range res.Scope("North", ViewSingle) {
		if r.Rank != want[r.Category] {
			t.Errorf("%s rank %d, want %d", r.Category, r.Rank, want[r.Category])
		}
	}
}

func bootstrapRows(t *testing.T, seed uint64) []Row {
	var rs []*schema.Response
	for i := 0; i < 40; i++ {
		region := "North"
		if i%3 == 0 {
			region = "South"
		}
		rs = append(rs, resp(region, int8(i%5), int8((i*7)%5), int8((i*3)%5)))
	}
	return build(t, spec("a", "b", "c"), Options{Bootstrap: 300, Seed: seed}, rs...).Rows
}

func TestBootstrapDeterministic(t *testing.T) {
	a, b := bootstrapRows(t, 7), bootstrapRows(t, 7)
	if !reflect.DeepEqual(fmtRows(a), fmtRows(b)) {
		t.Fatal("same seed gave different bootstrap results")
	}
	c := bootstrapRows(t, 8)
	if reflect.DeepEqual(fmtRows(a), fmtRows(c)) {
		t.Fatal("different seeds gave identical bootstrap results")
	}
	for _, r := range a {
		if !(r.MeanLow <= r.Mean && r.Mean <= r.MeanHigh) {
			t.Errorf("%s/%s: mean %v outside its interval [%v, %v]", r.Scope, r.Category, r.Mean, r.MeanLow, r.MeanHigh)
		}
		if r.RankLow < 1 || r.RankLow > r.RankHigh || r.RankHigh > 3 {
			t.Errorf("%s/%s: rank interval %d..%d", r.Scope, r.Category, r.RankLow, r.RankHigh)
		}
		if r.PTop < 0 || r.PTop > 1 {
			t.Errorf("p_top3 %v out of range", r.PTop)
		}
	}
}

func fmtRows(rows []Row) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s %s %v %v %d %d %v", r.Scope, r.Category, r.MeanLow, r.MeanHigh, r.RankLow, r.RankHigh, r.PTop))
	}
	return out
}

func TestBorda(t *testing.T) {
	r1 := resp("North", 1, 1, 1)
	r1.Ranks = []int8{1, 2, 0}
	r2 := resp("North", 1, 1, 1)
	r2.Ranks = []int8{2, 1, 3}
	res := build(t, spec("a", "b", "c"), Options{}, r1, r2)
	got := map[string]Row{}
	for _, r := range res.Scope("North", ViewSingle) {
		got[r.Category] = r
	}
	// maxPos 3: a gets 3+2, b 2+3, c 0+1 → per respondent 2.5, 2.5, 0.5.
	if got["a"].Borda != 2.5 || got["b"].Borda != 2.5 || got["c"].Borda != 0.5 {
		t.Errorf("borda = %v %v %v", got["a"].Borda, got["b"].Borda, got["c"].Borda)
	}
	if got["a"].BordaRank != 1 || got["b"].BordaRank != 1 || got["c"].BordaRank != 3 {
		t.Errorf("borda ranks = %d %d %d", got["a"].BordaRank, got["b"].BordaRank, got["c"].BordaRank)
	}
}
