package charts

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/needs"
)

// TopNeeds draws the plan's Figure 1: the mean rating of the scope's top n
// ranks (n distinct ranks, so tied items all show) as horizontal bars,
// highest first, with the bootstrap interval as a whisker when the result
// has one, and the rank and mean beside each bar. A scope without
// respondents gives a chart that says "No responses" rather than an error;
// an unknown scope is an error.
func TopNeeds(res *needs.Result, scope, view string, n int) (Chart, error) {
	return topChart(res, scope, view, n, DefaultTheme)
}

// TopByRegion draws the plan's Figure 4: one top-needs chart per region,
// in the order given, each showing res.Top(region, view, n). Tied items
// share a rank label ("1 (tie)") and bar length, and the subtitle and alt
// text name them. n <= 0 uses the result's configured TopN.
func TopByRegion(res *needs.Result, regions []string, view string, n int) ([]Chart, error) {
	out := make([]Chart, 0, len(regions))
	for _, r := range regions {
		c, err := topChart(res, r, view, n, DefaultTheme)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func topChart(res *needs.Result, scope, view string, n int, t Theme) (Chart, error) {
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
	if n <= 0 {
		n = max(res.TopN, 3)
	}
	rows := res.Top(scope, view, n)
	where := "in " + scope
	if scope == needs.StatewideScope {
		where = "statewide"
	}
	title := fmt.Sprintf("Top %d ranked needs %s", n, where)
	if view == needs.ViewCombined {
		title += " (combined categories)"
	}
	f := figure{Title: title, Message: "No responses"}
	c := Chart{Name: name("top_needs", scope, view), Scope: scope}
	tieText := ties(rows)
	if len(rows) == 0 {
		f.Height = 2 * vg.Inch
		c.Alt = title + ": no responses in this scope."
	} else {
		if len(tieText) > 0 {
			title += ", with ties"
		}
		f.Subtitle = topSubtitle(res, info, tieText)
		f.Plot = topPlot(res, rows, t)
		f.Height = f.fit(t, vg.Length(len(rows))*rowHeight(rows)+0.95*vg.Inch)
		c.Alt = topAlt(res, rows, title, info, tieText)
	}
	c.Title = title
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

// rowHeight leaves room for two-line category labels.
func rowHeight(rows []needs.Row) vg.Length {
	lines := 1
	for _, r := range rows {
		lines = max(lines, strings.Count(wrap(r.Label, labelWidth), "\n")+1)
	}
	return max(0.36*vg.Inch, vg.Length(lines)*DefaultTheme.Tick+12)
}

// labelWidth is the wrap width of category labels, in characters: about
// two inches at 10 pt, a third of the canvas.
const labelWidth = 30

func topSubtitle(res *needs.Result, info needs.ScopeInfo, tieText []string) string {
	s := fmt.Sprintf("Mean need rating, %d responding providers. Ranked by %s.", info.Respondents, res.Metric)
	if res.Replicates > 0 {
		s += fmt.Sprintf(" Whiskers: %.0f%% bootstrap interval.", 100*res.Confidence)
	}
	if info.LowN {
		s += fmt.Sprintf(" Fewer than %d respondents: interpret with caution.", res.MinRespondents)
	}
	if len(tieText) > 0 {
		s += " Ties: " + strings.Join(tieText, "; ") + "."
	}
	return wrap(s, 100)
}

func topPlot(res *needs.Result, rows []needs.Row, t Theme) *plot.Plot {
	p := newPlot(t)
	top := maxLevel(res, rows)
	p.X.Min, p.X.Max = 0, float64(top)
	p.Y.Min, p.Y.Max = -0.5, float64(len(rows))-0.5
	p.X.Label.Text = "Mean rating"
	p.X.Tick.Marker = levelTicks(res, top)
	m, iv := topMarks(rows, t)
	p.Y.Tick.Marker = categoryTicks(m.cats)
	grid := vlines{Line: draw.LineStyle{Color: t.Grid, Width: 0.6}}
	for v := 1; v <= top; v++ {
		grid.Xs = append(grid.Xs, float64(v))
	}
	p.Add(grid, m.bars, iv, m.shown)
	return p
}

// topMarks draws one bar per row, rank 1 at the top; tied rows get the
// same rank label, and (having the same mean) the same length.
func topMarks(rows []needs.Row, t Theme) (marks, intervals) {
	k := len(rows)
	m := marks{bars: bars{Thickness: 0.62}, cats: make([]string, k),
		shown: labels{Dx: 6, Style: t.beside(t.Label, t.Ink), Pad: true}}
	iv := intervals{Cap: 4, Line: draw.LineStyle{Color: t.Interval, Width: 1.2}}
	isTie := tied(rows)
	for i, r := range rows {
		y := float64(k - 1 - i)
		m.cats[k-1-i] = wrap(r.Label, labelWidth)
		if !finite(r.Mean) {
			continue
		}
		m.bars.Segs = append(m.bars.Segs, segment{Y: y, X0: 0, X1: r.Mean, Color: t.Bar})
		end := r.Mean
		if hasInterval(r) {
			iv.Items = append(iv.Items, interval{Y: y, Lo: r.MeanLow, Hi: r.MeanHigh})
			end = max(end, r.MeanHigh)
		}
		m.shown.Items = append(m.shown.Items, label{X: end, Y: y,
			Text: fmt.Sprintf("#%s   %.2f", rankLabel(r.Rank, isTie[i]), r.Mean)})
	}
	return m, iv
}

// maxLevel is the top of the need scale.
func maxLevel(res *needs.Result, rows []needs.Row) int {
	if n := len(res.Levels); n > 0 {
		return res.Levels[n-1].Value
	}
	if len(rows) > 0 && len(rows[0].Dist) > 1 {
		return len(rows[0].Dist) - 1
	}
	return 4
}

// levelTicks labels each scale point with its number and wrapped label.
func levelTicks(res *needs.Result, top int) plot.ConstantTicks {
	ticks := make(plot.ConstantTicks, 0, top+1)
	for v := 0; v <= top; v++ {
		ticks = append(ticks, plot.Tick{Value: float64(v),
			Label: fmt.Sprintf("%d\n%s", v, wrap(levelLabel(res.Levels, v), 12))})
	}
	return ticks
}

func topAlt(res *needs.Result, rows []needs.Row, title string, info needs.ScopeInfo, tieText []string) string {
	top := maxLevel(res, rows)
	var b strings.Builder
	fmt.Fprintf(&b, "%s, by mean rating on a 0 to %d scale (0 = %s, %d = %s), %d respondents: ",
		title, top, levelLabel(res.Levels, 0), top, levelLabel(res.Levels, top), info.Respondents)
	isTie := tied(rows)
	for i, r := range rows {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s, mean %.2f", rankLabel(r.Rank, isTie[i]), r.Label, r.Mean)
		if hasInterval(r) {
			fmt.Fprintf(&b, " (%.0f%% CI %.2f–%.2f)", 100*res.Confidence, r.MeanLow, r.MeanHigh)
		}
	}
	b.WriteString(".")
	if len(tieText) > 0 {
		b.WriteString(" Ties: " + strings.Join(tieText, "; ") + ".")
	}
	return b.String()
}
