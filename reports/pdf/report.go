// Package pdf renders report.pdf — the printed form of report.html: a
// cover with the notices and contents, the statewide summary, one part per
// region, the appendices, methods and data quality — and a one-page
// handout per region (regions/<region>.pdf). It draws from the same
// reports.Report as the HTML and the workbook, formats numbers with
// reports/format, embeds Liberation Sans, and gives byte-identical files
// for the same report.
package pdf

import (
	"errors"
	"io"
	"strconv"

	"needsmap/reports"
)

// Write renders the whole report. Nothing is written when rendering fails.
func Write(w io.Writer, r *reports.Report) error {
	d, err := renderReport(r)
	if err != nil {
		return err
	}
	return d.finish(w)
}

// Render returns what Write writes.
func Render(r *reports.Report) ([]byte, error) {
	d, err := renderReport(r)
	if err != nil {
		return nil, err
	}
	return d.bytes()
}

func renderReport(r *reports.Report) (*doc, error) {
	if r == nil {
		return nil, errors.New("pdf: no report")
	}
	title := r.Title
	if title == "" {
		title = "Needs assessment report"
	}
	d := newDoc(r, title)
	d.header = func() { d.reportHeader(title) }
	d.footer = d.reportFooter
	d.cover(title)
	if err := d.body(); err != nil {
		return nil, err
	}
	d.fillContents()
	return d, nil
}

func (d *doc) body() error {
	if err := d.scope(statewide, false); err != nil {
		return err
	}
	for _, name := range d.r.Regions {
		if err := d.scope(name, true); err != nil {
			return err
		}
	}
	if err := d.sections(""); err != nil {
		return err
	}
	d.methods()
	d.quality()
	d.flush()
	return nil
}

// part starts a part of the report on a new page: the running header
// names it, the contents entry points at it, and it gets a kicker and a
// title with an outline entry.
func (d *doc) part(kicker, title string) {
	d.flush()
	d.running = title
	d.newPage()
	if d.parts < len(d.toc) {
		e := &d.toc[d.parts]
		e.page = d.f.PageNo()
		d.f.SetLink(e.link, 0, e.page)
		d.parts++
	}
	d.partHeading(kicker, title)
}

// reportHeader draws the running header: the title on the left and the
// part on the right, under the unsuppressed warning when there is one.
func (d *doc) reportHeader(title string) {
	top := d.unsuppressedBand(0)
	if d.f.PageNo() == 1 {
		return
	}
	d.setFont("", sizeRunning)
	d.textColor(muted)
	y := top + 8
	right := d.running
	d.setFont("B", sizeRunning)
	rw := d.width(right)
	d.setFont("", sizeRunning)
	d.text(marginX, y, 4, d.fit(title, contentW-rw-8))
	d.setFont("B", sizeRunning)
	d.textColor(navy)
	d.textRight(marginX+contentW, y, 4, right)
	d.drawColor(rule)
	d.f.SetLineWidth(0.2)
	d.f.Line(marginX, y+5, marginX+contentW, y+5)
}

// unsuppressedBand draws the unsuppressed warning across the top of the
// page, when the report is unsuppressed, and returns where the page's
// furniture may start.
func (d *doc) unsuppressedBand(y float64) float64 {
	if d.r.Suppressed {
		return 0
	}
	d.fillColor(danger)
	d.f.Rect(0, y, pageW, 7, "F")
	d.setFont("B", 9)
	d.textColor(white)
	d.text((pageW-d.width(unsuppressedBanner))/2, y, 7, unsuppressedBanner)
	return y + 4
}

// reportFooter draws the provenance and the page number, and repeats the
// unsuppressed warning.
func (d *doc) reportFooter() {
	y := pageH - 13
	d.drawColor(rule)
	d.f.SetLineWidth(0.2)
	d.f.Line(marginX, y, marginX+contentW, y)
	d.setFont("", sizeRunning)
	d.textColor(muted)
	d.text(marginX, y+1.5, 4, d.provenance())
	d.pageNumber(marginX+contentW, y+1.5, 4)
	if !d.r.Suppressed {
		d.setFont("B", sizeRunning)
		d.textColor(danger)
		d.text((pageW-d.width(unsuppressedBanner))/2, y+6, 4, unsuppressedBanner)
	}
}

// pageNumber draws "Page n of N" right-aligned to x.
func (d *doc) pageNumber(x, y, lh float64) {
	d.numbering = true
	d.textRight(x, y, lh, "Page "+strconv.Itoa(d.f.PageNo())+" of "+nbAlias)
	d.numbering = false
}

// provenance names the program that wrote the file.
func (d *doc) provenance() string {
	s := "Produced by needsmap"
	if d.r.Version != "" {
		s += " " + d.r.Version
	}
	return s
}

// fit shortens s with an ellipsis to fit in w.
func (d *doc) fit(s string, w float64) string {
	if d.width(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.width(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
