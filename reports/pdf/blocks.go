package pdf

import (
	"strings"

	"needsmap/reports/format"
)

// para draws a wrapped paragraph across the text column, breaking pages
// between lines but never leaving a single line behind.
func (d *doc) para(s string, style string, size float64, c rgb) {
	d.paraAt(marginX, contentW, s, style, size, c)
	d.setY(d.y() + 1.6)
}

// paraAt draws wrapped text in a column at x of width w.
func (d *doc) paraAt(x, w float64, s, style string, size float64, c rgb) {
	d.setFont(style, size)
	lh := lineHeight(size)
	lines := d.wrap(s, w)
	d.need(lh * float64(min(len(lines), 2)))
	for i, line := range lines {
		if !d.fits(lh) || (i == len(lines)-2 && !d.fits(2*lh) && i > 0) {
			d.newPage()
		}
		// need may have drawn a heading: set the face every line.
		d.setFont(style, size)
		d.textColor(c)
		d.text(x, d.y(), lh, line)
		d.setY(d.y() + lh)
	}
}

// bullets draws a list with hanging bullets.
func (d *doc) bullets(items []string, size float64, c rgb) {
	const indent = 4.5
	for _, it := range items {
		lh := lineHeight(size)
		d.setFont("", size)
		d.need(lh * float64(min(len(d.wrap(it, contentW-indent)), 2)))
		d.setFont("", size)
		d.textColor(c)
		d.text(marginX+1, d.y(), lh, "•")
		d.paraAt(marginX+indent, contentW-indent, it, "", size, c)
		d.setY(d.y() + 0.8)
	}
	d.setY(d.y() + 1)
}

// pending is a heading waiting for the block under it: it is drawn by
// the next call to need, on the same page as the start of that block, so
// a heading never ends a page.
type pending struct {
	kicker, text string
	level        int
}

// heading queues a heading: level 1 opens a part (region, appendix) and
// level 2 a subsection. It gets an outline entry when drawn.
func (d *doc) heading(s string, level int) {
	d.flush()
	d.pending = &pending{text: s, level: level}
}

// partHeading queues a part's title with the small capitals line above it.
func (d *doc) partHeading(kicker, s string) {
	d.flush()
	d.pending = &pending{kicker: kicker, text: s, level: 1}
}

// headingSize returns a heading's type size, leading and lines.
func (d *doc) headingLines(h *pending) (size, lh float64, lines []string) {
	size = sizeH2
	if h.level == 1 {
		size = sizeH1
	}
	d.setFont("B", size)
	lh = size * ptMM * 1.25
	return size, lh, d.wrap(h.text, contentW)
}

// headingHeight is the room a heading takes, with the space above it.
func (d *doc) headingHeight(h *pending) float64 {
	_, lh, lines := d.headingLines(h)
	height := lh*float64(len(lines)) + 1.5
	if h.kicker != "" {
		height += 5
	}
	if h.level == 2 && !d.atTop() {
		height += 5
	}
	return height
}

// flush draws a queued heading.
func (d *doc) flush() {
	h := d.pending
	if h == nil {
		return
	}
	d.pending = nil
	if h.level == 2 {
		d.gap(5)
	}
	if h.kicker != "" {
		d.setFont("B", sizeKicker)
		d.textColor(muted)
		d.text(marginX, d.y(), 4.5, strings.ToUpper(h.kicker))
		d.setY(d.y() + 5)
	}
	size, lh, lines := d.headingLines(h)
	d.setFont("B", size)
	d.f.Bookmark(h.text, h.level-1, d.y())
	d.textColor(navy)
	for _, line := range lines {
		d.text(marginX, d.y(), lh, line)
		d.setY(d.y() + lh)
	}
	d.setY(d.y() + 1.5)
}

// boxKind is the look of a boxed message.
type boxKind int

const (
	noticeBox boxKind = iota // a warm note with a bar on the left
	dangerBox                // white on dark red: unsuppressed output
)

// message is a boxed message: an optional bold title, paragraphs and
// bullet items.
type message struct {
	kind  boxKind
	title string
	paras []string
	items []string
}

const boxPad, boxBar, boxIndent = 3.5, 1.6, 4.5

// boxLine is one laid-out line of a message.
type boxLine struct {
	x      float64
	style  string
	s      string
	bullet bool
}

func (d *doc) boxSizeOr() float64 {
	if d.boxSize == 0 {
		return sizeBody
	}
	return d.boxSize
}

// boxLines lays a message out and returns its lines and height.
func (d *doc) boxLines(m message) ([]boxLine, float64) {
	size := d.boxSizeOr()
	x, w := marginX+boxBar+boxPad, contentW-boxBar-2*boxPad
	var lines []boxLine
	add := func(x, w float64, style, s string, bullet bool) {
		d.setFont(style, size)
		for i, l := range d.wrap(s, w) {
			lines = append(lines, boxLine{x, style, l, bullet && i == 0})
		}
	}
	if m.title != "" {
		add(x, w, "B", m.title, false)
	}
	for i, p := range m.paras {
		style := ""
		if m.kind == dangerBox && i == 0 {
			style = "B"
		}
		add(x, w, style, p, false)
	}
	for _, it := range m.items {
		add(x+boxIndent, w-boxIndent, "", it, true)
	}
	return lines, float64(len(lines))*lineHeight(size) + 2*boxPad
}

// boxHeight is the room a message takes, with the space under it.
func (d *doc) boxHeight(m message) float64 {
	_, h := d.boxLines(m)
	return h + 4
}

// box draws a message, kept on one page.
func (d *doc) box(m message) {
	fg, bg := warnInk, warnBg
	if m.kind == dangerBox {
		fg, bg = white, danger
	}
	lines, h := d.boxLines(m)
	size := d.boxSizeOr()
	lh := lineHeight(size)
	d.need(h)
	top := d.y()
	d.fillColor(bg)
	d.f.Rect(marginX, top, contentW, h, "F")
	if m.kind == noticeBox {
		d.fillColor(warnBar)
		d.f.Rect(marginX, top, boxBar, h, "F")
	}
	d.textColor(fg)
	for i, l := range lines {
		y := top + boxPad + float64(i)*lh
		d.setFont(l.style, size)
		if l.bullet {
			d.text(l.x-boxIndent+1, y, lh, "•")
		}
		d.text(l.x, y, lh, l.s)
	}
	d.setY(top + h + 4)
}

// unsuppressedMessage is the warning of report.html's unsuppressed banner.
func unsuppressedMessage() message {
	return message{kind: dangerBox, paras: []string{unsuppressedBanner,
		"Small counts of survivors are shown as they are; this report must not leave the organisation."}}
}

// notesMessage lists the report's notices.
func notesMessage(notices []string) message {
	return message{kind: noticeBox, title: "Please note", items: notices}
}

// lowNMessage flags a scope with few respondents.
func lowNMessage(min int) message {
	return message{kind: noticeBox, title: format.LowN(min) + ".", paras: []string{
		"With so few answers the ranking below can change with one or two responses; the intervals show how much."}}
}
