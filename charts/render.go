package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	imgdraw "image/draw"
	"strings"

	"git.sr.ht/~sbinet/gg"
	xdraw "golang.org/x/image/draw"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// legendItem is one swatch of a legend drawn below the plot.
type legendItem struct {
	Label string
	Color color.Color
}

// figure is a plot plus the furniture gonum/plot places poorly: a
// left-aligned title and subtitle above it, a legend in its own band below
// it (gonum's legend sits on top of the data, gonum/plot#657), and a note.
type figure struct {
	Title, Subtitle string
	Plot            *plot.Plot // nil draws Message instead
	Message         string
	Legend          []legendItem
	Note            string
	Height          vg.Length
}

const margin = 0.15 * vg.Inch

// render draws the figure to SVG and PNG.
func (f figure) render(t Theme) (svg, png []byte, err error) {
	setupFonts()
	defer func() {
		// gonum/plot panics on some malformed input (e.g. an empty
		// range); a chart failure must not take the run down.
		if r := recover(); r != nil {
			err = fmt.Errorf("charts: rendering %q: %v", f.Title, r)
		}
	}()
	sc := vgsvg.NewWith(vgsvg.UseWH(t.Width, f.Height))
	f.draw(draw.New(sc), t, true)
	var sb bytes.Buffer
	if _, err := sc.WriteTo(&sb); err != nil {
		return nil, nil, err
	}
	ic := vgimg.NewWith(vgimg.UseImageWithContext(rasterContext(t.Width, f.Height, t.DPI)), vgimg.UseDPI(t.DPI))
	// vgimg has already cleared the image to white with a plain copy;
	// filling it again through the rasterizer took most of a chart's
	// drawing time.
	f.draw(draw.New(ic), t, false)
	var pb bytes.Buffer
	if err := encodePNG(&pb, ic.Image()); err != nil {
		return nil, nil, err
	}
	return fontFallback(sb.Bytes()), pb.Bytes(), nil
}

// draw lays the figure out on c; background paints it white first (the
// SVG canvas starts transparent).
func (f figure) draw(c draw.Canvas, t Theme, background bool) {
	if background {
		c.SetColor(color.White)
		c.Fill(c.Rectangle.Path())
	}
	c = draw.Crop(c, margin, -margin, margin, -margin)
	top := c.Max.Y
	top = drawLines(c, t.style(t.Title, t.Ink, true), c.Min.X, top, f.Title)
	if f.Subtitle != "" {
		top = drawLines(c, t.style(t.Subtitle, t.Muted, false), c.Min.X, top-3, f.Subtitle)
	}
	area := c
	area.Max.Y = top - 8
	if f.Note != "" {
		sty := t.style(t.Legend, t.Muted, false)
		h := sty.Height(f.Note)
		drawLines(c, sty, c.Min.X, c.Min.Y+h, f.Note)
		area.Min.Y += h + 6
	}
	if len(f.Legend) > 0 {
		area.Min.Y += drawLegend(area, t, f.Legend) + 8
	}
	if f.Plot == nil {
		sty := t.style(t.Label+2, t.Muted, false)
		sty.XAlign, sty.YAlign = -0.5, -0.5
		area.FillText(sty, area.Center(), f.Message)
		return
	}
	f.Plot.Draw(area)
}

// rasterContext sets up the PNG canvas as vgimg does itself (white
// background, butt caps, y axis up), but with glyphs copied by nearest
// neighbour instead of bilinear interpolation. No chart rotates text, so
// every glyph lands on whole pixels and both give the same pixels (the
// PNG goldens say so); bilinear spent a third of a chart's time on it.
func rasterContext(w, h vg.Length, dpi int) (imgdraw.Image, *gg.Context) {
	img := image.NewRGBA(image.Rect(0, 0, int(w/vg.Inch*vg.Length(dpi)+0.5), int(h/vg.Inch*vg.Length(dpi)+0.5)))
	ctx := gg.NewContextForRGBA(img) // NewContextForImage would copy it
	ctx.SetLineCapButt()
	ctx.InvertY()
	ctx.SetInterpolator(xdraw.NearestNeighbor)
	return ctx.Image().(imgdraw.Image), ctx
}

// drawLines draws left-aligned text whose top is at y and returns the y of
// its bottom.
func drawLines(c draw.Canvas, sty draw.TextStyle, x, y vg.Length, s string) vg.Length {
	sty.YAlign = -1
	c.FillText(sty, vg.Point{X: x, Y: y}, s)
	return y - sty.Height(s)
}

