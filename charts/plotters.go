package charts

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The plotters below are small on purpose: gonum's BarChart sizes bars in
// points and errors on NaN, while these take data units and never see a
// NaN (callers filter them), which keeps bar thickness proportional to the
// row spacing whatever the canvas height.

// segment is one horizontal bar piece from X0 to X1 centred on row Y.
type segment struct {
	Y, X0, X1 float64
	Color     color.Color
}

// bars draws horizontal segments Thickness data units tall.
type bars struct {
	Segs      []segment
	Thickness float64
	Separator color.Color // outline between stacked pieces; nil for none
}

func (b bars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, s := range b.Segs {
		if s.X1 == s.X0 {
			continue
		}
		pts := rectPts(tx(s.X0), ty(s.Y-b.Thickness/2), tx(s.X1), ty(s.Y+b.Thickness/2))
		c.FillPolygon(s.Color, pts)
		if b.Separator != nil {
			c.StrokeLines(draw.LineStyle{Color: b.Separator, Width: 0.6}, append(pts, pts[0]))
		}
	}
}

// interval is a horizontal error bar on row Y.
type interval struct {
	Y, Lo, Hi float64
}

// intervals draws error bars with end caps.
type intervals struct {
	Items []interval
	Cap   vg.Length
	Line  draw.LineStyle
}

func (iv intervals) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, it := range iv.Items {
		y, lo, hi := ty(it.Y), tx(it.Lo), tx(it.Hi)
		c.StrokeLine2(iv.Line, lo, y, hi, y)
		c.StrokeLine2(iv.Line, lo, y-iv.Cap, lo, y+iv.Cap)
		c.StrokeLine2(iv.Line, hi, y-iv.Cap, hi, y+iv.Cap)
	}
}

// label is text placed Dx points right of data point (X, Y).
type label struct {
	X, Y float64
	Text string
}

// labels draws text beside bars. With Pad it reports its glyph boxes, so
// the plot shrinks the data area to keep the text on the canvas; gonum
// solves that padding as if the boxes sat at the axis ends, which suits
// labels at the long end of bars but squeezes the plot when they sit
// mid-axis (use reserve there instead).
type labels struct {
	Items []label
	Dx    vg.Length
	Style draw.TextStyle
	Pad   bool
}

func (l labels) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, it := range l.Items {
		c.FillText(l.Style, vg.Point{X: tx(it.X) + l.Dx, Y: ty(it.Y)}, it.Text)
	}
}

func (l labels) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if !l.Pad {
		return nil
	}
	out := make([]plot.GlyphBox, len(l.Items))
	for i, it := range l.Items {
		r := l.Style.Rectangle(it.Text)
		r.Min.X += l.Dx
		r.Max.X += l.Dx
		out[i] = plot.GlyphBox{X: p.X.Norm(it.X), Y: p.Y.Norm(it.Y), Rectangle: r}
	}
	return out
}

// vlines draws full-height vertical lines at the given x values: grid
// lines behind bars, or the zero line of a diverging chart on top.
type vlines struct {
	Xs   []float64
	Line draw.LineStyle
}

func (v vlines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	for _, x := range v.Xs {
		c.StrokeLine2(v.Line, tx(x), c.Min.Y, tx(x), c.Max.Y)
	}
}

// reserve keeps Left and Right points free beyond the x axis ends, for
// labels that may run past them.
type reserve struct {
	Left, Right vg.Length
}

func (reserve) Plot(draw.Canvas, *plot.Plot) {}

func (r reserve) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	return []plot.GlyphBox{
		{X: 0, Y: 0.5, Rectangle: vg.Rectangle{Min: vg.Point{X: -r.Left}, Max: vg.Point{X: 0, Y: 1}}},
		{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Min: vg.Point{}, Max: vg.Point{X: r.Right, Y: 1}}},
	}
}
