package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// column is one vertical bar piece from Y0 to Y1 centred on X.
type column struct {
	X, Y0, Y1 float64
	Color     color.Color
}

// columns draws vertical segments Width data units wide (the vertical
// counterpart of bars).
type columns struct {
	Items []column
	Width float64
}

func (cs columns) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, s := range cs.Items {
		if s.Y1 == s.Y0 {
			continue
		}
		c.FillPolygon(s.Color, rectPts(tx(s.X-cs.Width/2), ty(s.Y0), tx(s.X+cs.Width/2), ty(s.Y1)))
	}
}

// dot is a filled marker at (X, Y).
type dot struct {
	X, Y  float64
	Color color.Color
	Shape dotShape
}

type dotShape int

const (
	circle dotShape = iota
	diamond
)

// dots draws markers of Radius points.
type dots struct {
	Items  []dot
	Radius vg.Length
}

func (d dots) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, it := range d.Items {
		x, y, r := tx(it.X), ty(it.Y), d.Radius
		if it.Shape == diamond {
			r *= 1.3
			c.FillPolygon(it.Color, []vg.Point{{X: x, Y: y + r}, {X: x + r, Y: y}, {X: x, Y: y - r}, {X: x - r, Y: y}})
			continue
		}
		var path vg.Path
		path.Move(vg.Point{X: x + r, Y: y})
		path.Arc(vg.Point{X: x, Y: y}, r, 0, 2*math.Pi)
		path.Close()
		c.SetColor(it.Color)
		c.Fill(path)
	}
}

// clabels is text centred above (X, Y), Dy points up.
type clabels struct {
	Items []label
	Dy    vg.Length
	Style draw.TextStyle
}

func (l clabels) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	sty := l.Style
	sty.XAlign, sty.YAlign = -0.5, 0
	for _, it := range l.Items {
		c.FillText(sty, vg.Point{X: tx(it.X), Y: ty(it.Y) + l.Dy}, it.Text)
	}
}

// refline is a dashed vertical reference line at X with a label at
// its top (the statewide rate, the as-of date).
type refline struct {
	X     float64
	Text  string
	Line  draw.LineStyle
	Style draw.TextStyle
	Left  bool // put the label left of the line
}

func (r refline) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	x := tx(r.X)
	c.StrokeLine2(r.Line, x, c.Min.Y, x, c.Max.Y)
	if r.Text != "" {
		sty := r.Style
		sty.XAlign, sty.YAlign = 0, -1
		at := x + 3
		if r.Left {
			sty.XAlign, at = -1, x-3
		}
		c.FillText(sty, vg.Point{X: at, Y: c.Max.Y}, r.Text)
	}
}

// Okabe–Ito colours of referral statuses and milestone standings.
var (
	statusColors = []color.Color{oiGreen, oiVermilion, oiOrange, oiSkyBlue}
	statusNames  = []string{"Completed", "Not completed", "Declined", "Pending"}
	hiddenColor  = color.RGBA{0xD9, 0xD9, 0xD9, 0xff}
)
