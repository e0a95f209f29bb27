package gaps

import (
	"cmp"
	"math"
	"slices"

	"needsmap/analysis/needs"
	"needsmap/data/schema"
)

// NeedFrom returns the need of each scope and category or group from a
// needs ranking, on its configured metric scaled to 0–1: the mean or
// median over the top level of the scale, or the top-2 share as it is.
// Single categories come from the single view, groups from the combined
// view; an item nobody rated is NaN.
func NeedFrom(res *needs.Result) func(scope, key string) float64 {
	top := float64(len(res.Levels) - 1)
	values := map[[2]string]float64{}
	for _, r := range res.Rows {
		k := [2]string{r.Scope, r.Category}
		if _, seen := values[k]; seen && r.View != needs.ViewSingle {
			continue
		}
		v := math.NaN()
		if r.N > 0 && top > 0 {
			switch res.Metric {
			case needs.MetricMedian:
				v = r.Median / top
			case needs.MetricTop2:
				v = r.Top2
			default:
				v = r.Mean / top
			}
		}
		values[k] = v
	}
	return func(scope, key string) float64 {
		if v, ok := values[[2]string{scope, key}]; ok {
			return v
		}
		return math.NaN()
	}
}

// AssetGroup is one kind of resource around a need on an asset map: the
// resources of one sector (or the statewide and telehealth ones) that
// offer it, with how many are human-trafficking specific and trained.
type AssetGroup struct {
	Sector     string // "" when the guide does not say
	Remote     bool   // statewide and telehealth-only resources
	Count      int
	HTSpecific int
	Trained    int
}

// Assets groups the resources offering an item in a scope (population
// "all") by sector, largest group first; the statewide and telehealth
// resources form one last group.
func (r *Result) Assets(scope, key string) []AssetGroup {
	it, ok := r.item(key)
	if !ok {
		return nil
	}
	inScope := map[string]bool{}
	for _, c := range r.Counties {
		if scope == StatewideScope || c.Region == scope {
			inScope[c.FIPS] = true
		}
	}
	groups := map[string]*AssetGroup{}
	var remote AssetGroup
	for i := range r.Resources {
		res := &r.Resources[i]
		if offers(res, it) == 0 {
			continue
		}
		g := &remote
		if !res.Remote() {
			if !slices.ContainsFunc(res.Counties, func(f string) bool { return inScope[f] }) {
				continue
			}
			if g = groups[res.Sector]; g == nil {
				g = &AssetGroup{Sector: res.Sector}
				groups[res.Sector] = g
			}
		}
		g.Count++
		if res.HTSpecific == schema.Yes {
			g.HTSpecific++
		}
		if res.Trained == schema.Yes {
			g.Trained++
		}
	}
	out := make([]AssetGroup, 0, len(groups)+1)
	for _, g := range groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b AssetGroup) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(boolInt(a.Sector == ""), boolInt(b.Sector == "")), cmp.Compare(a.Sector, b.Sector))
	})
	if remote.Count > 0 {
		remote.Remote = true
		out = append(out, remote)
	}
	return out
}

func (r *Result) item(key string) (Item, bool) {
	for _, it := range r.Items {
		if it.Key == key {
			return it, true
		}
	}
	return Item{}, false
}
