package gaps

import (
	"math"

	"needsmap/data/schema"
)

// measures are the county-level quantities of one item and population.
type measures struct {
	offering []*schema.Resource // resources offering the item to the population, canonical order
	placed   []float64          // per county: supply placed there (S_j, split across counties)
	sites    []int              // per county: local resources listed there
	access   []float64          // per county: E2SFCA access per resident
	covered  []bool             // per county: a site within coverage distance
}

func measure(g *geo, rs []schema.Resource, it Item, population string, o *Options) *measures {
	n := len(g.counties)
	m := &measures{placed: make([]float64, n), sites: make([]int, n), covered: make([]bool, n)}
	for i := range rs {
		r := &rs[i]
		if offers(r, it) == 0 || !serves(r, population) {
			continue
		}
		m.offering = append(m.offering, r)
		if r.Remote() {
			continue // statewide and telehealth-only: supply, not access
		}
		share := units(r, o)
		if o.MultiCounty == SplitEqually {
			share /= float64(len(r.Counties))
		}
		for _, f := range r.Counties {
			k := g.index[f]
			m.placed[k] += share
			m.sites[k]++
		}
	}
	m.access = E2SFCA(g.pts, m.placed, g.dist, o.decay)
	for i := 0; i < n; i++ {
		for k := 0; k < n && !m.covered[i]; k++ {
			m.covered[i] = m.sites[k] > 0 && g.dist[i][k] <= o.CoverageKm
		}
	}
	return m
}

// countyValues returns access per 100,000 residents and site counts for
// the given counties.
func (m *measures) countyValues(g *geo, cs []schema.County) []CountyValue {
	out := make([]CountyValue, len(cs))
	for i, c := range cs {
		k := g.index[c.FIPS]
		out[i] = CountyValue{Access: m.access[k] * 1e5, Sites: m.sites[k]}
	}
	return out
}

// fill computes one scope's row from the county measures.
func (m *measures) fill(row *Row, s int, g *geo, in Input, o *Options) {
	inScope := func(r *schema.Resource) bool {
		for _, f := range r.Counties {
			if k := g.index[f]; g.scopeOf[k] >= 0 && (s == 0 || g.scopeOf[k] == s) {
				return true
			}
		}
		return false
	}
	for _, r := range m.offering {
		switch {
		case r.Remote():
			row.Remote++
			row.Units += units(r, o) * remoteWeight(r, o)
		case inScope(r):
			row.Local++
			row.Units += units(r, o)
			if len(row.Item.Members) > 1 && offers(r, row.Item) > 1 {
				row.Colocated++
			}
		}
	}
	row.Per100k, row.PerSurvivors, row.Access = math.NaN(), math.NaN(), math.NaN()
	if g.pop[s] > 0 {
		row.Per100k = row.Units / g.pop[s] * 1e5
		weighted := 0.0
		for _, i := range g.scopes[s] {
			weighted += g.pts[i].Population * m.access[i]
		}
		row.Access = weighted / g.pop[s] * 1e5
	}
	if in.Survivors != nil {
		if n, ok := in.Survivors(row.Scope); ok && n > 0 {
			row.PerSurvivors = row.Units / float64(n) * 100
		}
	}
	covered := 0
	for _, i := range g.scopes[s] {
		if m.covered[i] {
			covered++
		}
	}
	row.Coverage = math.NaN()
	if len(g.scopes[s]) > 0 {
		row.Coverage = float64(covered) / float64(len(g.scopes[s]))
	}
	h := o.halfSaturation(row.Item.Key)
	row.S, row.C, row.A = saturate(row.Per100k, h.Supply), zeroNaN(row.Coverage), saturate(row.Access, h.Access)
	row.Need = math.NaN()
	if in.Need != nil {
		row.Need = in.Need(row.Scope, row.Item.Key)
	}
	row.Gap = Score(row.Need, row.S, row.C, row.A, o.Weights)
}

func zeroNaN(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}
