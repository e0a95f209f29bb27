package gaps

import (
	"math"

	"needsmap/data/schema"
)

// StatewideScope names the whole-state rows.
const StatewideScope = "Statewide"

// Views of an item, as in the needs ranking.
const (
	ViewSingle   = "single"
	ViewCombined = "combined"
)

// Input is what the gap analysis reads.
type Input struct {
	// Counties is the whole geography, sorted by FIPS; counties with a
	// Region make up the scopes.
	Counties   []schema.County
	Regions    []string // in report order
	Categories []schema.Category
	Combined   []schema.Combined
	Resources  []schema.Resource
	// Need returns the need of a category or group key in a scope, scaled
	// to 0–1, or NaN when unknown. Nil when the run has no survey.
	Need func(scope, key string) float64
	// Survivors returns the survivors served in a scope; false when
	// unknown. Nil when the run has no survey.
	Survivors func(scope string) (int, bool)
}

// Item is a category or a combined category.
type Item struct {
	Key, Label, View string
	Members          []int // category indices; one for a single category
}

// Row is one scope × item × population of the gap table.
type Row struct {
	Scope, Population string
	Item              Item
	// Need is 0–1, NaN when unknown.
	Need float64
	// Local counts the resources placed in the scope; Remote the statewide
	// and telehealth-only ones; Colocated, for a group, the local ones
	// offering two or more of its members.
	Local, Remote, Colocated int
	// Units is the supply: S_j of the local resources plus the weighted
	// S_j of the remote ones.
	Units float64
	// PerSurvivors is Units per 100 survivors served (NaN when unknown);
	// Per100k per 100,000 residents.
	PerSurvivors, Per100k float64
	// Coverage is the share of the scope's counties with the service in or
	// near the county; Access the population-weighted mean E2SFCA access
	// per 100,000 residents.
	Coverage, Access float64
	// S, C and A are the saturated components in [0, 1].
	S, C, A float64
	// Gap is 0–100, NaN when the need is unknown.
	Gap float64
	// Rank is the gap's competition rank within scope and population (1 =
	// largest): singles among singles, a group in the combined view; 0
	// when there is no gap.
	Rank int
}

// CountyValue is one county's access to one item.
type CountyValue struct {
	// Access is the E2SFCA access per 100,000 residents.
	Access float64
	// Sites is the number of local resources placed in the county.
	Sites int
}

// Result is the gap analysis.
type Result struct {
	Scopes      []string // Statewide, then the regions
	Items       []Item   // single categories, then groups
	Populations []string // "all", then the configured ones
	Rows        []Row    // by scope, population, item
	// Counties are the counties in a region, sorted by FIPS; Access[item][i]
	// is county i's access (population "all").
	Counties []schema.County
	Access   [][]CountyValue
	// Resources are the resources used (partners only, when so
	// configured), in canonical order.
	Resources []schema.Resource
	HasNeed   bool
	Options   Options
}

// Row returns the row of a scope, item key and population.
func (r *Result) Row(scope, key, population string) (Row, bool) {
	for _, row := range r.Rows {
		if row.Scope == scope && row.Item.Key == key && row.Population == population {
			return row, true
		}
	}
	return Row{}, false
}

// Top returns a scope's rows for one population in gap order (largest
// first, single categories only), at most n, without rows whose gap is
// unknown.
func (r *Result) Top(scope, population string, n int) []Row {
	var out []Row
	for _, row := range r.Rows {
		if row.Scope == scope && row.Population == population && row.Item.View == ViewSingle && row.Rank > 0 {
			out = append(out, row)
		}
	}
	sortByRank(out)
	return out[:min(n, len(out))]
}

// items lists the single categories then the groups.
func items(in Input) []Item {
	var out []Item
	for i, c := range in.Categories {
		out = append(out, Item{Key: c.Key, Label: c.Label, View: ViewSingle, Members: []int{i}})
	}
	for _, g := range in.Combined {
		it := Item{Key: g.Key, Label: g.Label, View: ViewCombined}
		for _, m := range g.Members {
			for i, c := range in.Categories {
				if c.Key == m {
					it.Members = append(it.Members, i)
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// offers reports whether a resource offers any member of the item, and
// how many.
func offers(r *schema.Resource, it Item) int {
	n := 0
	for _, m := range it.Members {
		if r.Offers(m) {
			n++
		}
	}
	return n
}

// serves reports whether a resource serves a population.
func serves(r *schema.Resource, population string) bool {
	if population == PopulationAll {
		return true
	}
	p, _ := schema.PopulationByKey(population)
	return r.Populations.Has(p)
}

// saturate maps x ≥ 0 to x/(x+h) in [0, 1), written as 1 − h/(x+h) so
// that it is monotone in floating point too: adding supply can never
// round to a smaller component.
func saturate(x, h float64) float64 {
	if !(x > 0) {
		return 0
	}
	return 1 - h/(x+h)
}

// Score is the gap: 100 · need · (1 − (w_s·S + w_c·C + w_a·A)).
func Score(need, s, c, a float64, w Weights) float64 {
	if math.IsNaN(need) {
		return math.NaN()
	}
	met := w.Supply*s + w.Coverage*c + w.Access*a
	return 100 * need * math.Max(0, 1-met)
}
