package charts

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"needsmap/analysis/gaps"
	"needsmap/data/reference"
	"needsmap/data/schema"
)

// gapFixture is a gap analysis over the bundled Missouri and Illinois
// geography with a small hand-made guide: shelters crowded into Cape
// Girardeau, one youth shelter in St. Louis, legal aid in Joplin and
// Springfield, and a statewide hotline.
func gapFixture(t *testing.T, withNeed bool) (*gaps.Result, []schema.Shape) {
	t.Helper()
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, name, err := reference.Shapes(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	shapes, err := reference.ParseShapes(b, name)
	if err != nil {
		t.Fatal(err)
	}
	cats := []schema.Category{{Key: "adult_shelter", Label: "Shelter for adults"}, {Key: "minor_shelter", Label: "Shelter for minors"},
		{Key: "legal_assistance", Label: "Legal assistance"}}
	rs := []schema.Resource{
		{Organization: "Cape Shelter", Sector: "Domestic and sexual violence agency", Counties: []string{"29031"}, Services: []int{0}, Capacity: 20, Trained: schema.Yes},
		{Organization: "Cape Mission", Sector: "Homeless services", Counties: []string{"29031"}, Services: []int{0}, Capacity: 30},
		{Organization: "Bluff Shelter", Sector: "Domestic and sexual violence agency", Counties: []string{"29023"}, Services: []int{0}, Capacity: 15, Trained: schema.Yes},
		{Organization: "City Youth Home", Sector: "Youth services", Counties: []string{"29510"}, Services: []int{1, 0}, Capacity: 10, HTSpecific: schema.Yes},
		{Organization: "Ozark Legal Aid", Sector: "Legal aid", Counties: []string{"29097", "29077"}, Services: []int{2}},
		{Organization: "Legal Help Line", Sector: "Legal aid", Statewide: true, Services: []int{2}},
	}
	in := gaps.Input{Counties: geo.Counties, Regions: geo.RegionNames(), Categories: cats,
		Combined: []schema.Combined{{Key: "housing", Label: "Housing (shelter and transitional)", Members: []string{"adult_shelter", "minor_shelter"}}}, Resources: rs}
	if withNeed {
		in.Need = func(scope, key string) float64 {
			return map[string]float64{"adult_shelter": 0.9, "minor_shelter": 0.75, "legal_assistance": 0.6, "housing": 0.95}[key]
		}
	}
	o := gaps.Options{Weights: gaps.Weights{Supply: 0.25, Coverage: 0.25, Access: 0.5}, HalfSaturation: gaps.HalfSaturation{Supply: 0.5, Access: 0.5},
		StatewideWeight: 0.25, TelehealthWeight: 0.5, CoverageKm: 40}
	res, err := gaps.Analyse(in, o)
	if err != nil {
		t.Fatal(err)
	}
	return res, shapes
}

func gapFixtureCharts(t *testing.T) []Chart {
	t.Helper()
	res, shapes := gapFixture(t, true)
	noNeed, _ := gapFixture(t, false)
	var out []Chart
	add := func(c Chart, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	add(GapHeatmap(res))
	c, err := GapHeatmap(noNeed)
	c.Name += "_no_need"
	add(c, err)
	add(AccessMap(res, shapes, "adult_shelter", gaps.StatewideScope))
	add(AccessMap(res, shapes, "legal_assistance", "Southwest"))
	add(AssetMap(res, "Southeast", "adult_shelter"))
	add(AssetMap(res, "Northwest", "minor_shelter"))
	add(AssetMap(res, gaps.StatewideScope, "housing"))
	return out
}

func TestGapGolden(t *testing.T) {
	for _, c := range gapFixtureCharts(t) {
		path := filepath.Join("testdata", c.Name+".svg")
		if *update {
			if err := os.WriteFile(path, c.SVG, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./charts -update)", err)
		}
		if !bytes.Equal(c.SVG, want) {
			t.Errorf("%s differs from %s; if the change is intended, run go test ./charts -update and review the diff", c.Name, path)
		}
	}
}

func TestGapChartsDeterministicAndDescribed(t *testing.T) {
	a, b := gapFixtureCharts(t), gapFixtureCharts(t)
	for i := range a {
		if !bytes.Equal(a[i].SVG, b[i].SVG) || !bytes.Equal(a[i].PNG, b[i].PNG) || a[i].Alt != b[i].Alt {
			t.Errorf("%s: two renders differ", a[i].Name)
		}
		if a[i].Title == "" || a[i].Alt == "" || !bytes.HasPrefix(a[i].PNG, []byte("\x89PNG")) {
			t.Errorf("%s: needs a title, alt text and a PNG", a[i].Name)
		}
	}
}

// svgSize reads the width and height of an SVG document in points.
func svgSize(t *testing.T, svg []byte) (float64, float64) {
	t.Helper()
	m := regexp.MustCompile(`<svg[^>]*width="([0-9.]+)pt"[^>]*height="([0-9.]+)pt"`).FindSubmatch(svg)
	if m == nil {
		t.Fatal("no svg size")
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	return w, h
}

// The map keeps the shape's proportions: the canvas grows with the
// map's height over width, so Missouri is not squashed into a fixed box.
func TestAccessMapKeepsAspect(t *testing.T) {
	res, shapes := gapFixture(t, true)
	state, err := AccessMap(res, shapes, "adult_shelter", gaps.StatewideScope)
	if err != nil {
		t.Fatal(err)
	}
	se, err := AccessMap(res, shapes, "adult_shelter", "Southeast")
	if err != nil {
		t.Fatal(err)
	}
	_, hState := svgSize(t, state.SVG)
	_, hSE := svgSize(t, se.SVG)
	if !(hSE > hState) {
		t.Errorf("the Southeast (taller than wide) should get a taller canvas than the state: %v vs %v", hSE, hState)
	}
	cs := []mapCounty{}
	for i, c := range res.Counties {
		if c.Region != "" {
			cs = append(cs, mapCounty{County: c, Shape: shapeOf(shapes, c.FIPS), Value: res.Access[0][i].Access})
		}
	}
	m := newChoropleth(cs, nil, true, DefaultTheme)
	// Missouri and Metro East span 95.768°W–89.099°W and 35.995°N–40.614°N:
	// height/width = 4.618 / (6.669 · cos 38.305°) = 0.8825.
	if a := m.aspect(); math.Abs(a-0.8825) > 1e-4 {
		t.Errorf("aspect %v, want 0.8825", a)
	}
	for _, want := range []string{"Highest: Bollinger (MO) 18.54", "Counties with sites: Butler (1), Cape Girardeau (2), St. Louis (1)", "per 100,000 residents"} {
		if !strings.Contains(state.Alt, want) {
			t.Errorf("alt text lacks %q:\n%s", want, state.Alt)
		}
	}
}

func shapeOf(shapes []schema.Shape, fips string) schema.Shape {
	for _, s := range shapes {
		if s.FIPS == fips {
			return s
		}
	}
	return schema.Shape{}
}

func TestClassBreaksAndLegend(t *testing.T) {
	cs := []mapCounty{{Value: 0}, {Value: 0.123}, {Value: 0.5}, {Value: 1.26}, {Value: 3}, {Value: 7.7}, {Value: 12}}
	br := classBreaks(cs)
	for i := 1; i < len(br); i++ {
		if br[i] <= br[i-1] {
			t.Fatalf("breaks not increasing: %v", br)
		}
	}
	if accessClass(0, br) != noData || accessClass(12, br) != accessColors[len(br)] || accessClass(0.1, br) != accessColors[0] {
		t.Errorf("classes wrong for breaks %v", br)
	}
	lg := breakLegend(br)
	if !strings.HasPrefix(lg[0].Label, "up to ") || !strings.HasPrefix(lg[len(lg)-1].Label, "over ") {
		t.Errorf("legend %v", lg)
	}
	if classBreaks([]mapCounty{{Value: 0}}) != nil || len(breakLegend(nil)) != 1 {
		t.Error("all-zero values need one class and a grey 0")
	}
}

func TestGapChartErrors(t *testing.T) {
	res, shapes := gapFixture(t, true)
	if _, err := AccessMap(res, shapes, "yoga", gaps.StatewideScope); err == nil {
		t.Error("unknown category: want an error")
	}
	if _, err := AccessMap(res, shapes[:10], "adult_shelter", gaps.StatewideScope); err == nil {
		t.Error("missing shapes: want an error")
	}
	if _, err := AssetMap(res, "Atlantis", "adult_shelter"); err == nil {
		t.Error("unknown scope: want an error")
	}
	if _, err := GapHeatmap(nil); err == nil {
		t.Error("nil result: want an error")
	}
	c, err := AssetMap(res, "Northwest", "minor_shelter")
	if err != nil || !strings.Contains(c.Alt, "No resource in the guide offers it here") {
		t.Errorf("empty asset map: %v %q", err, c.Alt)
	}
}
