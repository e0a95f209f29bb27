package gaps

import (
	"math"
	"strings"
	"testing"

	"needsmap/data/schema"
)

func testOptions() Options {
	return Options{
		Weights:          Weights{Supply: 0.25, Coverage: 0.25, Access: 0.5},
		HalfSaturation:   HalfSaturation{Supply: 2, Access: 2},
		StatewideWeight:  0.25,
		TelehealthWeight: 0.5,
		CoverageKm:       40,
		Populations:      []string{"minor", "male"},
	}
}

// handCounties are four counties on the equator, half a degree apart, so
// centroid distances are multiples of R·π/360 = 55.5975 km:
//
//	A–B 55.6 km (W 0.68)   A–C 111.2 km (W 0.22)   A–D 222.4 km (W 0)
//	B–C 55.6 km (W 0.68)   B–D 166.8 km (W 0)      C–D 111.2 km (W 0.22)
func handCounties() []schema.County {
	return []schema.County{
		{FIPS: "00001", Name: "A", Lat: 0, Lon: 0, Population: 1000, Region: "North"},
		{FIPS: "00002", Name: "B", Lat: 0, Lon: 0.5, Population: 2000, Region: "North"},
		{FIPS: "00003", Name: "C", Lat: 0, Lon: 1.0, Population: 500, Region: "South"},
		{FIPS: "00004", Name: "D", Lat: 0, Lon: 2.0, Population: 100, Region: "South"},
	}
}

var handCategories = []schema.Category{{Key: "shelter", Label: "Shelter"}, {Key: "legal", Label: "Legal"}}

// TestE2SFCAByHand checks the access measure against a computation done
// by hand.
//
// Resources offering shelter: r1 in A with capacity 10; r2 listed in B
// and C with capacity 4, so 2 is placed in each; r3 statewide (left out
// of access). Supply placed: A 10, B 2, C 2, D 0.
//
// Step 1, supply over the population within reach of each site:
//
//	R_A = 10 / (1000·1 + 2000·0.68 + 500·0.22 + 100·0)    = 10/2470
//	R_B =  2 / (1000·0.68 + 2000·1 + 500·0.68 + 100·0)    =  2/3020
//	R_C =  2 / (1000·0.22 + 2000·0.68 + 500·1 + 100·0.22) =  2/2102
//
// Step 2, the sites within reach of each county:
//
//	A_A = R_A·1    + R_B·0.68 + R_C·0.22 = 470.823857 per 100,000
//	A_B = R_A·0.68 + R_B·1    + R_C·0.68 = 406.229095
//	A_C = R_A·0.22 + R_B·0.68 + R_C·1    = 229.249417
//	A_D = R_A·0    + R_B·0    + R_C·0.22 =  20.932445
//
// Regions, population-weighted: North (A_A·1000 + A_B·2000)/3000 =
// 427.760682; South (A_C·500 + A_D·100)/600 = 194.529922.
func TestE2SFCAByHand(t *testing.T) {
	rs := []schema.Resource{
		{Organization: "r1", Counties: []string{"00001"}, Services: []int{0}, Capacity: 10},
		{Organization: "r2", Counties: []string{"00002", "00003"}, Services: []int{0}, Capacity: 4},
		{Organization: "r3", Statewide: true, Services: []int{0}, Capacity: 100},
	}
	res, err := Analyse(Input{Counties: handCounties(), Regions: []string{"North", "South"}, Categories: handCategories, Resources: rs}, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{
		(10.0/2470 + 0.68*2/3020 + 0.22*2/2102) * 1e5,
		(0.68*10/2470 + 2.0/3020 + 0.68*2/2102) * 1e5,
		(0.22*10/2470 + 0.68*2/3020 + 2.0/2102) * 1e5,
		(0.22 * 2 / 2102) * 1e5,
	}
	lit := []float64{470.823857, 406.229095, 229.249417, 20.932445}
	for i, cv := range res.Access[0] {
		if math.Abs(cv.Access-want[i]) > 1e-9 || math.Abs(cv.Access-lit[i]) > 5e-7 {
			t.Errorf("county %s access %.9f, want %.9f", res.Counties[i].Name, cv.Access, want[i])
		}
	}
	if sites := [4]int{res.Access[0][0].Sites, res.Access[0][1].Sites, res.Access[0][2].Sites, res.Access[0][3].Sites}; sites != [4]int{1, 1, 1, 0} {
		t.Errorf("sites = %v", sites)
	}
	north, _ := res.Row("North", "shelter", PopulationAll)
	south, _ := res.Row("South", "shelter", PopulationAll)
	if math.Abs(north.Access-427.760682) > 5e-7 || math.Abs(south.Access-194.529922) > 5e-7 {
		t.Errorf("region access North %.6f South %.6f", north.Access, south.Access)
	}
	// Supply: North has r1 (10) and r2 (4, listed there) plus the
	// statewide r3 at 0.25·100 = 25; per 100,000 of 3,000 residents.
	if north.Local != 2 || north.Remote != 1 || north.Units != 39 || math.Abs(north.Per100k-1300) > 1e-9 {
		t.Errorf("North supply = %+v", north)
	}
	// Coverage at 40 km: only counties with a site are covered (the
	// nearest other county is 55.6 km away): North 2/2, South 1/2.
	if north.Coverage != 1 || south.Coverage != 0.5 {
		t.Errorf("coverage North %v South %v", north.Coverage, south.Coverage)
	}
}

func TestScoreFormula(t *testing.T) {
	w := Weights{Supply: 0.2, Coverage: 0.3, Access: 0.5}
	cases := []struct{ need, s, c, a, want float64 }{
		{1, 0, 0, 0, 100}, {0.5, 0, 0, 0, 50}, {1, 1, 1, 1, 0}, {0.8, 0.5, 0.5, 0.5, 40}, {0, 0.3, 0.1, 0.2, 0},
	}
	for _, c := range cases {
		if got := Score(c.need, c.s, c.c, c.a, w); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Score(%v, %v, %v, %v) = %v, want %v", c.need, c.s, c.c, c.a, got, c.want)
		}
	}
	if !math.IsNaN(Score(math.NaN(), 0, 0, 0, w)) {
		t.Error("unknown need must give an unknown gap")
	}
}

