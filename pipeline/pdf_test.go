package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"needsmap/reports/pdf"
)

// poppler runs one of poppler's command-line tools and returns its output.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestPDFReadBack reads the sample's PDFs with poppler (pdftotext,
// pdffonts, pdfimages, pdfinfo, pdftoppm), as a reader's viewer would:
// the text is there and extractable, fonts are embedded, every chart
// image is present, and every page renders. Skipped when poppler-utils
// is not installed.
func TestPDFReadBack(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdffonts", "pdfimages", "pdfinfo", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian package poppler-utils)", tool)
		}
	}
	for _, suppressed := range []bool{true, false} {
		dir := filepath.Join(t.TempDir(), "out")
		cfg := sampleConfig(t, dir)
		cfg.Disclosure.Suppress = suppressed
		out := runSample(t, cfg)
		rep := out.Report
		report := filepath.Join(dir, "report.pdf")
		text := poppler(t, "pdftotext", report, "-")
		want := append([]string{rep.Title, "3.53", "3.40–3.66", "Methods", "Data quality"}, rep.Regions...)
		if suppressed {
			want = append(want, "<11")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("suppressed %v: report.pdf text lacks %q", suppressed, w)
			}
		}
		if got := strings.Contains(text, "UNSUPPRESSED"); got == suppressed {
			t.Errorf("suppressed %v: UNSUPPRESSED banner shown: %v", suppressed, got)
		}
		shown := 0 // the charts the report shows, each embedded once
		for _, scope := range append([]string{"Statewide"}, rep.Regions...) {
			shown += len(rep.ChartsFor(scope))
		}
		for _, s := range rep.Sections {
			shown += len(s.Charts)
		}
		pages := readable(t, report, shown)
		if pages < 2+len(rep.Regions) {
			t.Errorf("report.pdf has %d pages", pages)
		}
		for i, stem := range pdf.RegionFiles(rep.Regions) {
			file := filepath.Join(dir, "regions", stem+".pdf")
			if text := poppler(t, "pdftotext", file, "-"); !strings.Contains(text, rep.Regions[i]) || !strings.Contains(text, "Top needs") {
				t.Errorf("%s does not name its region or its top needs", file)
			}
			if n := readable(t, file, 1); n > 2 {
				t.Errorf("%s has %d pages, want at most 2", file, n)
			}
		}
	}
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// readable checks a PDF's fonts and images and renders every page; it
// returns the page count.
func readable(t *testing.T, file string, images int) int {
	t.Helper()
	fonts := strings.Split(strings.TrimSpace(poppler(t, "pdffonts", file)), "\n")[2:]
	if len(fonts) == 0 {
		t.Errorf("%s: no fonts", file)
	}
	for _, f := range fonts {
		if fields := strings.Fields(f); len(fields) < 5 || fields[len(fields)-5] != "yes" {
			t.Errorf("%s: font not embedded: %s", file, f)
		}
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(poppler(t, "pdfimages", "-list", file)), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 11 {
			ids[f[10]] = true
		}
	}
	if len(ids) != images {
		t.Errorf("%s: %d distinct images, want %d", file, len(ids), images)
	}
	m := pagesRE.FindStringSubmatch(poppler(t, "pdfinfo", file))
	if m == nil {
		t.Fatalf("%s: pdfinfo gives no page count", file)
	}
	n, _ := strconv.Atoi(m[1])
	png := filepath.Join(t.TempDir(), "page")
	poppler(t, "pdftoppm", "-r", "20", "-png", file, png)
	rendered, _ := filepath.Glob(png + "*.png")
	if len(rendered) != n {
		t.Errorf("%s: %d of %d pages rendered", file, len(rendered), n)
	}
	for _, p := range rendered {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: empty rendering %s", file, p)
		}
	}
	return n
}
