package gaps

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"needsmap/data/schema"
)

// geo is the geography prepared for one analysis.
type geo struct {
	counties []schema.County
	index    map[string]int // FIPS → index into counties
	pts      []Point
	dist     [][]float64
	scopes   [][]int // per scope, county indices (Statewide: every county in a region)
	scopeOf  []int   // per county, its region's scope index, or -1
	pop      []float64
}

func newGeo(in Input, o *Options) *geo {
	g := &geo{counties: in.Counties, index: map[string]int{}, scopeOf: make([]int, len(in.Counties))}
	regionScope := map[string]int{}
	for i, r := range in.Regions {
		regionScope[r] = i + 1
	}
	g.scopes = make([][]int, len(in.Regions)+1)
	for i, c := range in.Counties {
		g.index[c.FIPS] = i
		g.pts = append(g.pts, Point{Lat: c.Lat, Lon: c.Lon, Population: float64(c.Population)})
		g.scopeOf[i] = -1
		if s, ok := regionScope[c.Region]; ok {
			g.scopeOf[i] = s
			g.scopes[s] = append(g.scopes[s], i)
			g.scopes[0] = append(g.scopes[0], i)
		}
	}
	g.dist = distances(g.pts, o.EarthRadiusKm)
	g.pop = make([]float64, len(g.scopes))
	for s, idx := range g.scopes {
		for _, i := range idx {
			g.pop[s] += g.pts[i].Population
		}
	}
	return g
}

// Analyse computes the gap table and the access of every county.
func Analyse(in Input, o Options) (*Result, error) {
	its := items(in)
	keys := make([]string, len(its))
	for i, it := range its {
		keys[i] = it.Key
	}
	if err := o.Validate(keys); err != nil {
		return nil, err
	}
	g := newGeo(in, &o)
	res := &Result{Scopes: append([]string{StatewideScope}, in.Regions...), Items: its,
		Populations: append([]string{PopulationAll}, o.Populations...), Options: o, HasNeed: in.Need != nil,
		Resources: canonical(in.Resources, o.PartnersOnly)}
	for _, c := range in.Counties {
		if c.Region != "" {
			res.Counties = append(res.Counties, c)
		}
	}
	for _, r := range res.Resources {
		for _, f := range r.Counties {
			if _, ok := g.index[f]; !ok {
				return nil, fmt.Errorf("gaps: resource %q is in county %s, which the geography does not have", r.Organization, f)
			}
		}
	}
	res.Access = make([][]CountyValue, len(its))
	for s := range res.Scopes {
		for _, pop := range res.Populations {
			for _, it := range its {
				res.Rows = append(res.Rows, Row{Scope: res.Scopes[s], Population: pop, Item: it})
			}
		}
	}
	for ii, it := range its {
		for pi, pop := range res.Populations {
			m := measure(g, res.Resources, it, pop, &o)
			if pi == 0 {
				res.Access[ii] = m.countyValues(g, res.Counties)
			}
			for s := range res.Scopes {
				row := &res.Rows[(s*len(res.Populations)+pi)*len(its)+ii]
				m.fill(row, s, g, in, &o)
			}
		}
	}
	rank(res)
	return res, nil
}

// canonical returns the resources used, sorted by every field, so sums do
// not depend on the order of the guide's rows.
func canonical(rs []schema.Resource, partnersOnly bool) []schema.Resource {
	var out []schema.Resource
	for _, r := range rs {
		if !partnersOnly || r.Partnership == schema.Yes {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, compareResources)
	return out
}

func compareResources(a, b schema.Resource) int {
	return cmp.Or(cmp.Compare(a.Organization, b.Organization), slices.Compare(a.Counties, b.Counties),
		cmp.Compare(boolInt(a.Statewide), boolInt(b.Statewide)), cmp.Compare(boolInt(a.Telehealth), boolInt(b.Telehealth)),
		slices.Compare(a.Services, b.Services), cmp.Compare(a.Populations, b.Populations), cmp.Compare(a.Capacity, b.Capacity),
		cmp.Compare(a.HTSpecific, b.HTSpecific), cmp.Compare(a.Trained, b.Trained), cmp.Compare(a.Partnership, b.Partnership),
		cmp.Compare(a.Sector, b.Sector), cmp.Compare(a.Phone, b.Phone), cmp.Compare(a.Website, b.Website))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// units is a resource's S_j.
func units(r *schema.Resource, o *Options) float64 {
	if o.SupplyUnit == UnitCapacity && r.Capacity > 0 {
		return r.Capacity
	}
	return o.DefaultCapacity
}

// remoteWeight is the fraction of a remote resource counted in a scope.
func remoteWeight(r *schema.Resource, o *Options) float64 {
	if r.Statewide {
		return o.StatewideWeight
	}
	return o.TelehealthWeight
}

// rank sets competition ranks on the gap, compared at the published
// precision (six decimals) so that the ties a reader sees are ties.
func rank(res *Result) {
	grouped := map[string]bool{}
	for _, it := range res.Items {
		if it.View == ViewCombined {
			for _, m := range it.Members {
				grouped[res.Items[m].Key] = true
			}
		}
	}
	n := len(res.Items)
	for start := 0; start < len(res.Rows); start += n {
		block := res.Rows[start : start+n]
		rankWithin(block, func(r Row) bool { return r.Item.View == ViewSingle }, func(r *Row, k int) { r.Rank = k })
		rankWithin(block, func(r Row) bool { return r.Item.View == ViewCombined || !grouped[r.Item.Key] },
			func(r *Row, k int) {
				if r.Item.View == ViewCombined {
					r.Rank = k
				}
			})
	}
}

func rankWithin(block []Row, in func(Row) bool, set func(*Row, int)) {
	for i := range block {
		g := rounded(block[i].Gap)
		if !in(block[i]) || math.IsNaN(g) {
			continue
		}
		k := 1
		for j := range block {
			if in(block[j]) && rounded(block[j].Gap) > g {
				k++
			}
		}
		set(&block[i], k)
	}
}

// rounded is x as published: six decimals, correctly rounded.
func rounded(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return r
}

func sortByRank(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int { return cmp.Compare(a.Rank, b.Rank) })
}
