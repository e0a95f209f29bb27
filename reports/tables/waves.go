package tables

import (
	"math"

	"needsmap/analysis/needs"
	"needsmap/analysis/waves"
)

// WaveComparison is tables/wave_comparison.csv: rank then and now and the
// change in mean, median and top-2 share with bootstrap intervals.
func WaveComparison(res *waves.Result) *Table {
	t := &Table{Name: "wave_comparison", Title: "Wave over wave: " + res.BaselineLabel + " to " + res.CurrentLabel,
		Columns: []string{"scope", "view", "category", "label", "presence", "rank_baseline", "rank_current", "rank_change"}}
	for _, s := range []string{"mean", "median", "top2"} {
		t.Columns = append(t.Columns, s+"_baseline", s+"_current", s+"_change", s+"_change_low", s+"_change_high")
	}
	t.Columns = append(t.Columns, "top_n")
	for _, r := range res.Rows {
		rb, rc := rankOf(r.Baseline), rankOf(r.Current)
		row := []Cell{T(r.Scope), T(r.View), T(r.Category), T(r.Label), T(r.Presence), rank(rb), rank(rc), rankChange(rb, rc)}
		row = append(row, stat(r.Baseline, r.Current, r.Mean, func(x *needs.Row) float64 { return x.Mean })...)
		row = append(row, stat(r.Baseline, r.Current, r.Median, func(x *needs.Row) float64 { return x.Median })...)
		row = append(row, stat(r.Baseline, r.Current, r.Top2, func(x *needs.Row) float64 { return x.Top2 })...)
		t.Rows = append(t.Rows, append(row, T(r.TopN)))
	}
	t.Notes = []string{
		"rank_change = baseline rank − current rank: positive means the need moved up.",
		"Changes are current − baseline; the interval is the " + percent(res.Confidence) + " percentile interval of the differences between the two waves' bootstrap replicates (independent samples).",
		"presence: both, current_only (asked or answered only in the current wave) or baseline_only. top_n: entered, left or stayed in the top " + itoa(res.TopN) + " distinct ranks.",
	}
	return t
}

func rankOf(r *needs.Row) int {
	if r == nil {
		return 0
	}
	return r.Rank
}

func rankChange(base, cur int) Cell {
	if base == 0 || cur == 0 {
		return Blank(Int)
	}
	return I(base - cur)
}

// stat writes baseline, current, change, low, high for one statistic.
func stat(b, c *needs.Row, ch waves.Change, get func(*needs.Row) float64) []Cell {
	val := func(r *needs.Row) Cell {
		if r == nil {
			return Blank(Float)
		}
		return F(get(r))
	}
	return []Cell{val(b), val(c), F(nanIf(b == nil || c == nil, ch.Delta)), F(ch.Low), F(ch.High)}
}

func nanIf(cond bool, x float64) float64 {
	if cond {
		return math.NaN()
	}
	return x
}
