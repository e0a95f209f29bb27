package charts

import (
	"os"
	"path/filepath"
	"testing"

	"needsmap/analysis/needs"
)

// TestPreview writes PNGs of the bundled sample to CHARTS_PREVIEW (a
// folder) so a person can look at them; it is skipped otherwise.
func TestPreview(t *testing.T) {
	dir := os.Getenv("CHARTS_PREVIEW")
	if dir == "" {
		t.Skip("set CHARTS_PREVIEW=/tmp/charts-preview to write previews")
	}
	rs := loadSurvey(t, "../data/sample/survey.csv")
	spec := needs.Spec{Categories: sampleCategories, Levels: testLevels, Regions: sampleRegions}
	res := buildNeeds(t, spec, rs, 1000)
	var all []Chart
	c, err := TopNeeds(res, needs.StatewideScope, needs.ViewSingle, 5)
	must(t, err)
	all = append(all, c)
	cs, err := TopByRegion(res, sampleRegions, needs.ViewSingle, 3)
	must(t, err)
	all = append(all, cs...)
	for _, s := range append([]string{needs.StatewideScope}, sampleRegions[:2]...) {
		c, err := Likert(res, s, needs.ViewSingle)
		must(t, err)
		all = append(all, c)
	}
	for _, sup := range []bool{true, false} {
		c, err := Survivors(buildSnapshot(t, sampleRegions, rs, sup), sup)
		must(t, err)
		all = append(all, c)
	}
	for _, c := range fixtureCharts(t) {
		c.Name = "fixture_" + c.Name
		all = append(all, c)
	}
	for _, c := range all {
		must(t, os.WriteFile(filepath.Join(dir, c.Name+".png"), c.PNG, 0o644))
		must(t, os.WriteFile(filepath.Join(dir, c.Name+".svg"), c.SVG, 0o644))
		t.Logf("%s: %s", c.Name, c.Alt)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
