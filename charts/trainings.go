package charts

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/trainings"
	"needsmap/data/schema"
)

var typeLabels = []string{"Trainings", "Presentations", "Other events"}

// TrainingsByQuarter draws the statewide events per quarter (every
// region's and statewide events), stacked by type, with the total and the
// attendance reported in the alt text. Attendees are professionals, not
// survivors: nothing is suppressed.
func TrainingsByQuarter(rows []trainings.Row) (Chart, error) {
	t := DefaultTheme
	var qs []trainings.Row
	var total trainings.Row
	for _, r := range rows {
		if r.Scope != schema.StatewideRegion {
			continue
		}
		if r.Quarter == trainings.AllQuarters {
			total = r
			continue
		}
		qs = append(qs, r)
	}
	title := "Trainings and presentations per quarter"
	c := Chart{Name: "trainings_by_quarter", Scope: schema.StatewideRegion, Title: title}
	f := figure{Title: title, Message: "No events", Height: 2 * vg.Inch,
		Subtitle: fmt.Sprintf("%d events in all, reaching %d professionals (attendance recorded at %d events).",
			total.Events, total.Attendance, total.Reported)}
	if len(qs) > 0 {
		f.Plot = trainingsPlot(qs, t)
		for i, n := range typeLabels {
			f.Legend = append(f.Legend, legendItem{n, t.Stack[[]int{0, 4, 1}[i]]})
		}
		f.Height = f.fit(t, 2.6*vg.Inch)
	}
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = fmt.Sprintf("%s %d events (%d trainings, %d presentations, %d other), attendance %d",
			schema.QuarterLabel(q.Quarter), q.Events, q.ByType[0], q.ByType[1], q.ByType[2], q.Attendance)
	}
	c.Alt = title + ": " + strings.Join(parts, "; ") + "."
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

func trainingsPlot(qs []trainings.Row, t Theme) *plot.Plot {
	p := newPlot(t)
	top := 0
	for _, q := range qs {
		top = max(top, q.Events)
	}
	step := countStep(float64(top))
	p.X.Min, p.X.Max = -0.6, float64(len(qs))-0.4
	p.Y.Min, p.Y.Max = 0, math.Ceil(float64(top)*1.12/step)*step
	p.Y.Label.Text = "Events"
	ticks := make([]string, len(qs))
	for i, q := range qs {
		ticks[i] = quarterTick(q.Quarter)
	}
	p.X.Tick.Marker = categoryTicks(ticks)
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
	cols := columns{Width: 0.66}
	tops := clabels{Dy: 3, Style: t.style(t.Legend, t.Ink, false)}
	for i, q := range qs {
		y := 0.0
		for j, v := range q.ByType {
			cols.Items = append(cols.Items, column{X: float64(i), Y0: y, Y1: y + float64(v), Color: t.Stack[[]int{0, 4, 1}[j]]})
			y += float64(v)
		}
		tops.Items = append(tops.Items, label{X: float64(i), Y: y, Text: fmt.Sprint(q.Events)})
	}
	p.Add(grid, cols, tops)
	return p
}
