package charts

import (
	"fmt"
	"math"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/referrals"
)

// rateRow is what may be drawn for one scope's completion rate.
type rateRow struct {
	Scope           string
	Shown           bool // false: suppressed or no outcome yet
	Why             string
	Rate, Low, High float64
}

// rateRows reads the all-services rows (Statewide first) through the same
// rule as the tables: a rate is drawn only when its counts are published.
func rateRows(res *referrals.Result) []rateRow {
	var out []rateRow
	for i, g := range res.Groups {
		if g.Service != referrals.AllServices {
			continue
		}
		r := rateRow{Scope: g.Region}
		switch {
		case !referrals.RateShown(res.ByService, i):
			r.Why = suppressedText
		case !finite(g.Rate):
			r.Why = "no outcome yet"
		default:
			r.Shown, r.Rate, r.Low, r.High = true, g.Rate, g.Low, g.High
		}
		out = append(out, r)
	}
	return out
}

// CompletionByRegion draws each scope's completion rate (completed over
// completed, not completed and declined) with its Wilson interval,
// Statewide first, then the regions, with the statewide rate as a dashed
// reference line. A rate whose counts are suppressed is not drawn and is
// labelled "suppressed". period names the reporting period.
func CompletionByRegion(res *referrals.Result, suppressed bool, period string) (Chart, error) {
	t := DefaultTheme
	rows := rateRows(res)
	title := "Referral completion rate by region"
	c := Chart{Name: "referral_completion_by_region"}
	if !suppressed {
		title += "\nUNSUPPRESSED — internal use only"
		c.Name += "_unsuppressed"
	}
	c.Title = oneLine(strings.Replace(title, "\n", " — ", 1))
	f := figure{Title: title, Message: "No referrals"}
	f.Subtitle = wrap(fmt.Sprintf("Completed ÷ (completed + not completed + declined); pending referrals left out. "+
		"Whiskers: %s Wilson interval. Period: %s.", pct(res.Confidence), period), 100)
	if len(rows) > 0 {
		f.Plot = completionPlot(rows, t)
		f.Height = f.fit(t, vg.Length(len(rows))*0.34*vg.Inch+0.6*vg.Inch)
	} else {
		f.Height = 2 * vg.Inch
	}
	c.Alt = completionAlt(c.Title, rows, res.Confidence)
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

func completionPlot(rows []rateRow, t Theme) *plot.Plot {
	p := newPlot(t)
	k := len(rows)
	p.X.Min, p.X.Max = 0, 1
	p.Y.Min, p.Y.Max = -0.6, float64(k)-0.4
	p.X.Label.Text = "Completion rate"
	var ticks plot.ConstantTicks
	grid := vlines{Line: draw.LineStyle{Color: t.Grid, Width: 0.6}}
	for v := 0.0; v <= 1.0001; v += 0.2 {
		ticks = append(ticks, plot.Tick{Value: v, Label: pct(v)})
		if v > 0 {
			grid.Xs = append(grid.Xs, v)
		}
	}
	p.X.Tick.Marker = ticks
	cats := make([]string, k)
	iv := intervals{Cap: 4, Line: draw.LineStyle{Color: t.Interval, Width: 1.2}}
	pts := dots{Radius: 4}
	shown := labels{Dx: 8, Style: t.beside(t.Label, t.Ink)}
	hidden := labels{Dx: 2, Style: t.beside(t.Label, t.Muted)}
	hidden.Style.Font.Style = xfont.StyleItalic
	var plotters []plot.Plotter
	plotters = append(plotters, grid)
	for i, r := range rows {
		y := float64(k - 1 - i)
		cats[k-1-i] = r.Scope
		if !r.Shown {
			hidden.Items = append(hidden.Items, label{X: 0, Y: y, Text: r.Why})
			continue
		}
		col := t.Bar
		if r.Scope == referrals.Statewide {
			col = t.Ink
			plotters = append(plotters, refline{X: r.Rate, Line: draw.LineStyle{Color: t.Muted, Width: 0.8,
				Dashes: []vg.Length{3, 3}}})
		}
		iv.Items = append(iv.Items, interval{Y: y, Lo: r.Low, Hi: r.High})
		pts.Items = append(pts.Items, dot{X: r.Rate, Y: y, Color: col})
		shown.Items = append(shown.Items, label{X: r.High, Y: y, Text: pct1(r.Rate)})
	}
	p.Y.Tick.Marker = categoryTicks(cats)
	p.Add(append(plotters, iv, pts, shown, hidden, reserve{Right: 40})...)
	return p
}

// pct1 formats a share with one decimal.
func pct1(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

func completionAlt(title string, rows []rateRow, level float64) string {
	var b strings.Builder
	b.WriteString(title + ": ")
	if len(rows) == 0 {
		return title + ": no referrals."
	}
	for i, r := range rows {
		if i > 0 {
			b.WriteString("; ")
		}
		if !r.Shown {
			fmt.Fprintf(&b, "%s %s", r.Scope, r.Why)
			continue
		}
		fmt.Fprintf(&b, "%s %s (%s CI %s–%s)", r.Scope, pct1(r.Rate), pct(level), pct1(r.Low), pct1(r.High))
	}
	return b.String() + "."
}

// volumeBar is what may be drawn for one quarter: the published total,
// the published status counts (-1 for a suppressed one) and Hidden, the
// rest of the total. Hidden follows from the published cells, so drawing
// it reveals nothing.
type volumeBar struct {
	Label  string
	Total  int
	Shown  bool // the total is published
	Parts  []int
	Hidden int
}

func volumeBars(res *referrals.Result, scope string) []volumeBar {
	var out []volumeBar
	g := res.ByQuarter
	for i, q := range res.QuarterGroups {
		if q.Region != scope {
			continue
		}
		cs := g.Cells[i]
		b := volumeBar{Label: quarterTick(q.Quarter), Shown: !cs[referrals.ColReferrals].Suppressed}
		if b.Shown {
			b.Total, b.Hidden = cs[referrals.ColReferrals].Value, cs[referrals.ColReferrals].Value
			for c := referrals.ColCompleted; c <= referrals.ColPending; c++ {
				v := -1
				if !cs[c].Suppressed {
					v = cs[c].Value
					b.Hidden -= v
				}
				b.Parts = append(b.Parts, v)
			}
		}
		out = append(out, b)
	}
	return out
}

// quarterTick labels a running quarter number on two lines.
func quarterTick(q int) string { return fmt.Sprintf("Q%d\n%d", q%4+1, q/4) }

// ReferralVolume draws a scope's referrals per quarter, stacked by the
// published status counts, with the statuses whose counts are suppressed
// together in grey on top; a suppressed total shows no bar.
func ReferralVolume(res *referrals.Result, scope string, suppressed bool) (Chart, error) {
	t := DefaultTheme
	bars := volumeBars(res, scope)
	where := "in " + scope
	if scope == referrals.Statewide {
		where = "statewide"
	}
	title := "Referrals per quarter " + where
	c := Chart{Name: "referral_volume_" + slug(scope), Scope: scope}
	if !suppressed {
		title += "\nUNSUPPRESSED — internal use only"
	}
	c.Title = oneLine(strings.Replace(title, "\n", " — ", 1))
	f := figure{Title: title, Message: "No referrals in the period", Height: 3.3 * vg.Inch}
	f.Subtitle = "By the quarter the referral was made, stacked by the latest status recorded."
	if len(bars) > 0 {
		f.Plot = volumePlot(bars, t)
		for i, n := range statusNames {
			f.Legend = append(f.Legend, legendItem{n, statusColors[i]})
		}
		for _, b := range bars {
			if b.Shown && b.Hidden > 0 || anyHidden(b.Parts) {
				f.Legend = append(f.Legend, legendItem{"Statuses suppressed (small counts)", hiddenColor})
				break
			}
		}
		f.Height = f.fit(t, 2.6*vg.Inch)
	}
	c.Alt = volumeAlt(c.Title, bars)
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

func volumePlot(bars []volumeBar, t Theme) *plot.Plot {
	p := newPlot(t)
	top := 0
	for _, b := range bars {
		if b.Shown {
			top = max(top, b.Total)
		}
	}
	grid := countAxes(p, t, labelsOf(bars), top, "Referrals")
	cols := columns{Width: 0.66}
	tops := clabels{Dy: 3, Style: t.style(t.Legend, t.Ink, false)}
	for i, b := range bars {
		x := float64(i)
		if !b.Shown {
			tops.Items = append(tops.Items, label{X: x, Y: 0, Text: suppressedText})
			continue
		}
		y := 0.0
		for j, v := range b.Parts {
			if v > 0 {
				cols.Items = append(cols.Items, column{X: x, Y0: y, Y1: y + float64(v), Color: statusColors[j]})
				y += float64(v)
			}
		}
		cols.Items = append(cols.Items, column{X: x, Y0: y, Y1: y + float64(b.Hidden), Color: hiddenColor})
		tops.Items = append(tops.Items, label{X: x, Y: float64(b.Total), Text: fmt.Sprint(b.Total)})
	}
	p.Add(grid, cols, tops)
	return p
}

func labelsOf(bars []volumeBar) []string {
	out := make([]string, len(bars))
	for i, b := range bars {
		out[i] = b.Label
	}
	return out
}

func volumeAlt(title string, bars []volumeBar) string {
	if len(bars) == 0 {
		return title + ": no referrals in the period."
	}
	parts := make([]string, len(bars))
	for i, b := range bars {
		q := strings.ReplaceAll(b.Label, "\n", " ")
		if !b.Shown {
			parts[i] = q + " " + suppressedText
			continue
		}
		var ss []string
		for j, v := range b.Parts {
			n := suppressedText
			if v >= 0 {
				n = fmt.Sprint(v)
			}
			ss = append(ss, strings.ToLower(statusNames[j])+" "+n)
		}
		parts[i] = fmt.Sprintf("%s %d (%s)", q, b.Total, strings.Join(ss, ", "))
	}
	return title + ": " + strings.Join(parts, "; ") + "."
}

// hlines draws full-width horizontal grid lines.
type hlines struct {
	Ys   []float64
	Line draw.LineStyle
}

func (h hlines) Plot(c draw.Canvas, p *plot.Plot) {
	_, ty := p.Transforms(&c)
	for _, y := range h.Ys {
		c.StrokeLine2(h.Line, c.Min.X, ty(y), c.Max.X, ty(y))
	}
}

func anyHidden(parts []int) bool {
	for _, v := range parts {
		if v < 0 {
			return true
		}
	}
	return false
}

// countAxes sets up a column chart of counts: a category per column on
// x, a count axis with round steps and room above the tallest column on
// y. It returns the horizontal grid lines to draw behind the columns.
func countAxes(p *plot.Plot, t Theme, categories []string, top int, label string) hlines {
	step := countStep(float64(top))
	p.X.Min, p.X.Max = -0.6, float64(len(categories))-0.4
	p.Y.Min, p.Y.Max = 0, math.Ceil(float64(top)*1.12/step)*step
	p.Y.Label.Text = label
	p.X.Tick.Marker = categoryTicks(categories)
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = -0.5, -1
	p.X.LineStyle.Width, p.X.Tick.Length, p.Y.LineStyle.Width = 0, 0, 0
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = -1, -0.5
	var yt plot.ConstantTicks
	grid := hlines{Line: draw.LineStyle{Color: t.Grid, Width: 0.6}}
	for y := 0.0; y <= p.Y.Max; y += step {
		yt = append(yt, plot.Tick{Value: y, Label: fmt.Sprint(y)})
		if y > 0 {
			grid.Ys = append(grid.Ys, y)
		}
	}
	p.Y.Tick.Marker = yt
	return grid
}
