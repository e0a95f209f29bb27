package charts

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

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
	ticks := make([]string, len(qs))
	for i, q := range qs {
		ticks[i] = quarterTick(q.Quarter)
	}
	grid := countAxes(p, t, ticks, top, "Events")
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
