package charts

import (
	"fmt"
	"image/color"
	"strings"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/outcomes"
	"needsmap/data/schema"
)

// standingColors are the Okabe–Ito colours of milestone standings.
var standingColors = map[outcomes.Status]color.Color{
	outcomes.Complete: oiGreen, outcomes.OnTrack: oiBlue, outcomes.DueSoon: oiOrange,
	outcomes.Overdue: oiVermilion, outcomes.Dropped: grey, outcomes.NoTarget: grey,
}

var standingNames = map[outcomes.Status]string{
	outcomes.Complete: "Complete", outcomes.OnTrack: "On track", outcomes.DueSoon: "Due soon",
	outcomes.Overdue: "Overdue", outcomes.Dropped: "Dropped", outcomes.NoTarget: "No valid target",
}

// MilestoneTimeline draws a scope's milestones in tracker order as a
// Gantt-like chart: a bar from the plan's start (start, or the chart's
// first day when NoDate) to each target, coloured by its standing on the
// as-of date (dashed line), a diamond at the target and a dot at the
// completion date. A milestone without a valid target is listed without
// a bar.
func MilestoneTimeline(as []outcomes.Assessed, scope string, start, asOf schema.Date) (Chart, error) {
	t := DefaultTheme
	var rows []outcomes.Assessed
	for _, a := range as {
		if a.Region == scope {
			rows = append(rows, a)
		}
	}
	where := "in " + scope
	if scope == schema.StatewideRegion {
		where = "statewide"
	}
	title := "Logic-model milestones " + where
	c := Chart{Name: "milestone_timeline_" + slug(scope), Scope: scope, Title: title}
	f := figure{Title: title, Message: "No milestones", Height: 2 * vg.Inch,
		Subtitle: wrap(fmt.Sprintf("Standing on %s (dashed line). Bars run from the plan's start to each target (diamond); "+
			"a black dot marks the completion date.", asOf), 100)}
	if len(rows) > 0 {
		f.Plot = timelinePlot(rows, start, asOf, t)
		for _, s := range outcomes.Statuses[:5] {
			f.Legend = append(f.Legend, legendItem{standingNames[s], standingColors[s]})
		}
		f.Height = f.fit(t, vg.Length(len(rows))*0.4*vg.Inch+0.75*vg.Inch)
	}
	c.Alt = timelineAlt(title, rows, asOf)
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

func timelinePlot(rows []outcomes.Assessed, start, asOf schema.Date, t Theme) *plot.Plot {
	lo, hi := asOf, asOf
	for _, r := range rows {
		for _, d := range []schema.Date{r.Target, r.CompletedOn} {
			if d != schema.NoDate {
				lo, hi = min(lo, d), max(hi, d)
			}
		}
	}
	if start != schema.NoDate {
		lo = min(lo, start)
	}
	lo, hi = schema.QuarterStart(lo.Quarter()), schema.QuarterEnd(hi.Quarter())
	p := newPlot(t)
	k := len(rows)
	p.X.Min, p.X.Max = float64(lo), float64(hi)+1
	p.Y.Min, p.Y.Max = -0.6, float64(k)-0.4
	p.X.Tick.Marker, p.X.LineStyle.Width = quarterTicks(lo, hi), 0
	grid := vlines{Line: draw.LineStyle{Color: t.Grid, Width: 0.6}}
	for _, tk := range p.X.Tick.Marker.(plot.ConstantTicks) {
		grid.Xs = append(grid.Xs, tk.Value)
	}
	barStart := lo
	if start != schema.NoDate {
		barStart = start
	}
	m := timelineMarks(rows, barStart, lo, t)
	p.Y.Tick.Marker = categoryTicks(m.cats)
	asOfLine := refline{X: float64(asOf) + 0.5, Text: "as of " + asOf.String(),
		Line: draw.LineStyle{Color: t.Ink, Width: 0.8, Dashes: []vg.Length{3, 3}}, Style: t.style(t.Legend, t.Ink, false),
		Left: float64(asOf-lo) > 0.7*float64(hi-lo)}
	p.Add(grid, m.bars, asOfLine, m.targets, m.done, m.hidden)
	return p
}

type milestoneMarks struct {
	bars          bars
	targets, done dots
	hidden        labels
	cats          []string
}

func timelineMarks(rows []outcomes.Assessed, barStart, lo schema.Date, t Theme) milestoneMarks {
	k := len(rows)
	m := milestoneMarks{bars: bars{Thickness: 0.34}, targets: dots{Radius: 3.6}, done: dots{Radius: 2.6},
		hidden: labels{Dx: 2, Style: t.beside(t.Legend, t.Muted)}, cats: make([]string, k)}
	m.hidden.Style.Font.Style = xfont.StyleItalic
	for i, r := range rows {
		y := float64(k - 1 - i)
		m.cats[k-1-i] = milestoneLabel(r)
		col := standingColors[r.Status]
		if r.Target == schema.NoDate {
			text := "no target"
			if r.TargetText != "" {
				text = "no valid target (" + r.TargetText + ")"
			}
			if r.Status == outcomes.Complete || r.Status == outcomes.Dropped {
				text = standingNames[r.Status] + "; " + text
			}
			at := lo
			if r.CompletedOn != schema.NoDate && r.Status == outcomes.Complete {
				at = r.CompletedOn + 12 // right of the completion dot
			}
			m.hidden.Items = append(m.hidden.Items, label{X: float64(at), Y: y, Text: text})
		} else {
			from := min(barStart, r.Target)
			m.bars.Segs = append(m.bars.Segs, segment{Y: y, X0: float64(from), X1: float64(r.Target) + 1, Color: light(col)})
			m.targets.Items = append(m.targets.Items, dot{X: float64(r.Target) + 0.5, Y: y, Color: col, Shape: diamond})
		}
		if r.CompletedOn != schema.NoDate && r.Status == outcomes.Complete {
			m.done.Items = append(m.done.Items, dot{X: float64(r.CompletedOn) + 0.5, Y: y, Color: t.Ink})
		}
	}
	return m
}

// light mixes a colour halfway to white, so bars stay behind markers.
func light(c color.Color) color.Color { return mix(c, color.White, 0.45) }

// milestoneLabel is "Short · Gain commitments from housing and…" on at
// most two lines, so the labels leave the timeline most of the width.
func milestoneLabel(a outcomes.Assessed) string {
	text := a.Outcome
	if text == "" {
		text = a.Task
	}
	if term := a.Term.String(); term != "" {
		text = strings.ToUpper(term[:1]) + term[1:] + " · " + text
	}
	lines := strings.Split(wrap(text, milestoneWidth), "\n")
	if len(lines) > 2 {
		last := []rune(lines[1])
		if len(last) > milestoneWidth-1 {
			last = last[:milestoneWidth-1]
		}
		lines = []string{lines[0], strings.TrimSpace(string(last)) + "…"}
	}
	return strings.Join(lines, "\n")
}

// milestoneWidth is the wrap width of milestone labels, in characters.
const milestoneWidth = 36

// quarterTicks marks quarter starts from lo to hi, with the year under
// each first quarter.
func quarterTicks(lo, hi schema.Date) plot.ConstantTicks {
	var out plot.ConstantTicks
	for q := lo.Quarter(); schema.QuarterStart(q) <= hi; q++ {
		text := fmt.Sprintf("Q%d", q%4+1)
		if q%4 == 0 || q == lo.Quarter() {
			text += fmt.Sprintf("\n%d", q/4)
		}
		out = append(out, plot.Tick{Value: float64(schema.QuarterStart(q)), Label: text})
	}
	return out
}

func timelineAlt(title string, rows []outcomes.Assessed, asOf schema.Date) string {
	if len(rows) == 0 {
		return title + ": no milestones."
	}
	count := map[outcomes.Status]int{}
	for _, r := range rows {
		count[r.Status]++
	}
	var parts []string
	for _, s := range outcomes.Statuses {
		if count[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[s], strings.ToLower(standingNames[s])))
		}
	}
	return fmt.Sprintf("%s on %s: %d milestones, %s.", title, asOf, len(rows), strings.Join(parts, ", "))
}
