package charts

import (
	"fmt"
	"math"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
)

// suppressedText labels a hidden count. It does not say "<11": a
// complementary suppression can hide a large count, and telling primary
// from complementary cells apart would itself narrow them down.
const suppressedText = "suppressed"

// Survivors draws survivors served in the past twelve months per region
// (every grid row but Statewide, in grid order). With suppressed true,
// only published totals are drawn: a suppressed region gets no bar and the
// label "suppressed", and neither the axis range nor the text depends on a
// hidden value. With suppressed false (internal use, after disclosure
// control was turned off) every count is drawn, broken down by trafficking
// type, and the title says "UNSUPPRESSED — internal use only".
func Survivors(res snapshot.Result, suppressed bool) (Chart, error) {
	return survivorsChart(res, suppressed, DefaultTheme)
}

// survivorBar is what may be drawn for one region.
type survivorBar struct {
	Region string
	Shown  bool  // false: suppressed, draw nothing
	Total  int   // valid only when Shown
	Parts  []int // type breakdown, internal charts only
}

// typeCols are the grid columns of the internal breakdown, in stack order.
var typeCols = []int{snapshot.ColSex, snapshot.ColLabor, snapshot.ColBoth, snapshot.ColTypeNotReported}

var typeNames = []string{"Sex trafficking", "Labor trafficking", "Both", "Type not reported"}

// survivorBars reads what may be published from the grid. It is the only
// place that touches cell values, so the privacy rule lives in one spot.
func survivorBars(res snapshot.Result, suppressed bool) (bars []survivorBar, state *survivorBar) {
	g := res.Grid
	for i, row := range g.Rows {
		cell := g.Cells[i][snapshot.ColSurvivors]
		b := survivorBar{Region: row, Shown: !suppressed || !cell.Suppressed}
		if b.Shown {
			b.Total = max(cell.Value, 0)
		}
		if !suppressed {
			for _, c := range typeCols {
				b.Parts = append(b.Parts, max(g.Cells[i][c].Value, 0))
			}
		}
		if row == needs.StatewideScope {
			state = &b
			continue
		}
		bars = append(bars, b)
	}
	return bars, state
}

