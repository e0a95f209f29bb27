package pdf

import (
	"strconv"
	"strings"
)

// tocEntry is one line of the contents: where it is drawn on the cover
// and the page its part starts on, known once the part is laid out.
type tocEntry struct {
	label      string
	link       int
	page       int
	tocPage    int
	tocY, tocH float64
}

const tocLH = 7

// cover draws the first page: the masthead, the warnings and notices, the
// contents (page numbers are filled in at the end) and the colophon.
func (d *doc) cover(title string) {
	d.running = ""
	d.f.AddPage()
	d.masthead("Needs assessment", title, d.r.Subtitle, 14)
	d.warnings()
	d.contents()
	d.setY(max(d.y()+4, pageBottom-12))
	d.para("Produced by needsmap"+versionSuffix(d.r.Version)+". The tables are also in tables/ (CSV) and needsmap.xlsx; the charts in charts/ (SVG and PNG).",
		"", sizeSmall, muted)
}

func versionSuffix(v string) string {
	if v == "" {
		return ""
	}
	return " " + v
}

// masthead draws the navy band across the top of a first page and leaves
// the position under it; pad is the space above and below its text.
func (d *doc) masthead(eyebrow, title, subtitle string, pad float64) {
	top := 0.0
	if !d.r.Suppressed {
		top = 7
	}
	d.setFont("B", 24)
	titleLH := 24 * ptMM * 1.2
	lines := d.wrap(title, contentW)
	d.setFont("", 12)
	var subLines []string
	if subtitle != "" {
		subLines = d.wrap(subtitle, contentW)
	}
	h := pad + 6 + float64(len(lines))*titleLH + float64(len(subLines))*6 + pad
	if subtitle != "" {
		h += 1
	}
	d.fillColor(navy)
	d.f.Rect(0, top, pageW, h, "F")
	y := top + pad
	if eyebrow != "" {
		d.setFont("B", sizeKicker+0.5)
		d.textColor(onNavy)
		d.text(marginX, y, 5, strings.ToUpper(eyebrow))
		y += 6
	}
	d.setFont("B", 24)
	d.textColor(white)
	for _, l := range lines {
		d.text(marginX, y, titleLH, l)
		y += titleLH
	}
	d.setFont("", 12)
	d.textColor(onNavy)
	for k, l := range subLines {
		d.text(marginX, y+1.5+float64(k)*6, 6, l)
	}
	d.setY(top + h + pad/2)
}

// warnings draws the unsuppressed warning and the report's notices.
func (d *doc) warnings() {
	if !d.r.Suppressed {
		d.box(unsuppressedMessage())
	}
	if len(d.r.Notices) > 0 {
		d.box(notesMessage(d.r.Notices))
	}
}

// contents lays out the contents on the cover, leaving the page numbers
// to fillContents. Every part gets an internal link.
func (d *doc) contents() {
	labels := []string{statewide}
	labels = append(labels, d.r.Regions...)
	for _, s := range d.r.SectionsFor("") {
		labels = append(labels, s.Title)
	}
	labels = append(labels, "Methods", "Data quality")
	d.gap(2)
	d.need(8 + 2*tocLH)
	d.setFont("B", sizeKicker+0.5)
	d.textColor(muted)
	d.text(marginX, d.y(), 5, strings.ToUpper("Contents"))
	d.setY(d.y() + 6)
	d.setFont("", 11)
	for _, l := range labels {
		lines := d.wrap(l, contentW-20)
		h := float64(len(lines)-1)*lineHeight(11) + tocLH
		d.need(h)
		d.toc = append(d.toc, tocEntry{label: l, link: d.f.AddLink(), tocPage: d.f.PageNo(), tocY: d.y(), tocH: h})
		d.setY(d.y() + h)
	}
}

// fillContents goes back to the contents and writes each part's label,
// dotted leader and page number, linked to the part.
func (d *doc) fillContents() {
	last := d.f.PageNo()
	for _, e := range d.toc {
		d.f.SetPage(e.tocPage)
		// fpdf skips a font or colour it believes is current, but the
		// page being revisited may end in another: set them afresh.
		d.font = ""
		d.setFont("B", 1)
		d.setFont("", 11)
		d.fillColor(white)
		d.textColor(ink)
		lh := lineHeight(11)
		lines := d.wrap(e.label, contentW-20)
		y := e.tocY + (tocLH-lh)/2
		for k, l := range lines {
			d.text(marginX, y+float64(k)*lh, lh, l)
		}
		lastY := y + float64(len(lines)-1)*lh
		num := strconv.Itoa(e.page)
		d.setFont("B", 11)
		d.textColor(navy)
		d.numbering = true
		d.textRight(marginX+contentW, lastY, lh, num)
		d.numbering = false
		d.setFont("", 11)
		d.leader(marginX+d.width(lines[len(lines)-1])+2, marginX+contentW-d.width(num)-2, lastY+lh/2+1.2)
		d.drawColor(rule)
		d.f.SetLineWidth(0.2)
		d.f.Line(marginX, e.tocY+e.tocH, marginX+contentW, e.tocY+e.tocH)
		d.f.Link(marginX, e.tocY, contentW, e.tocH, e.link)
	}
	d.f.SetPage(last)
}

// leader draws a dotted line from x0 to x1 at height y.
func (d *doc) leader(x0, x1, y float64) {
	if x1-x0 < 4 {
		return
	}
	d.drawColor(rule)
	d.f.SetLineWidth(0.35)
	d.f.SetDashPattern([]float64{0.3, 1.5}, 0)
	d.f.SetLineCapStyle("round")
	d.f.Line(x0, y, x1, y)
	d.f.SetDashPattern(nil, 0)
	d.f.SetLineCapStyle("butt")
}
