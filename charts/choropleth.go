package charts

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"

	"needsmap/analysis/gaps"
	"needsmap/data/schema"
)

// accessColors are ColorBrewer's YlGnBu, five classes (rated colour-blind
// safe): more access is darker; a county with none is grey.
var accessColors = []color.Color{
	color.RGBA{0xFF, 0xFF, 0xCC, 0xff}, color.RGBA{0xA1, 0xDA, 0xB4, 0xff}, color.RGBA{0x41, 0xB6, 0xC4, 0xff},
	color.RGBA{0x2C, 0x7F, 0xB8, 0xff}, color.RGBA{0x25, 0x34, 0x94, 0xff},
}

// AccessMap draws a county map of E2SFCA access to one category or group
// (population "all"): every county in a region for scope "Statewide"
// (Missouri and the Metro East counties with the bundled tables), or one
// region's counties. Counties are coloured by access class, region
// borders drawn thick, and counties with a resource site marked with a
// dot. The projection is equirectangular scaled by the cosine of the
// middle latitude, and the canvas takes the map's proportions.
func AccessMap(res *gaps.Result, shapes []schema.Shape, key, scope string) (Chart, error) {
	return accessMap(res, shapes, key, scope, DefaultTheme)
}

// mapCounty is one drawn county.
type mapCounty struct {
	County schema.County
	Shape  schema.Shape
	Value  float64
	Sites  int
}

func accessMap(res *gaps.Result, shapes []schema.Shape, key, scope string, t Theme) (Chart, error) {
	it, idx := findItem(res, key)
	if idx < 0 {
		return Chart{}, fmt.Errorf("charts: access map: unknown category %q", key)
	}
	counties, err := mapCounties(res, shapes, idx, scope)
	if err != nil {
		return Chart{}, err
	}
	where := "Missouri and Metro East"
	if scope != gaps.StatewideScope {
		where = scope + " region"
	}
	title := fmt.Sprintf("Access to %s, %s", strings.ToLower(it.Label[:1])+it.Label[1:], where)
	c := Chart{Name: mapName(scope, key), Scope: scope, Title: title}
	breaks := classBreaks(counties)
	f := figure{Title: wrap(title, 62), Subtitle: wrap("Resources (beds where a capacity is given) within reach per 100,000 residents, "+
		"by county (E2SFCA, catchment to 120 km). Thick lines: region borders. Dots: counties with a site in the guide; "+
		"statewide and telehealth services are not placed on the map.", 100)}
	f.Legend = append([]legendItem{{"0: no site within reach", noData}}, breakLegend(breaks)...)
	m := newChoropleth(counties, breaks, scope == gaps.StatewideScope, t)
	p := newPlot(t)
	p.HideAxes()
	p.Add(m)
	f.Plot = p
	plotW := t.Width - 2*margin
	f.Height = f.fit(t, vg.Length(math.Min(float64(plotW)*m.aspect(), float64(6.5*vg.Inch))))
	c.Alt = mapAlt(title, counties)
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

// mapName is the chart's file stem.
func mapName(scope, key string) string {
	if scope == gaps.StatewideScope {
		return "access_map_" + key
	}
	return "access_map_" + slug(scope) + "_" + key
}

func findItem(res *gaps.Result, key string) (gaps.Item, int) {
	for i, it := range res.Items {
		if it.Key == key {
			return it, i
		}
	}
	return gaps.Item{}, -1
}

// mapCounties joins the counties of the scope with their shapes and
// values.
func mapCounties(res *gaps.Result, shapes []schema.Shape, item int, scope string) ([]mapCounty, error) {
	byFIPS := map[string]schema.Shape{}
	for _, s := range shapes {
		byFIPS[s.FIPS] = s
	}
	var out []mapCounty
	for i, c := range res.Counties {
		if scope != gaps.StatewideScope && c.Region != scope {
			continue
		}
		s, ok := byFIPS[c.FIPS]
		if !ok {
			return nil, fmt.Errorf("charts: access map: no shape for county %s (%s)", c.FIPS, c.Name)
		}
		v := res.Access[item][i]
		out = append(out, mapCounty{County: c, Shape: s, Value: v.Access, Sites: v.Sites})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("charts: access map: no county in %q", scope)
	}
	return out, nil
}

// classBreaks splits the positive values at their quintiles, rounded to
// two significant digits (display only: the gap score never uses them).
func classBreaks(cs []mapCounty) []float64 {
	var pos []float64
	for _, c := range cs {
		if c.Value > 0 {
			pos = append(pos, c.Value)
		}
	}
	if len(pos) == 0 {
		return nil
	}
	slices.Sort(pos)
	var out []float64
	for q := 1; q < len(accessColors); q++ {
		b := round2(pos[min(len(pos)-1, q*len(pos)/len(accessColors))])
		if b > 0 && (len(out) == 0 || b > out[len(out)-1]) && b < pos[len(pos)-1] {
			out = append(out, b)
		}
	}
	return out
}

func round2(x float64) float64 {
	if x <= 0 {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Round(x/p) * p
}

// accessClass is the colour of a value: grey for 0, else its class.
func accessClass(v float64, breaks []float64) color.Color {
	if !(v > 0) {
		return noData
	}
	k := 0
	for k < len(breaks) && v > breaks[k] {
		k++
	}
	return accessColors[k]
}

func breakLegend(breaks []float64) []legendItem {
	if len(breaks) == 0 {
		return []legendItem{{"more than 0", accessColors[0]}}
	}
	out := []legendItem{{"up to " + num(breaks[0]), accessColors[0]}}
	for i := 1; i < len(breaks); i++ {
		out = append(out, legendItem{num(breaks[i-1]) + "–" + num(breaks[i]), accessColors[i]})
	}
	return append(out, legendItem{"over " + num(breaks[len(breaks)-1]), accessColors[len(breaks)]})
}

// num formats a break: at most two significant digits, no trailing zeros.
func num(x float64) string { return strconv.FormatFloat(x, 'g', 2, 64) }

func mapAlt(title string, cs []mapCounty) string {
	sorted := slices.Clone(cs)
	slices.SortStableFunc(sorted, func(a, b mapCounty) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.County.FIPS, b.County.FIPS))
	})
	var top, sites []string
	none := 0
	for i, c := range sorted {
		if i < 3 && c.Value > 0 {
			top = append(top, fmt.Sprintf("%s (%s) %.2f", c.County.Name, c.County.State, c.Value))
		}
		if c.Value == 0 {
			none++
		}
	}
	for _, c := range cs {
		if c.Sites > 0 {
			sites = append(sites, fmt.Sprintf("%s (%d)", c.County.Name, c.Sites))
		}
	}
	s := title + ", per 100,000 residents. "
	if len(top) > 0 {
		s += "Highest: " + strings.Join(top, ", ") + ". "
	}
	s += fmt.Sprintf("%d of %d counties have no site within reach.", none, len(cs))
	if len(sites) > 0 {
		s += " Counties with sites: " + strings.Join(sites, ", ") + "."
	} else {
		s += " No county has a site."
	}
	return s
}