func survivorsChart(res snapshot.Result, suppressed bool, t Theme) (Chart, error) {
	if res.Grid == nil || len(res.Grid.Cols) <= snapshot.ColTypeNotReported {
		return Chart{}, fmt.Errorf("charts: survivors grid is missing or has too few columns")
	}
	rows, state := survivorBars(res, suppressed)
	title := "Survivors served in the past 12 months, by region"
	c := Chart{Name: "survivors_by_region", Scope: needs.StatewideScope}
	if !suppressed {
		title += "\nUNSUPPRESSED — internal use only"
		c.Name += "_unsuppressed"
	}
	c.Title = oneLine(strings.Replace(title, "\n", " — ", 1))
	f := figure{Title: title, Message: "No survivors reported"}
	if len(rows) == 0 {
		f.Height = 2 * vg.Inch
	} else {
		f.Subtitle = survivorsSubtitle(state, suppressed)
		f.Plot = survivorsPlot(rows, suppressed, t)
		if !suppressed {
			for i, n := range typeNames {
				f.Legend = append(f.Legend, legendItem{n, t.Stack[i]})
			}
		}
		f.Height = f.fit(t, vg.Length(len(rows))*0.36*vg.Inch+0.55*vg.Inch)
	}
	c.Alt = survivorsAlt(c.Title, rows, state, suppressed)
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

func survivorsSubtitle(state *survivorBar, suppressed bool) string {
	s := "Survivors reported by responding providers."
	if state != nil && state.Shown {
		s += fmt.Sprintf(" Statewide total: %d.", state.Total)
	}
	if suppressed {
		s += " Counts that could identify survivors are suppressed (small-cell rule with complementary suppression)."
	} else {
		s += " Small counts are NOT suppressed: do not publish."
	}
	return wrap(s, 100)
}

func survivorsPlot(rows []survivorBar, suppressed bool, t Theme) *plot.Plot {
	p := newPlot(t)
	top := 0
	for _, r := range rows {
		if r.Shown {
			top = max(top, r.Total)
		}
	}
	step := countStep(float64(top))
	p.X.Min, p.X.Max = 0, math.Ceil(float64(top)/step)*step
	p.Y.Min, p.Y.Max = -0.5, float64(len(rows))-0.5
	p.X.Label.Text = "Survivors served"
	m := survivorMarks(rows, suppressed, t)
	p.Y.Tick.Marker = categoryTicks(m.cats)
	grid := vlines{Line: draw.LineStyle{Color: t.Grid, Width: 0.6}}
	var ticks plot.ConstantTicks
	for x := 0.0; x <= p.X.Max; x += step {
		ticks = append(ticks, plot.Tick{Value: x, Label: fmt.Sprint(x)})
		if x > 0 {
			grid.Xs = append(grid.Xs, x)
		}
	}
	p.X.Tick.Marker = ticks
	p.Add(grid, m.bars, m.shown, m.hidden)
	return p
}

// marks is what a bar chart draws, kept apart from the plot so tests can
// check exactly what would be drawn.
type marks struct {
	bars          bars
	shown, hidden labels
	cats          []string // y tick labels, bottom up
}

// survivorMarks draws published totals (or, internally, the type
// breakdown); a suppressed row gets only the word "suppressed" at zero.
func survivorMarks(rows []survivorBar, suppressed bool, t Theme) marks {
	k := len(rows)
	m := marks{bars: bars{Thickness: 0.62}, cats: make([]string, k),
		shown:  labels{Dx: 6, Style: t.beside(t.Label, t.Ink), Pad: true},
		hidden: labels{Dx: 6, Style: t.beside(t.Label, t.Muted), Pad: true}}
	m.hidden.Style.Font.Style = xfont.StyleItalic
	for i, r := range rows {
		y := float64(k - 1 - i)
		m.cats[k-1-i] = r.Region
		if !r.Shown {
			m.hidden.Items = append(m.hidden.Items, label{X: 0, Y: y, Text: suppressedText})
			continue
		}
		if suppressed {
			m.bars.Segs = append(m.bars.Segs, segment{Y: y, X0: 0, X1: float64(r.Total), Color: t.Bar})
		}
		x := 0.0
		for j, v := range r.Parts {
			m.bars.Segs = append(m.bars.Segs, segment{Y: y, X0: x, X1: x + float64(v), Color: t.Stack[j]})
			x += float64(v)
		}
		m.shown.Items = append(m.shown.Items, label{X: math.Max(x, float64(r.Total)), Y: y, Text: fmt.Sprint(r.Total)})
	}
	return m
}

// countStep picks a round tick step (whole numbers, at most six steps to
// reach x) for a count axis; an all-suppressed chart still gets a range.
func countStep(x float64) float64 {
	if x < 1 {
		return 2
	}
	pow := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5} {
		if step := m * pow; step >= 1 && math.Ceil(x/step) <= 6 {
			return step
		}
	}
	return 10 * pow
}

func survivorsAlt(title string, rows []survivorBar, state *survivorBar, suppressed bool) string {
	var b strings.Builder
	b.WriteString(title + ": ")
	if len(rows) == 0 {
		b.WriteString("no survivors reported.")
		return b.String()
	}
	for i, r := range rows {
		if i > 0 {
			b.WriteString("; ")
		}
		if !r.Shown {
			fmt.Fprintf(&b, "%s %s", r.Region, suppressedText)
			continue
		}
		fmt.Fprintf(&b, "%s %d", r.Region, r.Total)
		if !suppressed {
			parts := make([]string, len(r.Parts))
			for j, v := range r.Parts {
				parts[j] = fmt.Sprintf("%s %d", strings.ToLower(typeNames[j]), v)
			}
			b.WriteString(" (" + strings.Join(parts, ", ") + ")")
		}
	}
	b.WriteString(".")
	if state != nil && state.Shown {
		fmt.Fprintf(&b, " Statewide total %d.", state.Total)
	}
	return b.String()
}
