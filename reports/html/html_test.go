package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"needsmap/charts"
	"needsmap/reports"
)

var update = flag.Bool("update", false, "rewrite testdata/report.golden.html")

func render(t *testing.T, r *reports.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	got := render(t, testReport(t, true))
	path := filepath.Join("testdata", "report.golden.html")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/html -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; if the change is intended, run go test ./reports/html -update", path)
	}
}

func TestDeterministic(t *testing.T) {
	a := render(t, testReport(t, true))
	for i := 0; i < 3; i++ {
		if b := render(t, testReport(t, true)); a != b {
			t.Fatal("two renderings of the same report differ")
		}
	}
}

func TestSelfContained(t *testing.T) {
	for _, suppressed := range []bool{true, false} {
		out := strings.ToLower(render(t, testReport(t, suppressed)))
		for _, bad := range []string{"http://", "https://", "<script", "<link", "<iframe", "<img", "@import", "url(", "src="} {
			if strings.Contains(out, bad) {
				t.Errorf("suppressed=%v: output contains %q", suppressed, bad)
			}
		}
	}
}

func TestUnsuppressedBanner(t *testing.T) {
	const banner = "UNSUPPRESSED — internal use only; do not publish"
	if out := render(t, testReport(t, true)); strings.Contains(out, banner) {
		t.Error("banner shown on a suppressed report")
	}
	if out := render(t, testReport(t, false)); !strings.Contains(out, banner) {
		t.Error("no banner on an unsuppressed report")
	}
}

func TestEscaping(t *testing.T) {
	out := render(t, testReport(t, true))
	if strings.Contains(out, "<script") || strings.Contains(out, `"quoted"`) {
		t.Error("hostile text reached the page unescaped")
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "=HYPERLINK(&#34;x&#34;)", "&#34;quoted&#34;"} {
		if !strings.Contains(out, want) {
			t.Errorf("escaped form %q not found", want)
		}
	}
}

var (
	tableRE = regexp.MustCompile(`(?s)<table\b.*?</table>`)
	thRE    = regexp.MustCompile(`<th\b[^>]*>`)
	svgRE   = regexp.MustCompile(`<svg\b[^>]*>`)
	figRE   = regexp.MustCompile(`(?s)<figure\b.*?</figure>`)
	headRE  = regexp.MustCompile(`<h([1-6])\b`)
)

func TestAccessibleMarkup(t *testing.T) {
	out := render(t, testReport(t, true))
	for _, want := range []string{`<html lang="en">`, `<a class="skip-link" href="#main">`, `<main id="main"`,
		"<header>", `<nav class="toc"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s", want)
		}
	}
	tbls := tableRE.FindAllString(out, -1)
	if len(tbls) < 10 {
		t.Fatalf("found %d tables", len(tbls))
	}
	for _, tb := range tbls {
		if !strings.Contains(tb, "<caption>") || !strings.Contains(tb, `<th scope="col">`) || !strings.Contains(tb, `<th scope="row">`) {
			t.Errorf("table without caption or header cells: %.120s", tb)
		}
	}
	for _, th := range thRE.FindAllString(out, -1) {
		if !strings.Contains(th, "scope=") {
			t.Errorf("header cell without scope: %s", th)
		}
	}
	svgs := svgRE.FindAllString(out, -1)
	if len(svgs) != 4 {
		t.Errorf("found %d charts, want 4", len(svgs))
	}
	for _, s := range svgs {
		if !strings.Contains(s, `role="img"`) || !regexp.MustCompile(`aria-label="[^"]+"`).MatchString(s) {
			t.Errorf("chart without role or accessible name: %s", s)
		}
	}
	for _, f := range figRE.FindAllString(out, -1) {
		if !strings.Contains(f, "<svg") || !strings.Contains(f, "<figcaption>") {
			t.Errorf("figure without chart or caption: %.120s", f)
		}
	}
	last := 0
	for _, m := range headRE.FindAllStringSubmatch(out, -1) {
		level := int(m[1][0] - '0')
		if level > last+1 {
			t.Errorf("heading h%d follows h%d", level, last)
		}
		last = level
	}
}

// section returns the markup of the section with the given id.
func section(t *testing.T, out, id string) string {
	t.Helper()
	i := strings.Index(out, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no section %s", id)
	}
	return out[i : i+strings.Index(out[i:], "</section>")]
}

