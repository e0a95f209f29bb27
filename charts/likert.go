package charts

import (
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/needs"
)

// Likert draws the distribution of ratings of every item of a scope as
// diverging stacked bars: levels below the middle stack left of zero,
// levels above it right, and the middle level is split half and half, so a
// bar's lean shows the balance of need at a glance. Items are in rank
// order (rank 1 at the top), the x axis is the percent of the item's
// respondents, and each label carries the item's n. The shares of the
// levels below and above the middle are printed at the bar ends. A scope
// without respondents gives a "No responses" chart; an unknown scope is an
// error.
func Likert(res *needs.Result, scope, view string) (Chart, error) {
	return likertChart(res, scope, view, DefaultTheme)
}

func likertChart(res *needs.Result, scope, view string, t Theme) (Chart, error) {
	if res == nil {
		return Chart{}, fmt.Errorf("charts: no needs result")
	}
	info, ok := res.ScopeInfo(scope)
	if !ok {
		return Chart{}, fmt.Errorf("charts: unknown scope %q", scope)
	}
	if view == "" {
		view = needs.ViewSingle
	}
	rows := res.Scope(scope, view)
	title := "Need ratings by category, " + scopePhrase(scope)
	c := Chart{Name: name("likert", scope, view), Title: title, Scope: scope}
	f := figure{Title: title, Message: "No responses"}
	levels := maxLevel(res, rows) + 1
	if info.Respondents == 0 || len(rows) == 0 {
		f.Height = 2 * vg.Inch
		c.Alt = title + ": no responses in this scope."
	} else {
		cols := t.likert(levels)
		for v := 0; v < levels; v++ {
			f.Legend = append(f.Legend, legendItem{levelLabel(res.Levels, v), cols[v]})
		}
		f.Subtitle = wrap(fmt.Sprintf("Percent of the %d responding providers who rated each category at each level, "+
			"in rank order; the middle level is split across zero. End figures: share below and above the middle level.",
			info.Respondents), 100)
		f.Plot = likertPlot(rows, levels, cols, t)
		f.Height = f.fit(t, (vg.Length(len(rows))+headerRows)*likertRowHeight(rows)+0.6*vg.Inch)
		c.Alt = likertAlt(res, rows, title, levels)
	}
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

func scopePhrase(scope string) string {
	if scope == needs.StatewideScope {
		return "statewide"
	}
	return scope
}

// likertLabelWidth is wider than the top-needs labels: with 22 rows,
// single-line labels keep the chart from getting too tall.
const likertLabelWidth = 40

func likertLabel(r needs.Row) string {
	return wrap(r.Label, likertLabelWidth) + fmt.Sprintf(" (n=%d)", r.N)
}

func likertRowHeight(rows []needs.Row) vg.Length {
	lines := 1
	for _, r := range rows {
		lines = max(lines, strings.Count(likertLabel(r), "\n")+1)
	}
	return max(0.25*vg.Inch, vg.Length(lines)*DefaultTheme.Tick+4)
}

// diverge returns the stacked pieces of one distribution, in percent:
// [from, to) per level, lower levels to the left of zero.
func diverge(dist []int, n int) [][2]float64 {
	out := make([][2]float64, len(dist))
	if n == 0 {
		return out
	}
	share := func(v int) float64 { return 100 * float64(dist[v]) / float64(n) }
	mid := len(dist) / 2 // first level right of zero (even scales)
	left, right := 0.0, 0.0
	if len(dist)%2 == 1 {
		half := share(mid) / 2
		out[mid] = [2]float64{-half, half}
		left, right = -half, half
		mid++
	}
	for v := len(dist)/2 - 1; v >= 0; v-- {
		out[v] = [2]float64{left - share(v), left}
		left -= share(v)
	}
	for v := mid; v < len(dist); v++ {
		out[v] = [2]float64{right, right + share(v)}
		right += share(v)
	}
	return out
}

// sides returns the shares below and above the middle level.
func sides(dist []int, n int) (low, high float64) {
	if n == 0 {
		return 0, 0
	}
	for v, c := range dist {
		switch {
		case 2*v < len(dist)-1:
			low += float64(c)
		case 2*v > len(dist)-1:
			high += float64(c)
		}
	}
	return low / float64(n), high / float64(n)
}

func likertPlot(rows []needs.Row, levels int, cols []color.Color, t Theme) *plot.Plot {
	p := newPlot(t)
	k := len(rows)
	p.X.Min, p.X.Max = -100, 100
	// A header band above the first bar says which way is which; in the
	// axis label it would be wider than the data area, and gonum's padding
	// then squeezes the plot.
	p.Y.Min, p.Y.Max = -0.5, float64(k)-0.5+headerRows
	p.X.Label.Text = "% of respondents"
	p.X.Tick.Marker = percentTicks()
	cats := make([]string, k)
	b := bars{Thickness: 0.7, Separator: color.White}
	right := labels{Dx: 4, Style: t.beside(t.Legend, t.Muted)}
	left := right
	left.Dx = -4
	left.Style.XAlign = -1
	for i, r := range rows {
		y := float64(k - 1 - i)
		cats[k-1-i] = likertLabel(r)
		if r.N == 0 || len(r.Dist) != levels {
			continue
		}
		pieces := diverge(r.Dist, r.N)
		for v, pc := range pieces {
			b.Segs = append(b.Segs, segment{Y: y, X0: pc[0], X1: pc[1], Color: cols[v]})
		}
		lo, hi := sides(r.Dist, r.N)
		left.Items = append(left.Items, label{X: pieces[0][0], Y: y, Text: pct(lo)})
		right.Items = append(right.Items, label{X: pieces[levels-1][1], Y: y, Text: pct(hi)})
	}
	p.Y.Tick.Marker = categoryTicks(cats)
	grid := vlines{Line: draw.LineStyle{Color: t.Grid, Width: 0.6}, Xs: []float64{-100, -75, -50, -25, 25, 50, 75, 100}}
	zero := vlines{Line: draw.LineStyle{Color: t.Ink, Width: 0.8}, Xs: []float64{0}}
	dir := labels{Dx: 6, Style: t.beside(t.Legend, t.Ink)}
	dir.Items = []label{{X: 0, Y: float64(k) - 0.5 + headerRows/2, Text: "higher need →"}}
	back := dir
	back.Dx, back.Style.XAlign = -6, -1
	back.Items = []label{{X: 0, Y: dir.Items[0].Y, Text: "← lower need"}}
	p.Add(dir, back)
	room := right.Style.Width("100%") + 6
	p.Add(grid, b, zero, left, right, reserve{Left: room, Right: room})
	return p
}

// headerRows is the height of the direction header, in rows.
const headerRows = 0.8

func percentTicks() plot.ConstantTicks {
	var ticks plot.ConstantTicks
	for x := -100; x <= 100; x += 50 {
		l := fmt.Sprintf("%d%%", max(x, -x))
		if x == 0 {
			l = "0"
		}
		ticks = append(ticks, plot.Tick{Value: float64(x), Label: l})
	}
	return ticks
}

func likertAlt(res *needs.Result, rows []needs.Row, title string, levels int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, percent of respondents at each level, in rank order: ", title)
	for i, r := range rows {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s (n=%d)", r.Label, r.N)
		if r.N == 0 || len(r.Dist) != levels {
			b.WriteString(" no ratings")
			continue
		}
		for v, c := range r.Dist {
			sep := ", "
			if v == 0 {
				sep = ": "
			}
			fmt.Fprintf(&b, "%s%s %s", sep, levelLabel(res.Levels, v), pct(float64(c)/float64(r.N)))
		}
	}
	b.WriteString(".")
	return b.String()
}
