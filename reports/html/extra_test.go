package html

import (
	"strings"
	"testing"

	"needsmap/charts"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// TestSections: a stage's sections appear in their scope, appendices after
// the regions and in the navigation, method notes in the methods; a chart
// a section shows is not shown again in the scope's chart list.
func TestSections(t *testing.T) {
	r := testReport(t, true)
	top, err := charts.TopNeeds(r.Needs, "Statewide", "single", 5)
	if err != nil {
		t.Fatal(err)
	}
	r.Charts = []charts.Chart{top}
	gap := &tables.Table{Name: "gap_scores", Title: "Gap scores, Metro East", Columns: []string{"category", "gap"},
		Rows:  [][]tables.Cell{{tables.T("Shelter for adults"), tables.F(71.5)}, {tables.T("<b>x</b>"), tables.Blank(tables.Float)}},
		Notes: []string{"Gap 0-100."}}
	r.Sections = []reports.Section{
		{Key: "gaps", Scope: "Metro East", Title: "Largest gaps", Paragraphs: []string{"Need against supply."}, Tables: []*tables.Table{gap}},
		{Key: "top", Scope: "Statewide", Title: "Top needs figure", Charts: []string{top.Name}},
		{Key: "directory", Title: "Resource directory", Paragraphs: []string{"By county."}},
	}
	r.Methods = []reports.MethodNote{{Title: "Gap scores", Paragraphs: []string{"The gap formula."}}}
	out := render(t, r)
	for _, want := range []string{`<h3>Largest gaps</h3>`, `<p>Need against supply.</p>`, `<caption>Gap scores, Metro East</caption>`,
		`<th scope="row">Shelter for adults</th><td class="num">71.50</td>`, `&lt;b&gt;x&lt;/b&gt;`, `<li>Gap 0-100.</li>`,
		`<h2 id="scope-directory-title">Resource directory</h2>`, `<a href="#scope-directory">Resource directory</a>`,
		`<h3>Gap scores</h3>`, `<p>The gap formula.</p>`, `<h3>Top needs figure</h3>`} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s", want)
		}
	}
	if n := strings.Count(out, `<svg `); n != 1 {
		t.Errorf("chart shown %d times, want once (in its section)", n)
	}
	me := strings.Index(out, `id="scope-metro-east"`)
	gaps := strings.Index(out, `<h3>Largest gaps</h3>`)
	appendix := strings.Index(out, `Resource directory</h2>`)
	methods := strings.Index(out, `id="methods"`)
	if !(me < gaps && gaps < appendix && appendix < methods) {
		t.Errorf("order: region %d, its section %d, appendix %d, methods %d", me, gaps, appendix, methods)
	}
	r.Sections = append(r.Sections, reports.Section{Key: "bad", Scope: "Statewide", Title: "x", Charts: []string{"nope"}})
	if err := Write(new(strings.Builder), r); err == nil {
		t.Error("a section naming a missing chart must be an error")
	}
}

func TestSuppressionsListed(t *testing.T) {
	r := testReport(t, true)
	if len(r.Suppressions) == 0 {
		t.Fatal("the fixture suppresses nothing")
	}
	out := render(t, r)
	if !strings.Contains(out, "<caption>Cells hidden by disclosure control</caption>") ||
		!strings.Contains(out, "<th scope=\"row\">"+strings.ReplaceAll(r.Suppressions[0].Cell, "&", "&amp;")+"</th>") {
		t.Error("hidden cells are not listed in the data-quality section")
	}
	off := testReport(t, false)
	if out := render(t, off); !strings.Contains(out, "suppression was turned off for this run") {
		t.Error("an unsuppressed run does not say suppression was off")
	}
}