func TestValidate(t *testing.T) {
	keys := []string{"shelter", "legal"}
	bad := []func(*Options){
		func(o *Options) { o.Weights.Access = 0.6 },
		func(o *Options) { o.HalfSaturation.Supply = 0 },
		func(o *Options) { o.Catchment = []Step{{80, 1}, {40, 0.5}} },
		func(o *Options) { o.Catchment = []Step{{40, 0.5}, {80, 0.7}} },
		func(o *Options) { o.SupplyUnit = "beds" },
		func(o *Options) { o.Populations = []string{"seniors"} },
		func(o *Options) { o.MapCategories = []string{"yoga"} },
		func(o *Options) { o.StatewideWeight = 2 },
	}
	for i, f := range bad {
		o := testOptions()
		f(&o)
		if err := o.Validate(keys); err == nil || !strings.Contains(err.Error(), "gaps.") {
			t.Errorf("case %d: err = %v", i, err)
		}
	}
	o := testOptions()
	if err := o.Validate(keys); err != nil || o.EarthRadiusKm != 6371.0088 || len(o.Catchment) != 3 || o.SupplyUnit != UnitCapacity || o.MultiCounty != SplitEqually {
		t.Errorf("defaults: %v %+v", err, o)
	}
	if o.decay(40) != 1 || o.decay(40.0001) != 0.68 || o.decay(80) != 0.68 || o.decay(120) != 0.22 || o.decay(120.5) != 0 {
		t.Error("catchment bands: want 1 up to 40 km, 0.68 up to 80, 0.22 up to 120, 0 beyond")
	}
}

func TestRanksAndViews(t *testing.T) {
	cats := []schema.Category{{Key: "a", Label: "A"}, {Key: "b", Label: "B"}, {Key: "c", Label: "C"}}
	groups := []schema.Combined{{Key: "ab", Label: "A or B", Members: []string{"a", "b"}}}
	need := map[string]float64{"a": 0.5, "b": 0.9, "c": 0.5, "ab": 0.9}
	in := Input{Counties: handCounties(), Regions: []string{"North", "South"}, Categories: cats, Combined: groups,
		Need: func(scope, key string) float64 { return need[key] }}
	res, err := Analyse(in, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, r := range res.Rows {
		if r.Scope == "North" && r.Population == PopulationAll {
			got[r.Item.Key] = r.Rank
		}
	}
	// Singles: b 90 first, a and c tied at 50. Combined view: ab 90
	// first, c 50 second (a and b are replaced by ab).
	if got["b"] != 1 || got["a"] != 2 || got["c"] != 2 || got["ab"] != 1 {
		t.Errorf("ranks = %v", got)
	}
	if top := res.Top("North", PopulationAll, 2); len(top) != 2 || top[0].Item.Key != "b" {
		t.Errorf("top = %+v", top)
	}
}
