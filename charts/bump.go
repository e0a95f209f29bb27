package charts

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/needs"
	"needsmap/analysis/waves"
)

// Bump draws a bump chart of one scope's ranks in the baseline and the
// current wave: one line per need that was in the top n distinct ranks of
// either wave, coloured by whether it entered, left or stayed in the top.
// A need present in only one wave is a single point on that side.
func Bump(res *waves.Result, scope, view string, n int) (Chart, error) {
	return bumpChart(res, scope, view, n, DefaultTheme)
}

// bumpItem is one need's ranks (0 = absent or unranked in that wave).
type bumpItem struct {
	label     string
	base, cur int
	movement  string
}

func bumpChart(res *waves.Result, scope, view string, n int, t Theme) (Chart, error) {
	if res == nil {
		return Chart{}, fmt.Errorf("charts: no wave comparison")
	}
	if view == "" {
		view = needs.ViewSingle
	}
	items := bumpItems(res, scope, view)
	where := "in " + scope
	if scope == needs.StatewideScope {
		where = "statewide"
	}
	title := fmt.Sprintf("Top needs %s: %s and %s", where, res.BaselineLabel, res.CurrentLabel)
	c := Chart{Name: name("wave_ranks", scope, view), Scope: scope, Title: title}
	f := figure{Title: title, Message: "No need in the top " + fmt.Sprint(n) + " of either wave"}
	if len(items) == 0 {
		f.Height = 2 * vg.Inch
		c.Alt = title + ": no need ranked in either wave."
	} else {
		f.Subtitle = fmt.Sprintf("Rank of each need that was in the top %d ranks of either wave. Ties share a rank.", n)
		f.Plot = bumpPlot(items, res, t)
		f.Legend = bumpLegend(items, t)
		f.Height = f.fit(t, vg.Length(maxRank(items))*0.4*vg.Inch+0.9*vg.Inch)
		c.Alt = bumpAlt(title, items, res)
	}
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

// bumpItems keeps the needs that entered, left or stayed in the top.
func bumpItems(res *waves.Result, scope, view string) []bumpItem {
	var out []bumpItem
	for _, r := range res.Rows {
		if r.Scope != scope || r.View != view || r.TopN == "" {
			continue
		}
		it := bumpItem{label: r.Label, movement: r.TopN}
		if r.Baseline != nil {
			it.base = r.Baseline.Rank
		}
		if r.Current != nil {
			it.cur = r.Current.Rank
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool { return sortRank(out[i]) < sortRank(out[j]) })
	return out
}

func sortRank(it bumpItem) int {
	if it.cur > 0 {
		return it.cur
	}
	return 1000 + it.base
}

func maxRank(items []bumpItem) int {
	m := 1
	for _, it := range items {
		m = max(m, it.base, it.cur)
	}
	return m
}

// movementColor: entered in orange, left in vermilion (dashed), stayed in
// blue — Okabe–Ito colours, told apart by line style too.
func movementColor(m string) color.Color {
	switch m {
	case waves.Entered:
		return oiOrange
	case waves.Left:
		return oiVermilion
	}
	return oiBlue
}

func bumpPlot(items []bumpItem, res *waves.Result, t Theme) *plot.Plot {
	p := newPlot(t)
	top := maxRank(items)
	p.X.Min, p.X.Max = -1.25, 2.25
	p.Y.Min, p.Y.Max = -float64(top)-0.5, -0.5
	p.X.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: res.BaselineLabel}, {Value: 1, Label: res.CurrentLabel}}
	p.X.LineStyle.Width = 0
	p.X.Tick.Length = 0
	p.Y.Tick.Marker = plot.ConstantTicks{}
	p.Add(bumpLines{Items: items, Theme: t})
	return p
}

// bumpLines draws each need's line, its end points, and the labels: the
// baseline rank and need on the left, the current rank and need on the
// right.
type bumpLines struct {
	Items []bumpItem
	Theme Theme
}

func (b bumpLines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	t := b.Theme
	left, right := t.beside(t.Tick-0.5, t.Ink), t.beside(t.Tick-0.5, t.Ink)
	left.XAlign = -1
	// Two-line labels centre on their point.
	left.YAlign, right.YAlign = -0.5, -0.5
	for _, it := range b.Items {
		col := movementColor(it.movement)
		line := draw.LineStyle{Color: col, Width: 2}
		if it.movement == waves.Left {
			line.Dashes = []vg.Length{4, 3}
		}
		x0, x1 := tx(0), tx(1)
		y0, y1 := ty(-float64(it.base)), ty(-float64(it.cur))
		if it.base > 0 && it.cur > 0 {
			c.StrokeLine2(line, x0, y0, x1, y1)
		}
		dot := draw.GlyphStyle{Color: col, Radius: 3.2, Shape: draw.CircleGlyph{}}
		label := short(it.label)
		if it.base > 0 {
			c.DrawGlyph(dot, vg.Point{X: x0, Y: y0})
			c.FillText(left, vg.Point{X: x0 - 8, Y: y0}, fmt.Sprintf("%d", it.base))
			c.FillText(left, vg.Point{X: x0 - 24, Y: y0}, label)
		}
		if it.cur > 0 {
			c.DrawGlyph(dot, vg.Point{X: x1, Y: y1})
			c.FillText(right, vg.Point{X: x1 + 8, Y: y1}, fmt.Sprintf("%d", it.cur))
			c.FillText(right, vg.Point{X: x1 + 24, Y: y1}, label)
		}
	}
}

// short fits a label in two lines of 30 characters beside a point.
func short(s string) string {
	lines := strings.Split(wrap(s, 30), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = strings.TrimSpace(lines[1]) + "…"
	}
	return strings.Join(lines, "\n")
}

func bumpLegend(items []bumpItem, t Theme) []legendItem {
	seen := map[string]bool{}
	var out []legendItem
	for _, m := range []string{waves.Stayed, waves.Entered, waves.Left} {
		for _, it := range items {
			if it.movement == m && !seen[m] {
				seen[m] = true
				label := movementText(m)
				if m == waves.Left {
					label += " (dashed)"
				}
				out = append(out, legendItem{Label: label, Color: movementColor(m)})
			}
		}
	}
	return out
}

func movementText(m string) string {
	switch m {
	case waves.Entered:
		return "Entered the top"
	case waves.Left:
		return "Left the top"
	}
	return "Stayed in the top"
}

func bumpAlt(title string, items []bumpItem, res *waves.Result) string {
	var parts []string
	for _, it := range items {
		from, to := "not ranked", "not ranked"
		if it.base > 0 {
			from = fmt.Sprintf("rank %d", it.base)
		}
		if it.cur > 0 {
			to = fmt.Sprintf("rank %d", it.cur)
		}
		parts = append(parts, fmt.Sprintf("%s: %s in %s, %s in %s (%s)", it.label, from, res.BaselineLabel, to, res.CurrentLabel, strings.ToLower(movementText(it.movement))))
	}
	return title + ". " + strings.Join(parts, "; ") + "."
}
