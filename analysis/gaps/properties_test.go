package gaps

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"needsmap/data/schema"
)

// world is a random geography, guide and needs for property tests.
type world struct {
	in  Input
	opt Options
}

var propCategories = []schema.Category{{Key: "shelter", Label: "Shelter"}, {Key: "legal", Label: "Legal"}, {Key: "mh", Label: "Mental health"}}

func randomWorld(rng *rand.Rand) world {
	regions := []string{"R1", "R2", "R3"}
	var cs []schema.County
	for i := 0; i < 24; i++ {
		cs = append(cs, schema.County{FIPS: fmt.Sprintf("%05d", i+1), Lat: 36 + 4*rng.Float64(), Lon: -95 + 6*rng.Float64(),
			Population: rng.IntN(200000), Region: regions[rng.IntN(len(regions))]})
	}
	cs[len(cs)-1].Region = "" // a county outside every region still holds people and sites
	w := world{in: Input{Counties: cs, Regions: regions, Categories: propCategories,
		Combined: []schema.Combined{{Key: "shelter_mh", Label: "Shelter or MH", Members: []string{"shelter", "mh"}}}}, opt: testOptions()}
	w.opt.Populations = []string{"minor", "male", "lgbtq"}
	w.opt.MultiCounty = []string{SplitEqually, SplitNone}[rng.IntN(2)]
	for n := rng.IntN(40); n > 0; n-- {
		w.in.Resources = append(w.in.Resources, randomResource(rng, cs))
	}
	needs := map[[2]string]float64{}
	for _, s := range append([]string{StatewideScope}, regions...) {
		for _, k := range []string{"shelter", "legal", "mh", "shelter_mh"} {
			needs[[2]string{s, k}] = rng.Float64()
		}
	}
	w.in.Need = func(scope, key string) float64 { return needs[[2]string{scope, key}] }
	w.in.Survivors = func(scope string) (int, bool) { return 40, scope != "R3" }
	return w
}

func randomResource(rng *rand.Rand, cs []schema.County) schema.Resource {
	r := schema.Resource{Organization: fmt.Sprintf("org %d", rng.IntN(1000)), Populations: schema.PopulationSet(rng.IntN(64))}
	switch rng.IntN(10) {
	case 0:
		r.Statewide = true
	case 1:
		r.Telehealth = true
	default:
		for k := 1 + rng.IntN(3); k > 0; k-- {
			r.Counties = append(r.Counties, cs[rng.IntN(len(cs))].FIPS)
		}
		slices.Sort(r.Counties)
		r.Counties = slices.Compact(r.Counties)
	}
	for c := range propCategories {
		if rng.IntN(2) == 0 {
			r.Services = append(r.Services, c)
		}
	}
	if len(r.Services) == 0 {
		r.Services = []int{rng.IntN(len(propCategories))}
	}
	if rng.IntN(2) == 0 {
		r.Capacity = float64(1 + rng.IntN(40))
	}
	return r
}

