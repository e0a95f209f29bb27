//go:build clients

package main

import (
	"image"
	"image/png"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// checkPrint prints report.html with Chromium (so a print style that
// breaks the layout shows up) and renders every page of that PDF and of
// every PDF in the output folder with poppler.
func checkPrint(t *testing.T, out string) {
	printed := printReport(t, filepath.Join(out, "report.html"))
	checkPDF(t, printed)
	var pdfs []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
			pdfs = append(pdfs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pdfs) == 0 {
		t.Logf("no PDF in %s: only the printed report was checked", out)
	}
	for _, p := range pdfs {
		checkPDF(t, p)
	}
}

// printReport prints the page to PDF with headless Chromium's own printer.
func printReport(t *testing.T, page string) string {
	t.Helper()
	chromium := lookTool(t, "chromium", "chromium")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report-printed.pdf")
	u := url.URL{Scheme: "file", Path: mustAbs(t, page)}
	cmd := tool(t, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer",
		"--print-to-pdf="+pdf, u.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v\n%s", err, out)
	}
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Fatalf("chromium printed no PDF: %v", err)
	}
	return pdf
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)\s*$`)

// checkPDF asks pdfinfo for the page count and renders every page at 50
// dpi; each page must come out as an image with more than one colour.
func checkPDF(t *testing.T, pdf string) {
	t.Helper()
	info, err := tool(t, lookTool(t, "pdfinfo", "poppler-utils"), pdf).CombinedOutput()
	if err != nil {
		t.Errorf("pdfinfo %s: %v\n%s", pdf, err, info)
		return
	}
	m := pagesLine.FindSubmatch(info)
	pages := 0
	if m != nil {
		pages, _ = strconv.Atoi(string(m[1]))
	}
	if pages == 0 {
		t.Errorf("%s: pdfinfo reports no pages\n%s", pdf, info)
		return
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := tool(t, lookTool(t, "pdftoppm", "poppler-utils"), "-r", "50", "-png", pdf, prefix).CombinedOutput(); err != nil {
		t.Errorf("pdftoppm %s: %v\n%s", pdf, err, out)
		return
	}
	pngs, _ := filepath.Glob(prefix + "-*.png")
	if len(pngs) != pages {
		t.Errorf("%s: %d pages but pdftoppm rendered %d", pdf, pages, len(pngs))
	}
	for _, p := range pngs {
		if n := colours(t, p, 2); n < 2 {
			t.Errorf("%s: page %s is blank (one colour)", pdf, filepath.Base(p))
		}
	}
	t.Logf("%s: %d pages, each rendered with more than one colour", filepath.Base(pdf), pages)
}

// colours counts the distinct colours in a PNG, stopping at max.
func colours(t *testing.T, path string, max int) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return countColours(img, max)
}

// countColours counts the distinct colours of img, stopping at max.
func countColours(img image.Image, max int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= max {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// TestClientsCountColours checks the blank-page test on made-up pages.
func TestClientsCountColours(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 40, 50))
	for i := range blank.Pix {
		blank.Pix[i] = 0xff
	}
	if n := countColours(blank, 2); n != 1 {
		t.Errorf("blank page: %d colours, want 1", n)
	}
	inked := image.NewGray(image.Rect(0, 0, 40, 50))
	copy(inked.Pix, blank.Pix)
	inked.Pix[len(inked.Pix)-1] = 0
	if n := countColours(inked, 2); n != 2 {
		t.Errorf("page with one dark pixel: %d colours, want 2", n)
	}
}
