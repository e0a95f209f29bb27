package pdf

import (
	"strings"
)

// table is a table ready to draw. Column headHeader (usually the first)
// holds the row headers and is set in bold.
type table struct {
	caption string
	head    []string
	num     []bool // right-aligned columns: numbers
	rows    [][]cell
	notes   []string
	headCol int
}

// cell is one data cell. A suppressed count (sup) is set in grey, as in
// report.html; tag is a small label beside the text ("tie", "low n").
type cell struct {
	text string
	tag  string
	sup  bool
}

const (
	padX  = 1.6 // cell padding
	padY  = 1.1
	tagH  = 3.3
	tagPX = 1.1
)

var tableLH = lineHeight(sizeTable) * 0.92

// tagStyle is a tag's ink, fill and border.
func tagStyle(tag string) (fg, bg, line rgb) {
	if tag == "tie" {
		return tieInk, tieBg, tieLine
	}
	return warnInk, warnBg, warnBar
}

// tagWidth is the room a tag takes beside its text, including the gap.
func (d *doc) tagWidth(tag string) float64 {
	if tag == "" {
		return 0
	}
	d.setFont("B", sizeTag)
	return d.width(strings.ToUpper(tag)) + 2*tagPX + 1.4
}

func (t *table) style(row, col int) string {
	switch {
	case row < 0 || col == t.headCol:
		return "B"
	}
	return ""
}

// layout is a table measured for drawing.
type layout struct {
	widths []float64
	head   [][]string
	headH  float64
	cells  [][][]string
	rowH   []float64
}

func (d *doc) layoutTable(t *table) layout {
	l := layout{widths: d.columnWidths(t)}
	for j, h := range t.head {
		d.setFont("B", sizeTable)
		lines := d.wrap(h, l.widths[j]-2*padX)
		l.head = append(l.head, lines)
		l.headH = max(l.headH, float64(len(lines))*tableLH+2*padY)
	}
	for i, row := range t.rows {
		var cs [][]string
		h := 0.0
		for j, c := range row {
			d.setFont(t.style(i, j), sizeTable)
			lines := d.wrap(c.text, l.widths[j]-2*padX-d.tagWidthIn(t, i, j))
			cs = append(cs, lines)
			h = max(h, float64(len(lines))*tableLH+2*padY)
		}
		l.cells = append(l.cells, cs)
		l.rowH = append(l.rowH, h)
	}
	return l
}

func (d *doc) tagWidthIn(t *table, i, j int) float64 {
	w := d.tagWidth(t.rows[i][j].tag)
	d.setFont(t.style(i, j), sizeTable)
	return w
}

// table draws a table with its caption and notes, cut into parts when it
// is too wide for the page.
func (d *doc) table(t *table) {
	if t == nil || len(t.head) == 0 {
		return
	}
	for _, part := range d.splitColumns(t) {
		d.tablePart(part)
	}
}

// tablePart draws one table. A table that runs onto another page repeats
// its caption (marked as continued) and its header; a row is never split.
// A table that would leave less than half of itself on this page but fits
// on the next starts there.
func (d *doc) tablePart(t *table) {
	l := d.layoutTable(t)
	d.setFont("B", sizeCaption)
	capLH := lineHeight(sizeCaption)
	capLines := d.wrap(t.caption, contentW)
	capH := 0.0
	if t.caption != "" {
		capH = float64(len(capLines))*capLH + 1
	}
	notesH := d.notesHeight(t.notes)
	first, whole := l.headH, capH+l.headH+notesH
	for i, h := range l.rowH {
		if i < 2 {
			first += h
		}
		whole += h
	}
	d.gap(2)
	want := capH + first
	if !d.fits(whole) && whole <= pageBottom-marginTop && d.rowsFitting(l, capH) < len(l.rowH)/2 {
		want = whole
	}
	d.need(want)
	if t.caption != "" {
		d.setFont("B", sizeCaption)
		d.textColor(ink)
		for _, line := range capLines {
			d.text(marginX, d.y(), capLH, line)
			d.setY(d.y() + capLH)
		}
		d.setY(d.y() + 1)
	}
	d.tableHead(t, l)
	for i := range t.rows {
		if !d.fits(l.rowH[i]) || d.widow(l, i, notesH) {
			d.newPage()
			d.continued(t.caption)
			d.tableHead(t, l)
		}
		d.tableRow(t, l, i)
	}
	if len(t.notes) > 0 {
		d.setY(d.y() + 1.5)
		d.bullets(t.notes, sizeSmall, muted)
	}
	d.setY(d.y() + 3)
}

// widow reports whether to break before row i so that a table carried
// onto the next page takes at least three rows there, and its notes never
// go alone: it is true at the third row from the end (or the last row of
// a short table) when the rest and the notes do not fit.
func (d *doc) widow(l layout, i int, notesH float64) bool {
	n := len(l.rowH)
	switch {
	case i == n-3 && i >= 3:
	case i == n-1 && n < 6 && i > 0 && notesH > 0:
	default:
		return false
	}
	return !d.fits(sum(l.rowH[i:]) + notesH)
}