func TestRegionSections(t *testing.T) {
	out := render(t, testReport(t, true))
	for _, id := range []string{"scope-statewide", "scope-st-louis", "scope-metro-east", "scope-southeast", "methods", "data-quality"} {
		if !strings.Contains(out, `href="#`+id+`"`) {
			t.Errorf("no link to %s", id)
		}
	}
	if me := section(t, out, "scope-metro-east"); !strings.Contains(me, "tag-tie") {
		t.Error("Metro East ties are not marked")
	}
	if se := section(t, out, "scope-southeast"); !strings.Contains(se, "Fewer than 10 respondents: read with care") {
		t.Error("Southeast is not flagged for low n")
	}
	if sl := section(t, out, "scope-st-louis"); strings.Contains(sl, "read with care") {
		t.Error("St. Louis flagged for low n")
	}
}

func TestMethodsAndQuality(t *testing.T) {
	out := render(t, testReport(t, true))
	m := section(t, out, "methods")
	for _, want := range []string{"200 times", "seed 2021", "type 7", "type 1", "P(top 3)", "k = 11", "&lt;11", "1, 2, 2, 4", "fewer than 10", "“Housing”"} {
		if !strings.Contains(m, want) {
			t.Errorf("methods lack %q", want)
		}
	}
	q := section(t, out, "data-quality")
	for _, want := range []string{"The first 20 of 25 problems", "rejects.csv", "needsmap.xlsx", "In all, 362 rows were read, 348 kept and 14 rejected"} {
		if !strings.Contains(q, want) {
			t.Errorf("data quality lacks %q", want)
		}
	}
	first := tableRE.FindAllString(q, -1)
	if n := strings.Count(first[len(first)-1], "<tr>") - 1; n != maxProblems {
		t.Errorf("listed %d problems, want %d", n, maxProblems)
	}
}

func TestEmptyReport(t *testing.T) {
	out := render(t, &reports.Report{Title: "Empty", Suppressed: true, K: 11})
	if !strings.Contains(out, "No problems were found") {
		t.Error("empty report lacks the data-quality section")
	}
	if err := Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("nil report accepted")
	}
}

func TestUnsafeSVGRefused(t *testing.T) {
	bad := []string{
		`<svg><script>alert(1)</script></svg>`,
		`<svg><image href="https://example.org/x.png"/></svg>`,
		`<svg><style>rect{fill:url(http://example.org/p)}</style></svg>`,
		`<svg><foreignObject></foreignObject></svg>`,
		`<svg><a xlink:href="javascript:alert(1)"><rect/></a></svg>`,
		`<html><body>not svg</body></html>`,
	}
	for _, s := range bad {
		r := &reports.Report{Suppressed: true, Charts: []charts.Chart{{Name: "x", Scope: "Statewide", SVG: []byte(s)}}}
		if err := Write(&bytes.Buffer{}, r); err == nil {
			t.Errorf("accepted %s", s)
		}
	}
	ok := `<svg width="10pt" xmlns="http://www.w3.org/2000/svg" role="presentation"><rect fill="url(#g)"/><image xlink:href="data:image/png;base64,AAAA"/></svg>`
	got, err := inlineSVG(charts.Chart{Name: "ok", Alt: `a "b"`, SVG: []byte(ok)})
	if err != nil {
		t.Fatal(err)
	}
	if want := `<svg width="10pt" style="max-width:100%;height:auto" role="img" aria-label="a &#34;b&#34;"><rect`; !strings.HasPrefix(string(got), want) {
		t.Errorf("got %s, want prefix %s", got, want)
	}
}

// TestChartsPackage renders the charts the pipeline draws, not only the
// hand-made fixture, and checks they arrive inline, named and self-contained.
func TestChartsPackage(t *testing.T) {
	r := testReport(t, true)
	top, err := charts.TopNeeds(r.Needs, "Statewide", "single", 5)
	if err != nil {
		t.Fatal(err)
	}
	lik, err := charts.Likert(r.Needs, "Metro East", "single")
	if err != nil {
		t.Fatal(err)
	}
	r.Charts = []charts.Chart{top, lik}
	out := render(t, r)
	if n := strings.Count(out, `<svg `); n != 2 {
		t.Fatalf("found %d charts, want 2", n)
	}
	for _, bad := range []string{"http://", "https://", "<?xml", "<!--"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	for _, s := range svgRE.FindAllString(out, -1) {
		if !strings.Contains(s, `role="img"`) || !strings.Contains(s, `aria-label="`) {
			t.Errorf("chart without role or accessible name: %s", s)
		}
	}
}
