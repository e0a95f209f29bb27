package pdf

import (
	"bytes"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"needsmap/charts"
	"needsmap/reports"
	htmlreport "needsmap/reports/html"
)

func render(t *testing.T, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func renderOne(t *testing.T, r *reports.Report, region string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRegion(&buf, r, region); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDeterministic: the same report gives the same bytes, although fpdf
// would put the equally wide chart images in map order.
func TestDeterministic(t *testing.T) {
	r := testReport(t, true)
	a, one := render(t, r), renderOne(t, r, "Metro East")
	for i := 0; i < 4; i++ {
		if !bytes.Equal(a, render(t, r)) {
			t.Fatal("two renderings of the report differ")
		}
		if !bytes.Equal(one, renderOne(t, r, "Metro East")) {
			t.Fatal("two renderings of a one-pager differ")
		}
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20000101000000)")) {
		t.Error("creation date is not the fixed date")
	}
	if b, err := Render(r); err != nil || !bytes.Equal(a, b) {
		t.Errorf("Render differs from Write (%v)", err)
	}
	if b, err := RenderRegion(r, "Metro East"); err != nil || !bytes.Equal(one, b) {
		t.Errorf("RenderRegion differs from WriteRegion (%v)", err)
	}
}

// TestImageOrder: after sortImages the images are numbered in the order
// of their names, every offset of the cross-reference table points at its
// object, and each chart is embedded once however often it is shown.
func TestImageOrder(t *testing.T) {
	r := testReport(t, true)
	b := render(t, r)
	p, err := splitPDF(b)
	if err != nil {
		t.Fatal(err)
	}
	res := p.objs[p.find(2)].body
	refs := xobjectRef.FindAllSubmatch(res, -1)
	if len(refs) != len(r.Charts) {
		t.Errorf("%d images embedded, want one per chart (%d)", len(refs), len(r.Charts))
	}
	last := -1
	for _, m := range refs { // the dictionary lists them by name
		n := 0
		for _, c := range m[2] {
			n = n*10 + int(c-'0')
		}
		if n <= last {
			t.Errorf("image %s has object %d, after %d: not in name order", m[1], n, last)
		}
		last = n
	}
	again, err := sortImages(b)
	if err != nil || !bytes.Equal(again, b) {
		t.Errorf("sorting a sorted file changed it (err %v)", err)
	}
}

func TestPages(t *testing.T) {
	r := testReport(t, true)
	d, err := renderReport(r)
	if err != nil {
		t.Fatal(err)
	}
	// a cover, one part each for the statewide summary, the regions, the
	// appendix, methods and data quality
	if n := d.f.PageCount(); n < 1+len(r.Regions)+4 || n > 40 {
		t.Errorf("report has %d pages", n)
	}
	var pages []int
	for _, e := range d.toc {
		pages = append(pages, e.page)
	}
	if len(pages) != len(r.Regions)+4 || !slices.IsSorted(pages) || pages[0] != 2 {
		t.Errorf("contents pages %v", pages)
	}
	for _, tc := range []struct {
		region     string
		suppressed bool
		most       int
	}{{"St. Louis", true, 1}, {"Metro East", true, 2}, {"Metro East", false, 2}, {"Southeast", false, 2}} {
		d, err := renderRegion(testReport(t, tc.suppressed), tc.region)
		if err != nil {
			t.Fatal(err)
		}
		if n := d.f.PageCount(); n > tc.most {
			t.Errorf("%s (suppressed %v): %d pages, want at most %d", tc.region, tc.suppressed, n, tc.most)
		}
	}
}

// htmlWords are the words of report.html's text, lower-cased.
func htmlWords(t *testing.T, r *reports.Report) (map[string]bool, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := htmlreport.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(buf.String(), " ")
	page = regexp.MustCompile(`aria-label="[^"]*"`).ReplaceAllString(page, " ")
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " "))
	words := map[string]bool{}
	for _, w := range wordRE.FindAllString(strings.ToLower(text), -1) {
		words[w] = true
	}
	return words, text
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// furniture are words of the PDF's own furniture that report.html words
// differently.
var furniture = map[string]bool{"continued": true, "pdf": true, "whole": true}

// TestNothingBeyondHTML: every word and number the PDFs show is in
// report.html — the PDF reformats, it never adds data (checksums may be
// shortened).
func TestNothingBeyondHTML(t *testing.T) {
	for _, suppressed := range []bool{true, false} {
		r := testReport(t, suppressed)
		words, _ := htmlWords(t, r)
		docs := map[string]*doc{}
		d, err := renderReport(r)
		if err != nil {
			t.Fatal(err)
		}
		docs["report"] = d
		for _, region := range r.Regions {
			if docs[region], err = renderRegion(r, region); err != nil {
				t.Fatal(err)
			}
		}
		for name, d := range docs {
			for _, s := range d.drawn {
				for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
					if !words[w] && !furniture[w] && !checksumPrefix(w, words) {
						t.Errorf("%s (suppressed %v) shows %q (in %q), which report.html does not", name, suppressed, w, s)
					}
				}
			}
		}
	}
}

func checksumPrefix(w string, words map[string]bool) bool {
	if len(w) < 8 || strings.Trim(w, "0123456789abcdef") != "" {
		return false
	}
	for h := range words {
		if len(h) == 64 && strings.HasPrefix(h, w) {
			return true
		}
	}
	return false
}