func analyse(t *testing.T, w world) *Result {
	t.Helper()
	res, err := Analyse(w.in, w.opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// forWorlds runs a property over many seeded random worlds.
func forWorlds(t *testing.T, n int, f func(t *testing.T, rng *rand.Rand, w world)) {
	for seed := uint64(1); seed <= uint64(n); seed++ {
		rng := rand.New(rand.NewPCG(seed, 0x9a95))
		w := randomWorld(rng)
		t.Run(fmt.Sprint(seed), func(t *testing.T) { f(t, rng, w) })
	}
}

// Property 1: a region with the highest need for a category and no
// resource within reach (none in or near it, no statewide or telehealth
// one) has the largest gap for that category, in every population.
func TestPropertyHighestNeedNoResourceLargestGap(t *testing.T) {
	forWorlds(t, 150, func(t *testing.T, rng *rand.Rand, w world) {
		target := w.in.Regions[rng.IntN(len(w.in.Regions))]
		c := rng.IntN(len(propCategories))
		key := propCategories[c].Key
		reach := math.Max(w.opt.CoverageKm, 120)
		kept := w.in.Resources[:0:0]
		for _, r := range w.in.Resources {
			if !r.Offers(c) || !r.Remote() && !nearRegion(w.in.Counties, r.Counties, target, reach) {
				kept = append(kept, r)
			}
		}
		w.in.Resources = kept
		base := w.in.Need
		w.in.Need = func(scope, k string) float64 {
			if k == key && scope == target {
				return 1
			}
			return base(scope, k)
		}
		res := analyse(t, w)
		for _, pop := range res.Populations {
			top, _ := res.Row(target, key, pop)
			if top.Gap != 100 {
				t.Errorf("%s %s %s: gap %v, want 100 with no resource in reach (%+v)", target, key, pop, top.Gap, top)
			}
			for _, s := range res.Scopes {
				if r, _ := res.Row(s, key, pop); r.Gap > top.Gap {
					t.Errorf("%s gap %v above the neediest unserved region's %v", s, r.Gap, top.Gap)
				}
			}
		}
	})
}

func nearRegion(cs []schema.County, sites []string, region string, km float64) bool {
	for _, f := range sites {
		site := county(cs, f)
		for _, c := range cs {
			if c.Region == region && Haversine(c.Lat, c.Lon, site.Lat, site.Lon, 6371.0088) <= km {
				return true
			}
		}
	}
	return false
}

func county(cs []schema.County, fips string) schema.County {
	for _, c := range cs {
		if c.FIPS == fips {
			return c
		}
	}
	panic("no county " + fips)
}

// Property 2: adding a resource never raises any gap (exactly: no
// tolerance, since every step is monotone in floating point too).
func TestPropertyAddingAResourceNeverRaisesAGap(t *testing.T) {
	forWorlds(t, 150, func(t *testing.T, rng *rand.Rand, w world) {
		before := analyse(t, w)
		added := randomResource(rng, w.in.Counties)
		w.in.Resources = append(slices.Clone(w.in.Resources), added)
		after := analyse(t, w)
		for i, r := range after.Rows {
			if b := before.Rows[i]; r.Gap > b.Gap || r.Access < b.Access || r.Coverage < b.Coverage || r.Units < b.Units {
				t.Errorf("adding %+v raised %s/%s/%s: gap %v → %v (%+v → %+v)", added, r.Scope, r.Item.Key, r.Population, b.Gap, r.Gap, b, r)
			}
		}
	})
}

// Property 3: raising need never lowers a gap.
func TestPropertyRaisingNeedNeverLowersAGap(t *testing.T) {
	forWorlds(t, 150, func(t *testing.T, rng *rand.Rand, w world) {
		before := analyse(t, w)
		scope := append([]string{StatewideScope}, w.in.Regions...)[rng.IntN(4)]
		key := []string{"shelter", "legal", "mh", "shelter_mh"}[rng.IntN(4)]
		by := rng.Float64()
		base := w.in.Need
		w.in.Need = func(s, k string) float64 {
			if s == scope && k == key {
				return math.Min(1, base(s, k)+by)
			}
			return base(s, k)
		}
		after := analyse(t, w)
		for i, r := range after.Rows {
			if r.Gap < before.Rows[i].Gap {
				t.Errorf("raising %s/%s need lowered %s/%s/%s: %v → %v", scope, key, r.Scope, r.Item.Key, r.Population, before.Rows[i].Gap, r.Gap)
			}
		}
	})
}

// Property 4: the result does not depend on the order of the guide's rows.
func TestPropertyRowOrderDoesNotMatter(t *testing.T) {
	forWorlds(t, 100, func(t *testing.T, rng *rand.Rand, w world) {
		before := analyse(t, w)
		w.in.Resources = slices.Clone(w.in.Resources)
		rng.Shuffle(len(w.in.Resources), func(i, j int) { w.in.Resources[i], w.in.Resources[j] = w.in.Resources[j], w.in.Resources[i] })
		after := analyse(t, w)
		for i, r := range after.Rows {
			if fmt.Sprintf("%+v", r) != fmt.Sprintf("%+v", before.Rows[i]) {
				t.Fatalf("row %d differs after shuffling:\n%+v\n%+v", i, before.Rows[i], r)
			}
		}
		if fmt.Sprint(after.Access) != fmt.Sprint(before.Access) {
			t.Error("county access differs after shuffling")
		}
	})
}
