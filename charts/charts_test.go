package charts

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/data/schema"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata/")

// fixtureCharts renders every kind of chart from the fixture, including an
// empty region and the internal unsuppressed view.
func fixtureCharts(t *testing.T) []Chart {
	t.Helper()
	res := fixtureNeeds(t)
	var out []Chart
	add := func(c Chart, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	add(TopNeeds(res, needs.StatewideScope, needs.ViewSingle, 5))
	regional, err := TopByRegion(res, fixtureRegions, needs.ViewSingle, 3)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, regional...)
	add(Likert(res, needs.StatewideScope, needs.ViewSingle))
	add(Likert(res, "Nowhere", needs.ViewSingle))
	add(Survivors(buildSnapshot(t, fixtureRegions, fixtureResponses(), true), true))
	add(Survivors(buildSnapshot(t, fixtureRegions, fixtureResponses(), false), false))
	return append(out, outcomeCharts(t)...)
}

func TestGolden(t *testing.T) {
	for _, c := range fixtureCharts(t) {
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

func TestDeterministic(t *testing.T) {
	a, b := fixtureCharts(t), fixtureCharts(t)
	for i := range a {
		if !bytes.Equal(a[i].SVG, b[i].SVG) || !bytes.Equal(a[i].PNG, b[i].PNG) {
			t.Errorf("%s: two renders differ", a[i].Name)
		}
		if a[i].Alt != b[i].Alt {
			t.Errorf("%s: alt text differs between renders", a[i].Name)
		}
	}
}

func TestChartMetadata(t *testing.T) {
	names := map[string]bool{}
	for _, c := range fixtureCharts(t) {
		if c.Name == "" || c.Title == "" || c.Alt == "" || len(c.SVG) == 0 || len(c.PNG) == 0 {
			t.Errorf("%q: every chart needs a name, title, alt text, SVG and PNG", c.Name)
		}
		if names[c.Name] {
			t.Errorf("duplicate chart name %q", c.Name)
		}
		names[c.Name] = true
		if !bytes.HasPrefix(c.PNG, []byte("\x89PNG")) {
			t.Errorf("%s: PNG is not a PNG", c.Name)
		}
	}
	for _, n := range []string{"top_needs_statewide", "top_needs_metro_east", "top_needs_st_louis", "top_needs_kansas_city", "likert_statewide", "survivors_by_region", "survivors_by_region_unsuppressed"} {
		if !names[n] {
			t.Errorf("missing chart %s", n)
		}
	}
}

func TestTopNeedsAlt(t *testing.T) {
	cs, err := TopByRegion(fixtureNeeds(t), []string{"Metro East"}, needs.ViewSingle, 3)
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	for _, want := range []string{"1 (tie) Shelter for adults, mean 4.00", "5 Transportation, mean 2.00",
		"Shelter for adults and Mental health, therapy, counseling, support groups tied at rank 1", "95% CI"} {
		if !strings.Contains(c.Alt, want) {
			t.Errorf("alt text lacks %q:\n%s", want, c.Alt)
		}
	}
	if !strings.Contains(c.Title, "with ties") || c.Scope != "Metro East" {
		t.Errorf("title %q, scope %q", c.Title, c.Scope)
	}
}

func TestEmptyAndUnknownScopes(t *testing.T) {
	res := fixtureNeeds(t)
	c, err := TopNeeds(res, "Nowhere", needs.ViewSingle, 3)
	if err != nil {
		t.Fatalf("an empty scope should give a chart, got %v", err)
	}
	if !strings.Contains(svgText(c.SVG), "No responses") || !strings.Contains(c.Alt, "no responses") {
		t.Errorf("empty chart should say No responses; alt %q", c.Alt)
	}
	if _, err := TopNeeds(res, "Atlantis", needs.ViewSingle, 3); err == nil {
		t.Error("unknown scope: want an error")
	}
	if _, err := Likert(nil, needs.StatewideScope, ""); err == nil {
		t.Error("nil result: want an error")
	}
	if _, err := Survivors(snapshot.Result{}, true); err == nil {
		t.Error("no grid: want an error")
	}
}

// TestUnratedItem checks that an item nobody rated (NaN mean, no rank) is
// listed without a bar instead of failing the chart.
func TestUnratedItem(t *testing.T) {
	cats := []schema.Category{{Key: "a", Label: "Alpha"}, {Key: "b", Label: "Beta"}}
	spec := needs.Spec{Categories: cats, Levels: testLevels, Regions: []string{"R"}}
	res := buildNeeds(t, spec, []*schema.Response{
		{Regions: []string{"R"}, Ratings: []int8{3, -1}},
		{Regions: []string{"R"}, Ratings: []int8{4, -1}},
	}, 50)
	c, err := Likert(res, "R", needs.ViewSingle)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Alt, "Beta (n=0) no ratings") {
		t.Errorf("alt %q should flag the unrated item", c.Alt)
	}
	if _, err := TopNeeds(res, "R", needs.ViewSingle, 5); err != nil {
		t.Fatal(err)
	}
}

// suppressedGrid has a published region, a suppressed region larger than
// everything published (so a leak would show in the axis), a small primary
// suppression and a suppressed statewide total.
func suppressedGrid() snapshot.Result {
	g := disclosure.NewGrid("survivors_served", []string{"Statewide", "Open", "Hidden big", "Hidden small"}, snapshot.Columns)
	set := func(row, v int, sup, primary bool) {
		g.Cells[row][snapshot.ColSurvivors] = disclosure.Cell{Value: v, Suppressed: sup, Primary: primary}
		g.Cells[row][snapshot.ColSex] = disclosure.Cell{Value: v, Suppressed: sup}
	}
	set(0, 1034, true, false)
	set(1, 40, false, false)
	set(2, 987, true, false)
	set(3, 7, true, true)
	return snapshot.Result{Grid: g}
}

func TestSuppressedNeverDrawn(t *testing.T) {
	res := suppressedGrid()
	c, err := Survivors(res, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range svgTexts(c.SVG) {
		if strings.Contains(text, "987") || strings.Contains(text, "1034") || text == "7" {
			t.Errorf("SVG text %q reveals a suppressed count", text)
		}
	}
	for _, leak := range []string{"987", "1034", " 7"} {
		if strings.Contains(c.Alt, leak) || strings.Contains(c.Title, leak) {
			t.Errorf("alt/title reveals %q: %s", leak, c.Alt)
		}
	}
	n := 0
	for _, text := range svgTexts(c.SVG) {
		if text == suppressedText {
			n++
		}
	}
	if n != 2 {
		t.Errorf("want the two suppressed regions labelled %q", suppressedText)
	}
	rows, state := survivorBars(res, true)
	m := survivorMarks(rows, true, DefaultTheme)
	if len(m.bars.Segs) != 1 || m.bars.Segs[0].X1 != 40 {
		t.Errorf("want one bar (40), got %+v", m.bars.Segs)
	}
	if state == nil || state.Shown || state.Total != 0 {
		t.Errorf("suppressed statewide total leaked into %+v", state)
	}
	p := survivorsPlot(rows, true, DefaultTheme)
	if p.X.Max != 40 {
		t.Errorf("axis runs to %v: it must come from published counts only (40)", p.X.Max)
	}
	internal, err := Survivors(res, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(internal.Title, "UNSUPPRESSED — internal use only") || !strings.Contains(internal.Alt, "987") {
		t.Errorf("internal chart: title %q, alt %q", internal.Title, internal.Alt)
	}
}

// TestSuppressedFixture runs real disclosure control over the fixture and
// checks every suppressed region total is absent from the drawing.
func TestSuppressedFixture(t *testing.T) {
	res := buildSnapshot(t, fixtureRegions, fixtureResponses(), true)
	c, err := Survivors(res, true)
	if err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(c.SVG)
	published := map[string]bool{}
	hidden := 0
	for i, cell := range res.Grid.Cells {
		v := fmt.Sprint(cell[snapshot.ColSurvivors].Value)
		if !cell[snapshot.ColSurvivors].Suppressed {
			published[v] = true
			continue
		}
		if i > 0 {
			hidden++
		}
		for _, text := range texts {
			if text == v && !published[v] {
				t.Errorf("%s: suppressed total %s drawn", res.Grid.Rows[i], v)
			}
		}
	}
	if hidden == 0 {
		t.Fatal("fixture should suppress at least one region")
	}
}

var textRE = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// svgTexts returns the text content of every <text> element.
func svgTexts(svg []byte) []string {
	var out []string
	for _, m := range textRE.FindAllSubmatch(svg, -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	return out
}

func svgText(svg []byte) string { return strings.Join(svgTexts(svg), "\n") }
