// Package waves compares a survey wave's needs ranking with a baseline
// wave's: per scope, view and category the rank then and now, the change in
// mean, median and top-2 share with bootstrap intervals, and which
// categories entered or left the top N. Categories and regions present in
// only one wave are kept and marked, never dropped.
package waves

import (
	"math"
	"sort"

	"needsmap/analysis/needs"
)

// Options are the wave-comparison settings.
type Options struct {
	// TopN is the number of distinct ranks that make "the top" for
	// entered/left (default: the needs ranking's top_n).
	TopN int `mapstructure:"top_n"`
	// CurrentLabel and BaselineLabel name the waves in reports.
	CurrentLabel  string `mapstructure:"current_label"`
	BaselineLabel string `mapstructure:"baseline_label"`
}

// Presence says in which waves a row exists.
const (
	InBoth       = "both"
	CurrentOnly  = "current_only"
	BaselineOnly = "baseline_only"
)

// Movement into or out of the top N.
const (
	Entered = "entered"
	Left    = "left"
	Stayed  = "stayed"
)

// Change is a difference current − baseline with its bootstrap interval.
type Change struct {
	Delta, Low, High float64 // NaN when not available
}

// Row compares one scope, view and category.
type Row struct {
	Scope, View, Category, Label string
	Presence                     string
	Baseline, Current            *needs.Row // nil when absent from that wave
	Mean, Median, Top2           Change
	TopN                         string // Entered, Left, Stayed or ""
}

// Result is a wave comparison.
type Result struct {
	Rows                          []Row
	TopN                          int
	Confidence                    float64
	Replicates                    int
	CurrentLabel, BaselineLabel   string
	CurrentScopes, BaselineScopes map[string]int // respondents per scope
}

type key struct{ scope, view, category string }

// Compare matches the two rankings row by row. A row counts as present in
// a wave when someone in that scope rated the category there.
func Compare(base, cur *needs.Result, opts Options) Result {
	res := Result{TopN: opts.TopN, Confidence: cur.Confidence, Replicates: min(cur.Replicates, base.Replicates),
		CurrentLabel: opts.CurrentLabel, BaselineLabel: opts.BaselineLabel,
		CurrentScopes: respondents(cur), BaselineScopes: respondents(base)}
	if res.TopN <= 0 {
		res.TopN = cur.TopN
	}
	baseRows := index(base)
	curTop, baseTop := topSets(cur, res.TopN), topSets(base, res.TopN)
	seen := map[key]bool{}
	for i := range cur.Rows {
		c := &cur.Rows[i]
		k := key{c.Scope, c.View, c.Category}
		seen[k] = true
		res.Rows = append(res.Rows, compareRow(k, c.Label, baseRows[k], c, baseTop, curTop, res.Confidence, res.inBoth(k.scope)))
	}
	var extra []Row
	for i := range base.Rows {
		b := &base.Rows[i]
		k := key{b.Scope, b.View, b.Category}
		if !seen[k] {
			extra = append(extra, compareRow(k, b.Label, b, nil, baseTop, curTop, res.Confidence, res.inBoth(k.scope)))
		}
	}
	sort.SliceStable(extra, func(i, j int) bool { return extra[i].Scope < extra[j].Scope })
	res.Rows = append(res.Rows, extra...)
	return res
}

// inBoth reports whether a scope had respondents in both waves.
func (r *Result) inBoth(scope string) bool {
	return r.BaselineScopes[scope] > 0 && r.CurrentScopes[scope] > 0
}

func respondents(r *needs.Result) map[string]int {
	out := map[string]int{}
	for _, s := range r.Scopes {
		out[s.Name] = s.Respondents
	}
	return out
}

func index(r *needs.Result) map[key]*needs.Row {
	out := make(map[key]*needs.Row, len(r.Rows))
	for i := range r.Rows {
		row := &r.Rows[i]
		out[key{row.Scope, row.View, row.Category}] = row
	}
	return out
}

// topSets lists, per scope and view, the categories within the first n
// distinct ranks (ties all in).
func topSets(r *needs.Result, n int) map[key]bool {
	out := map[key]bool{}
	for _, s := range r.Scopes {
		for _, v := range []string{needs.ViewSingle, needs.ViewCombined} {
			for _, row := range r.Top(s.Name, v, n) {
				out[key{row.Scope, row.View, row.Category}] = true
			}
		}
	}
	return out
}

func compareRow(k key, label string, b, c *needs.Row, baseTop, curTop map[key]bool, conf float64, scopeInBoth bool) Row {
	if b != nil && b.N == 0 {
		b = nil
	}
	if c != nil && c.N == 0 {
		c = nil
	}
	row := Row{Scope: k.scope, View: k.view, Category: k.category, Label: label, Baseline: b, Current: c,
		Mean: none(), Median: none(), Top2: none()}
	switch {
	case b != nil && c != nil:
		row.Presence = InBoth
		row.Mean = change(c.Mean, b.Mean, draws(c, mean), draws(b, mean), conf)
		row.Median = change(c.Median, b.Median, draws(c, median), draws(b, median), conf)
		row.Top2 = change(c.Top2, b.Top2, draws(c, top2), draws(b, top2), conf)
	case c != nil:
		row.Presence = CurrentOnly
	case b != nil:
		row.Presence = BaselineOnly
	default:
		row.Presence = ""
	}
	switch inB, inC := baseTop[k] && b != nil, curTop[k] && c != nil; {
	case !scopeInBoth:
		// A region surveyed in one wave only has nothing to enter or leave.
	case inB && inC:
		row.TopN = Stayed
	case inC:
		row.TopN = Entered
	case inB:
		row.TopN = Left
	}
	return row
}

func none() Change { return Change{math.NaN(), math.NaN(), math.NaN()} }

type stat int

const (
	mean stat = iota
	median
	top2
)

func draws(r *needs.Row, s stat) []float64 {
	if r == nil || r.Draws == nil {
		return nil
	}
	switch s {
	case median:
		return r.Draws.Median
	case top2:
		return r.Draws.Top2
	}
	return r.Draws.Mean
}

// change returns cur − base with a percentile interval of the replicate
// differences. The waves are independent samples, so replicate b of one is
// paired with replicate b of the other; pairs where either is missing are
// skipped.
func change(cur, base float64, curDraws, baseDraws []float64, conf float64) Change {
	ch := Change{Delta: cur - base, Low: math.NaN(), High: math.NaN()}
	n := min(len(curDraws), len(baseDraws))
	diffs := make([]float64, 0, n)
	for i := 0; i < n; i++ {
		if !math.IsNaN(curDraws[i]) && !math.IsNaN(baseDraws[i]) {
			diffs = append(diffs, curDraws[i]-baseDraws[i])
		}
	}
	if len(diffs) == 0 {
		return ch
	}
	sort.Float64s(diffs)
	alpha := (1 - conf) / 2
	ch.Low, ch.High = quantile7(diffs, alpha), quantile7(diffs, 1-alpha)
	return ch
}

// quantile7 is the linearly interpolated sample quantile of sorted xs
// (Hyndman & Fan type 7), as the needs intervals use.
func quantile7(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-lo)*(xs[i+1]-xs[i])
}