// legendRows lays swatches out left to right, wrapping to new rows within
// width.
func legendRows(t Theme, items []legendItem, width vg.Length) [][]legendItem {
	sty := t.style(t.Legend, t.Ink, false)
	var rows [][]legendItem
	x := vg.Length(0)
	for _, it := range items {
		w := swatch + 4 + sty.Width(it.Label) + swatchGap
		if len(rows) == 0 || x+w > width {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], it)
		x += w
	}
	return rows
}

const (
	swatch    vg.Length = 10
	swatchGap vg.Length = 14
)

func (t Theme) legendRowH() vg.Length { return t.Legend * 1.6 }

// drawLegend draws the legend along the bottom of c and returns the height
// used.
func drawLegend(c draw.Canvas, t Theme, items []legendItem) vg.Length {
	sty := t.style(t.Legend, t.Ink, false)
	sty.YAlign = -0.5
	rows := legendRows(t, items, c.Size().X)
	rowH := t.legendRowH()
	for r, row := range rows {
		y := c.Min.Y + rowH*vg.Length(len(rows)-r) - rowH/2
		x := c.Min.X + (c.Size().X-rowWidth(sty, row))/2
		for _, it := range row {
			c.FillPolygon(it.Color, rectPts(x, y-swatch/2, x+swatch, y+swatch/2))
			c.FillText(sty, vg.Point{X: x + swatch + 4, Y: y}, it.Label)
			x += swatch + 4 + sty.Width(it.Label) + swatchGap
		}
	}
	return rowH * vg.Length(len(rows))
}

func rowWidth(sty draw.TextStyle, row []legendItem) vg.Length {
	w := -swatchGap
	for _, it := range row {
		w += swatch + 4 + sty.Width(it.Label) + swatchGap
	}
	return w
}

// fit returns the canvas height that leaves plotH for the plot (axes
// included) after the title, subtitle, legend and note.
func (f figure) fit(t Theme, plotH vg.Length) vg.Length {
	h := 2*margin + t.style(t.Title, t.Ink, true).Height(f.Title) + 8 + plotH
	if f.Subtitle != "" {
		h += t.style(t.Subtitle, t.Muted, false).Height(f.Subtitle) + 3
	}
	if f.Note != "" {
		h += t.style(t.Legend, t.Muted, false).Height(f.Note) + 6
	}
	if len(f.Legend) > 0 {
		rows := legendRows(t, f.Legend, t.Width-2*margin)
		h += t.legendRowH()*vg.Length(len(rows)) + 8
	}
	return h
}

func rectPts(x0, y0, x1, y1 vg.Length) []vg.Point {
	return []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
}

// fontFallback widens the SVG font-family so a browser without Liberation
// Sans picks a metric-compatible face (Arial) or at least a sans one: gonum
// measured the text with Liberation Sans, and fonts are not embedded.
func fontFallback(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
}

// newPlot returns a plot styled by the theme with no title (the figure
// draws it) and quiet axes.
func newPlot(t Theme) *plot.Plot {
	setupFonts()
	p := plot.New()
	p.BackgroundColor = nil
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Label = t.style(t.Tick, t.Ink, false)
		a.Label.TextStyle = t.style(t.Label, t.Muted, false)
		a.LineStyle.Color = t.Muted
		a.LineStyle.Width = 0.5
		a.Tick.LineStyle.Color = t.Muted
		a.Tick.LineStyle.Width = 0.5
		a.Tick.Length = 3
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = -0.5, -1
	p.X.Label.Padding = 6
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = -1, tickMidY
	// Category axes need no line or marks: the labels carry them.
	p.Y.LineStyle.Width = 0
	p.Y.Tick.Length = 0
	return p
}

// categoryTicks labels integer positions 0..n-1 with labels (bottom up).
func categoryTicks(labels []string) plot.ConstantTicks {
	ticks := make(plot.ConstantTicks, len(labels))
	for i, l := range labels {
		ticks[i] = plot.Tick{Value: float64(i), Label: l}
	}
	return ticks
}

// Vertical alignments that put the middle of the capitals on a bar's
// centre line. gonum's YCenter centres the ascent+descent box instead,
// which reads as slightly off beside a bar; the y axis also adds the
// descent to each tick position. Derived from Liberation Sans metrics
// (ascent 0.905, descent 0.212, cap height 0.729 em); -0.58 is a
// compromise between one- and two-line tick labels.
const (
	labelMidY = -0.41
	tickMidY  = -0.58
)

// beside is the style of text placed beside a bar.
func (t Theme) beside(size vg.Length, c color.Color) draw.TextStyle {
	s := t.style(size, c, false)
	s.YAlign = labelMidY
	return s
}

// oneLine flattens wrapped text for alt text and titles.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