// tableHeight is the room a table takes, with its spacing, when it is
// not broken across pages.
func (d *doc) tableHeight(t *table) float64 {
	h := 0.0
	for _, part := range d.splitColumns(t) {
		l := d.layoutTable(part)
		h += 5 + l.headH + sum(l.rowH)
		if part.caption != "" {
			d.setFont("B", sizeCaption)
			h += float64(len(d.wrap(part.caption, contentW)))*lineHeight(sizeCaption) + 1
		}
		h += d.notesHeight(part.notes)
	}
	return h
}

// notesHeight is the room a table's notes take.
func (d *doc) notesHeight(notes []string) float64 {
	if len(notes) == 0 {
		return 0
	}
	h := 2.5
	d.setFont("", sizeSmall)
	for _, n := range notes {
		h += float64(len(d.wrap(n, contentW-4.5)))*lineHeight(sizeSmall) + 0.8
	}
	return h
}

// rowsFitting is how many rows fit on this page under the caption and
// header (and any heading waiting to be drawn).
func (d *doc) rowsFitting(l layout, capH float64) int {
	y := d.y() + capH + l.headH
	if d.pending != nil {
		y += d.headingHeight(d.pending)
	}
	n := 0
	for _, h := range l.rowH {
		if y+h > pageBottom {
			break
		}
		y += h
		n++
	}
	return n
}

// continued repeats a caption at the top of a page.
func (d *doc) continued(caption string) {
	if caption == "" {
		return
	}
	d.setFont("", sizeSmall)
	d.textColor(muted)
	lh := lineHeight(sizeSmall)
	if !strings.HasSuffix(caption, " (continued)") {
		caption += " (continued)"
	}
	for _, line := range d.wrap(caption, contentW) {
		d.text(marginX, d.y(), lh, line)
		d.setY(d.y() + lh)
	}
	d.setY(d.y() + 0.8)
}

func (d *doc) tableHead(t *table, l layout) {
	top := d.y()
	d.fillColor(head)
	d.f.Rect(marginX, top, contentW, l.headH, "F")
	d.setFont("B", sizeTable)
	d.textColor(ink)
	x := marginX
	for j, lines := range l.head {
		for k, line := range lines {
			y := top + padY + float64(k)*tableLH
			if t.num[j] {
				d.textRight(x+l.widths[j]-padX, y, tableLH, line)
			} else {
				d.text(x+padX, y, tableLH, line)
			}
		}
		x += l.widths[j]
	}
	d.drawColor(muted)
	d.f.SetLineWidth(0.3)
	d.f.Line(marginX, top+l.headH, marginX+contentW, top+l.headH)
	d.setY(top + l.headH)
}

func (d *doc) tableRow(t *table, l layout, i int) {
	top, h := d.y(), l.rowH[i]
	if i%2 == 1 {
		d.fillColor(band)
		d.f.Rect(marginX, top, contentW, h, "F")
	}
	x := marginX
	for j, lines := range l.cells[i] {
		c := t.rows[i][j]
		d.setFont(t.style(i, j), sizeTable)
		d.textColor(ink)
		if c.sup {
			d.textColor(muted)
		}
		tw := d.tagWidth(c.tag)
		d.setFont(t.style(i, j), sizeTable)
		for k, line := range lines {
			y := top + padY + float64(k)*tableLH
			tx := x + padX
			if t.num[j] {
				tx = x + l.widths[j] - padX - d.width(line)
			}
			d.text(tx, y, tableLH, line)
			if k == 0 && c.tag != "" {
				tagX := tx + d.width(line) + 1.4
				if t.num[j] {
					tagX = tx - tw
				}
				d.drawTag(tagX, y+(tableLH-tagH)/2, c.tag)
				d.setFont(t.style(i, j), sizeTable)
				d.textColor(ink)
			}
		}
		x += l.widths[j]
	}
	d.drawColor(rule)
	d.f.SetLineWidth(0.2)
	d.f.Line(marginX, top+h, marginX+contentW, top+h)
	d.setY(top + h)
}

// drawTag draws a tag pill with its top-left corner at x, y.
func (d *doc) drawTag(x, y float64, tag string) {
	fg, bg, line := tagStyle(tag)
	d.setFont("B", sizeTag)
	s := strings.ToUpper(tag)
	w := d.width(s) + 2*tagPX
	d.fillColor(bg)
	d.drawColor(line)
	d.f.SetLineWidth(0.2)
	d.f.RoundedRect(x, y, w, tagH, 0.6, "1234", "FD")
	d.textColor(fg)
	d.text(x+tagPX, y, tagH, s)
}