// normal flattens quotes and spaces so the PDF's and the HTML's wording
// can be compared.
func normal(s string) string {
	s = strings.NewReplacer("“", "", "”", "", "’", "'", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// TestMethodsAsHTML: the methods appendix says what report.html's says.
func TestMethodsAsHTML(t *testing.T) {
	for _, suppressed := range []bool{true, false} {
		r := testReport(t, suppressed)
		var buf bytes.Buffer
		if err := htmlreport.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		i := strings.Index(page, `id="methods"`)
		section := page[i : i+strings.Index(page[i:], "</section>")]
		text := normal(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(section, " ")))
		text = strings.NewReplacer(" .", ".", " ,", ",", " :", ":").Replace(text)
		for _, b := range methodsText(r) {
			for _, s := range append(append([]string{b.heading}, b.paras...), b.items...) {
				if !strings.Contains(text, normal(s)) {
					t.Errorf("suppressed %v: the HTML methods do not say %q", suppressed, s)
				}
			}
		}
	}
}

// TestUnsuppressedBanner: an unsuppressed report says so at the top and
// bottom of every page; a suppressed one never says it.
func TestUnsuppressedBanner(t *testing.T) {
	for _, suppressed := range []bool{true, false} {
		r := testReport(t, suppressed)
		d, err := renderReport(r)
		if err != nil {
			t.Fatal(err)
		}
		one, err := renderRegion(r, "Metro East")
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []*doc{d, one} {
			if err := d.finish(io.Discard); err != nil { // draws the last footer
				t.Fatal(err)
			}
			n := 0
			for _, s := range d.drawn {
				if strings.Contains(s, "UNSUPPRESSED") {
					n++
				}
			}
			if suppressed && n > 0 {
				t.Errorf("suppressed output carries the unsuppressed banner %d times", n)
			}
			if !suppressed && n < 2*d.f.PageCount() {
				t.Errorf("unsuppressed output: banner %d times on %d pages", n, d.f.PageCount())
			}
		}
	}
}

// TestTiesAndSmallSamples: Metro East's ties are tagged, Southeast is
// flagged for its few respondents.
func TestTiesAndSmallSamples(t *testing.T) {
	r := testReport(t, true)
	for region, want := range map[string]string{"Metro East": "TIE", "Southeast": "Fewer than 10 respondents: read with care."} {
		d, err := renderRegion(r, region)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(d.drawn, want) {
			t.Errorf("%s one-pager lacks %q", region, want)
		}
	}
}

func TestErrors(t *testing.T) {
	if err := Write(new(bytes.Buffer), nil); err == nil {
		t.Error("nil report accepted")
	}
	r := testReport(t, true)
	if err := WriteRegion(new(bytes.Buffer), r, "Atlantis"); err == nil {
		t.Error("unknown region accepted")
	}
	r.Charts[0].PNG = nil
	if err := Write(new(bytes.Buffer), r); err == nil || !strings.Contains(err.Error(), "no PNG") {
		t.Errorf("chart without PNG: %v", err)
	}
	r = testReport(t, true)
	r.Sections = append(r.Sections, reports.Section{Key: "bad", Scope: "Statewide", Title: "x", Charts: []string{"nope"}})
	if err := Write(new(bytes.Buffer), r); err == nil {
		t.Error("a section naming a missing chart must be an error")
	}
}

func TestEmptyReport(t *testing.T) {
	r := &reports.Report{Title: "Empty", Suppressed: true, K: 11}
	d, err := renderReport(r)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(d.drawn, "No problems were found in the inputs.") {
		t.Error("empty report lacks the data-quality section")
	}
	if err := d.finish(new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
}

// TestRegionFiles: one-pagers are named like the region's charts, and
// regions whose names give the same slug get distinct files.
func TestRegionFiles(t *testing.T) {
	got := RegionFiles([]string{"St. Louis", "Metro East", "St Louis", "Kansas City"})
	want := []string{"st_louis", "metro_east", "st_louis_2", "kansas_city"}
	if !slices.Equal(got, want) {
		t.Errorf("RegionFiles = %v, want %v", got, want)
	}
	r := testReport(t, true)
	for i, stem := range RegionFiles(r.Regions) {
		if _, ok := r.Chart("top_needs_" + stem); !ok {
			t.Errorf("region %s: no chart top_needs_%s", r.Regions[i], stem)
		}
	}
	if charts.Slug("Metro East") != "metro_east" {
		t.Error("charts.Slug changed")
	}
}

// TestWideTable: a table too wide for the page is cut into parts that
// each fit with no word broken, every part with the row headers.
func TestWideTable(t *testing.T) {
	r := testReport(t, true)
	d := newDoc(r, "x")
	d.f.AddPage()
	wide := wholeTable(r.Table("resource_directory"))
	parts := d.splitColumns(wide)
	if len(parts) < 2 {
		t.Fatalf("wide table in %d part", len(parts))
	}
	cols := 0
	for _, p := range parts {
		_, least := d.measure(p)
		if sum(least) > contentW {
			t.Errorf("part %q needs %.0f mm", p.caption, sum(least))
		}
		if p.head[0] != "County" || len(p.rows) != len(wide.rows) {
			t.Errorf("part %q lacks the row headers or rows", p.caption)
		}
		cols += len(p.head) - 1
	}
	if cols != len(wide.head)-1 {
		t.Errorf("parts hold %d columns, want %d", cols, len(wide.head)-1)
	}
	if parts[len(parts)-1].notes == nil && wide.notes != nil {
		t.Error("notes lost")
	}
}
