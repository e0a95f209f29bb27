package pdf

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"codeberg.org/go-pdf/fpdf"

	"needsmap/reports"
)

// fixedTime is the creation and modification date written into every PDF:
// a real date would make two runs differ. It is the workbook's date too.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	family  = "LiberationSans"
	nbAlias = "{nb}"
)

// doc is one PDF being laid out. Text is placed line by line at computed
// positions and page breaks are decided here, never by fpdf, so tables
// can repeat their header and headings never end a page.
type doc struct {
	f *fpdf.Fpdf
	r *reports.Report
	// running names the current section in the page header.
	running string
	// header and footer draw the page furniture.
	header, footer func()
	// images maps a registered chart to its height/width ratio.
	images  map[string]float64
	figures int
	// font is the face and size setFont last chose ("" when unknown).
	font string
	// toc is the report's contents; parts counts the parts laid out.
	toc   []tocEntry
	parts int
	// boxSize is the type size of boxed notes (0: body size).
	boxSize float64
	// pending is a heading not drawn yet.
	pending *pending
	// drawn is every string put on a page, in order, except page numbers
	// (numbering is set while they are drawn): tests check that the PDF
	// shows nothing report.html does not.
	drawn     []string
	numbering bool
}

func newDoc(r *reports.Report, title string) *doc {
	f := fpdf.New("P", "mm", "Letter", "")
	d := &doc{f: f, r: r, images: map[string]float64{}}
	f.SetCreationDate(fixedTime)
	f.SetModificationDate(fixedTime)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetMargins(marginX, marginTop, marginX)
	f.SetAutoPageBreak(false, marginBot)
	f.SetCellMargin(0)
	f.SetTitle(title, true)
	f.SetSubject(r.Subtitle, true)
	f.SetCreator("needsmap "+r.Version, true)
	f.SetProducer("needsmap "+r.Version, true)
	f.SetLang("en")
	f.SetDisplayMode("fullwidth", "continuous")
	f.AliasNbPages(nbAlias)
	f.AddUTF8FontFromBytes(family, "", liberationsansregular.TTF)
	f.AddUTF8FontFromBytes(family, "B", liberationsansbold.TTF)
	// fpdf restores its own font after the header and footer, behind
	// setFont's back: forget what setFont last chose.
	f.SetHeaderFuncMode(func() {
		if d.header != nil {
			d.header()
		}
		d.font = ""
	}, false)
	f.SetFooterFunc(func() {
		if d.footer != nil {
			d.footer()
		}
		d.font = ""
	})
	return d
}

// finish writes the document. fpdf orders image objects of equal width by
// map iteration, so they are put in a fixed order before writing.
func (d *doc) finish(w io.Writer) error {
	b, err := d.bytes()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// bytes returns the finished document. The report runs to megabytes of
// chart images: it is copied once, by sortImages, not once per writer.
func (d *doc) bytes() ([]byte, error) {
	var out adopt
	if err := d.f.Output(&out); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return sortImages(out.b)
}

// adopt keeps the bytes written to it. fpdf writes its whole document in
// one call, from a buffer it never touches again, so the first write is
// kept as it is rather than copied; sortImages only reads it.
type adopt struct{ b []byte }

func (a *adopt) Write(p []byte) (int, error) {
	if a.b == nil {
		a.b = p
	} else {
		a.b = append(a.b, p...)
	}
	return len(p), nil
}

// setFont selects the face ("" or "B") and size. Only two faces are
// embedded: preparing a face costs more than laying out a page.
func (d *doc) setFont(style string, size float64) {
	key := style + strconv.FormatFloat(size, 'f', -1, 64)
	if key == d.font {
		return
	}
	d.f.SetFont(family, style, size)
	d.font = key
}

func (d *doc) textColor(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fillColor(c rgb) { d.f.SetFillColor(c.r, c.g, c.b) }
func (d *doc) drawColor(c rgb) { d.f.SetDrawColor(c.r, c.g, c.b) }

// width is the width of s in the current font.
func (d *doc) width(s string) float64 { return d.f.GetStringWidth(s) }

// wrap splits s into lines no wider than w in the current font; a word
// longer than w is broken, so nothing overflows.
func (d *doc) wrap(s string, w float64) []string {
	if s == "" {
		return []string{""}
	}
	lines := d.f.SplitText(s, w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// text draws one line of s in a line box of height lh whose top is at y.
func (d *doc) text(x, y, lh float64, s string) {
	if s == "" {
		return
	}
	size, _ := d.f.GetFontSize()
	d.f.Text(x, y+lh/2+0.35*size*ptMM, s)
	if !d.numbering {
		d.drawn = append(d.drawn, s)
	}
}

// textRight draws s right-aligned to x.
func (d *doc) textRight(x, y, lh float64, s string) { d.text(x-d.width(s), y, lh, s) }

// y and setY are the position where the next block starts.
func (d *doc) y() float64     { return d.f.GetY() }
func (d *doc) setY(y float64) { d.f.SetY(y) }

// fits reports whether a block of height h fits on the current page.
func (d *doc) fits(h float64) bool { return d.y()+h <= pageBottom }

// need starts a new page unless a block of height h fits, together with
// the heading waiting for it, which it then draws.
func (d *doc) need(h float64) {
	if d.pending != nil {
		h += d.headingHeight(d.pending)
	}
	if !d.fits(h) {
		d.newPage()
	}
	d.flush()
}

func (d *doc) newPage() {
	d.f.AddPage()
	d.setY(marginTop)
}

// atTop reports whether nothing has been placed on the page yet.
func (d *doc) atTop() bool { return d.y() <= marginTop+0.01 }

// gap adds vertical space, except at the top of a page.
func (d *doc) gap(h float64) {
	if !d.atTop() {
		d.setY(d.y() + h)
	}
}

// lineHeight is the leading of a type size.
func lineHeight(size float64) float64 { return size * ptMM * 1.45 }
