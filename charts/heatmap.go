package charts

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/gaps"
)

// gapColors are ColorBrewer's YlOrRd, five classes (rated colour-blind
// safe): a larger gap is darker.
var gapColors = []color.Color{
	color.RGBA{0xFF, 0xFF, 0xB2, 0xff}, color.RGBA{0xFE, 0xCC, 0x5C, 0xff}, color.RGBA{0xFD, 0x8D, 0x3C, 0xff},
	color.RGBA{0xF0, 0x3B, 0x20, 0xff}, color.RGBA{0xBD, 0x00, 0x26, 0xff},
}

// noData fills a cell or county with nothing to show.
var noData = color.RGBA{0xE4, 0xE4, 0xE4, 0xff}

// gapClass is the colour class of a gap: 0–20, 20–40, … 80–100.
func gapClass(g float64) int { return min(int(g/20), len(gapColors)-1) }

// GapHeatmap draws the gap scores (population "all") as a grid: one row
// per category (single categories by statewide gap, then the combined
// ones), one column per scope, each cell coloured by its gap class and
// labelled with the gap. Cells without a gap (no need known) are grey.
func GapHeatmap(res *gaps.Result) (Chart, error) {
	return gapHeatmap(res, DefaultTheme)
}

// heatCell is one drawn cell.
type heatCell struct {
	X, Y int
	Gap  float64 // NaN: no gap
}

type heatmap struct {
	Cells []heatCell
	Ink   draw.TextStyle
}

func (h heatmap) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, cell := range h.Cells {
		x0, x1 := tx(float64(cell.X)-0.5), tx(float64(cell.X)+0.5)
		y0, y1 := ty(float64(cell.Y)-0.5), ty(float64(cell.Y)+0.5)
		var fill color.Color = noData
		text, ink := "–", h.Ink
		if !math.IsNaN(cell.Gap) {
			k := gapClass(cell.Gap)
			fill, text = gapColors[k], fmt.Sprintf("%.0f", cell.Gap)
			if k >= 3 {
				ink.Color = color.White
			}
		}
		pts := rectPts(x0, y0, x1, y1)
		c.FillPolygon(fill, pts)
		c.StrokeLines(draw.LineStyle{Color: color.White, Width: 1}, append(pts, pts[0]))
		c.FillText(ink, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, text)
	}
}

func gapHeatmap(res *gaps.Result, t Theme) (Chart, error) {
	if res == nil || len(res.Scopes) == 0 {
		return Chart{}, fmt.Errorf("charts: no gap result")
	}
	items := heatItems(res)
	title := "Gap scores by region and service"
	c := Chart{Name: "gap_heatmap", Scope: gaps.StatewideScope, Title: title}
	f := figure{Title: title, Message: "No need known: run with a survey to score gaps"}
	if !res.HasNeed {
		f.Height = 2 * vg.Inch
		c.Alt = title + ": no gap scores, because the run has no survey to measure need."
		var err error
		c.SVG, c.PNG, err = f.render(t)
		return c, err
	}
	f.Subtitle = wrap("0 = no gap, 100 = the highest need with no resource in reach. Gap = 100 × need × (1 − weighted supply, "+
		"coverage and access); see the methods section. Grey: need not known.", 100)
	for k := range gapColors {
		f.Legend = append(f.Legend, legendItem{fmt.Sprintf("%d–%d", 20*k, 20*k+20), gapColors[k]})
	}
	f.Legend = append(f.Legend, legendItem{"no need known", noData})
	f.Plot = heatPlot(res, items, t)
	f.Height = f.fit(t, vg.Length(len(items))*0.3*vg.Inch+0.9*vg.Inch)
	c.Alt = heatAlt(res, items, title)
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

// heatItems orders the rows: single categories by statewide gap, largest
// first, then the combined categories.
func heatItems(res *gaps.Result) []gaps.Item {
	gap := func(it gaps.Item) float64 {
		r, _ := res.Row(gaps.StatewideScope, it.Key, gaps.PopulationAll)
		if math.IsNaN(r.Gap) {
			return -1
		}
		return r.Gap
	}
	var single, combined []gaps.Item
	for _, it := range res.Items {
		if it.View == gaps.ViewSingle {
			single = append(single, it)
		} else {
			combined = append(combined, it)
		}
	}
	slices.SortStableFunc(single, func(a, b gaps.Item) int {
		ga, gb := gap(a), gap(b)
		switch {
		case ga > gb:
			return -1
		case ga < gb:
			return 1
		}
		return 0
	})
	return append(single, combined...)
}

func heatPlot(res *gaps.Result, items []gaps.Item, t Theme) *plot.Plot {
	p := newPlot(t)
	n := len(items)
	p.X.Min, p.X.Max = -0.5, float64(len(res.Scopes))-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	labels := make([]string, n)
	h := heatmap{Ink: t.style(t.Tick-1, t.Ink, false)}
	h.Ink.XAlign, h.Ink.YAlign = -0.5, labelMidY
	for i, it := range items {
		y := n - 1 - i
		label := it.Label
		if it.View == gaps.ViewCombined {
			label = "Combined: " + label
		}
		labels[y] = shorten(label, 50)
		for x, s := range res.Scopes {
			r, _ := res.Row(s, it.Key, gaps.PopulationAll)
			h.Cells = append(h.Cells, heatCell{X: x, Y: y, Gap: r.Gap})
		}
	}
	p.Y.Tick.Marker = categoryTicks(labels)
	p.Y.Tick.Label.Font.Size = t.Tick - 1
	xt := make(plot.ConstantTicks, len(res.Scopes))
	for i, s := range res.Scopes {
		xt[i] = plot.Tick{Value: float64(i), Label: s}
	}
	p.X.Tick.Marker = xt
	p.X.Tick.Label.Rotation = math.Pi / 5
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = -1, -0.6
	p.X.LineStyle.Width, p.X.Tick.Length = 0, 0
	p.Add(h)
	return p
}

// shorten cuts a label to n runes with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func heatAlt(res *gaps.Result, items []gaps.Item, title string) string {
	var b strings.Builder
	b.WriteString(title + ". Largest gap per region: ")
	for i, s := range res.Scopes {
		if i > 0 {
			b.WriteString("; ")
		}
		top := res.Top(s, gaps.PopulationAll, 1)
		if len(top) == 0 {
			fmt.Fprintf(&b, "%s none", s)
			continue
		}
		fmt.Fprintf(&b, "%s %s (%.0f)", s, top[0].Item.Label, top[0].Gap)
	}
	b.WriteString(". Statewide, by category: ")
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		r, _ := res.Row(gaps.StatewideScope, it.Key, gaps.PopulationAll)
		fmt.Fprintf(&b, "%s %s", it.Label, gapText(r.Gap))
	}
	return b.String() + "."
}

func gapText(g float64) string {
	if math.IsNaN(g) {
		return "no gap score"
	}
	return fmt.Sprintf("%.0f", g)
}
