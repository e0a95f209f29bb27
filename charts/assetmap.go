package charts

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/analysis/gaps"
)

// maxAssetGroups is how many kinds of resources an asset map shows around
// its need; the rest are drawn as one "other kinds" node.
const maxAssetGroups = 8

// AssetMap draws the plan's asset maps (its Figures 2–19) from the
// resource guide: the need in the middle, with its need level and gap,
// and around it the kinds of organisations in the scope that offer it —
// their count and how many are human-trafficking specific and trained —
// plus one node for the statewide and telehealth services.
func AssetMap(res *gaps.Result, scope, key string) (Chart, error) {
	return assetMap(res, scope, key, DefaultTheme)
}

func assetMap(res *gaps.Result, scope, key string, t Theme) (Chart, error) {
	it, idx := findItem(res, key)
	if idx < 0 {
		return Chart{}, fmt.Errorf("charts: asset map: unknown category %q", key)
	}
	row, ok := res.Row(scope, key, gaps.PopulationAll)
	if !ok {
		return Chart{}, fmt.Errorf("charts: asset map: unknown scope %q", scope)
	}
	groups := foldGroups(res.Assets(scope, key))
	where := scope
	if scope == gaps.StatewideScope {
		where = "statewide"
	}
	title := fmt.Sprintf("Asset map: %s, %s", it.Label, where)
	c := Chart{Name: "asset_map_" + slug(scope) + "_" + key, Scope: scope, Title: title}
	f := figure{Title: wrap(title, 62), Subtitle: wrap(assetSubtitle(row, groups, scope), 100)}
	p := newPlot(t)
	p.HideAxes()
	p.Add(assetPlot{centre: centreText(it, row), groups: groups, theme: t})
	f.Plot = p
	plotH := 4.4 * vg.Inch
	if len(groups) <= 2 {
		plotH = 2.4 * vg.Inch // one row: the need and at most a node each side
	}
	f.Height = f.fit(t, plotH)
	c.Alt = assetAlt(title, row, groups)
	var err error
	c.SVG, c.PNG, err = f.render(t)
	return c, err
}

// foldGroups keeps the largest kinds and folds the rest into one node.
func foldGroups(gs []gaps.AssetGroup) []gaps.AssetGroup {
	var local, remote []gaps.AssetGroup
	for _, g := range gs {
		if g.Remote {
			remote = append(remote, g)
		} else {
			local = append(local, g)
		}
	}
	room := maxAssetGroups - len(remote)
	if len(local) > room {
		other := gaps.AssetGroup{Sector: fmt.Sprintf("Other kinds (%d)", len(local)-room+1)}
		for _, g := range local[room-1:] {
			other.Count += g.Count
			other.HTSpecific += g.HTSpecific
			other.Trained += g.Trained
		}
		local = append(local[:room-1], other)
	}
	return append(local, remote...)
}

func groupName(g gaps.AssetGroup) string {
	switch {
	case g.Remote:
		return "Statewide and telehealth"
	case g.Sector == "":
		return "Kind not stated"
	}
	return g.Sector
}

func centreText(it gaps.Item, row gaps.Row) []string {
	lines := strings.Split(wrap(it.Label, 26), "\n")
	if math.IsNaN(row.Need) {
		return append(lines, "need not known")
	}
	return append(lines, fmt.Sprintf("need %.2f · gap %.0f", row.Need, row.Gap))
}

func assetSubtitle(row gaps.Row, groups []gaps.AssetGroup, scope string) string {
	n, ht, tr := 0, 0, 0
	for _, g := range groups {
		if !g.Remote {
			n, ht, tr = n+g.Count, ht+g.HTSpecific, tr+g.Trained
		}
	}
	where := "in the region"
	if scope == gaps.StatewideScope {
		where = "in the regions"
	}
	s := "No resource in the guide with a site " + where + " offers it"
	if n > 0 {
		s = fmt.Sprintf("Resources in the guide that offer it, by kind of organisation: %d %s (%s HT-specific, %s trained)",
			n, where, share(ht, n), share(tr, n))
	}
	if row.Remote > 0 {
		s += fmt.Sprintf(", and %d statewide or telehealth", row.Remote)
	}
	return s + "."
}

func share(k, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(k)/float64(n))
}

func assetAlt(title string, row gaps.Row, groups []gaps.AssetGroup) string {
	s := title + ". "
	if !math.IsNaN(row.Need) {
		s += fmt.Sprintf("Need %.2f, gap %.0f. ", row.Need, row.Gap)
	}
	if len(groups) == 0 {
		return s + "No resource in the guide offers it here."
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = fmt.Sprintf("%s %d (HT-specific %d, trained %d)", groupName(g), g.Count, g.HTSpecific, g.Trained)
	}
	return s + "Around it: " + strings.Join(parts, "; ") + "."
}

// assetPlot draws the need and the nodes around it in canvas units.
type assetPlot struct {
	centre []string
	groups []gaps.AssetGroup
	theme  Theme
}

var (
	nodeFill   = color.RGBA{0xDC, 0xEA, 0xF6, 0xff}
	remoteFill = color.RGBA{0xF2, 0xF2, 0xF2, 0xff}
)

func (a assetPlot) Plot(c draw.Canvas, _ *plot.Plot) {
	t := a.theme
	mid := c.Center()
	nodeW, nodeH := 1.75*vg.Inch, 0.82*vg.Inch
	rx := (c.Max.X-c.Min.X)/2 - nodeW/2 - 4
	ry := (c.Max.Y-c.Min.Y)/2 - nodeH/2 - 4
	centres := make([]vg.Point, len(a.groups))
	for i := range a.groups {
		start := math.Pi / 2 // the first (largest) kind on top…
		if len(a.groups) <= 2 {
			start = 0 // …or, with one or two, beside the need, where there is room
		}
		angle := start - 2*math.Pi*float64(i)/float64(len(a.groups))
		centres[i] = vg.Point{X: mid.X + rx*vg.Length(math.Cos(angle)), Y: mid.Y + ry*vg.Length(math.Sin(angle))}
		c.StrokeLine2(draw.LineStyle{Color: t.Grid, Width: 1.2}, mid.X, mid.Y, centres[i].X, centres[i].Y)
	}
	for i, g := range a.groups {
		fill, line := nodeFill, draw.LineStyle{Color: t.Bar, Width: 1}
		if g.Remote {
			fill, line = remoteFill, draw.LineStyle{Color: t.Muted, Width: 1, Dashes: []vg.Length{3, 2}}
		}
		box(c, centres[i], nodeW, nodeH, fill, line)
		name := t.style(t.Legend, t.Ink, true)
		body := t.style(t.Legend-0.5, t.Ink, false)
		lines := []textLine{}
		for _, l := range strings.Split(wrap(groupName(g), 24), "\n") {
			lines = append(lines, textLine{l, name})
		}
		lines = append(lines, textLine{countText(g.Count), body},
			textLine{fmt.Sprintf("%d HT-specific · %d trained", g.HTSpecific, g.Trained), body})
		centredLines(c, centres[i], lines)
	}
	box(c, mid, 2.1*vg.Inch, 0.95*vg.Inch, t.Bar, draw.LineStyle{Color: t.Bar, Width: 1})
	white := t.style(t.Label, color.White, true)
	var lines []textLine
	for _, l := range a.centre {
		lines = append(lines, textLine{l, white})
	}
	lines[len(lines)-1].style = t.style(t.Legend, color.White, false)
	if len(a.groups) == 0 {
		note := t.style(t.Label, t.Muted, false)
		centredLines(c, vg.Point{X: mid.X, Y: mid.Y - 0.8*vg.Inch}, []textLine{{"No resource in the guide offers this here.", note}})
	}
	centredLines(c, mid, lines)
}

func countText(n int) string {
	if n == 1 {
		return "1 resource"
	}
	return fmt.Sprintf("%d resources", n)
}

type textLine struct {
	text  string
	style draw.TextStyle
}

// centredLines draws lines of text centred on at, as a block.
func centredLines(c draw.Canvas, at vg.Point, lines []textLine) {
	total := vg.Length(0)
	for _, l := range lines {
		total += l.style.Height(l.text)
	}
	y := at.Y + total/2
	for _, l := range lines {
		sty := l.style
		sty.XAlign, sty.YAlign = -0.5, -1
		c.FillText(sty, vg.Point{X: at.X, Y: y}, l.text)
		y -= sty.Height(l.text)
	}
}

// box draws a rounded rectangle centred on at.
func box(c draw.Canvas, at vg.Point, w, h vg.Length, fill color.Color, line draw.LineStyle) {
	r := vg.Length(8)
	x0, y0, x1, y1 := at.X-w/2, at.Y-h/2, at.X+w/2, at.Y+h/2
	var p vg.Path
	p.Move(vg.Point{X: x0 + r, Y: y0})
	p.Line(vg.Point{X: x1 - r, Y: y0})
	p.Arc(vg.Point{X: x1 - r, Y: y0 + r}, r, -math.Pi/2, math.Pi/2)
	p.Line(vg.Point{X: x1, Y: y1 - r})
	p.Arc(vg.Point{X: x1 - r, Y: y1 - r}, r, 0, math.Pi/2)
	p.Line(vg.Point{X: x0 + r, Y: y1})
	p.Arc(vg.Point{X: x0 + r, Y: y1 - r}, r, math.Pi/2, math.Pi/2)
	p.Line(vg.Point{X: x0, Y: y0 + r})
	p.Arc(vg.Point{X: x0 + r, Y: y0 + r}, r, math.Pi, math.Pi/2)
	p.Close()
	c.SetColor(fill)
	c.Fill(p)
	c.SetLineStyle(line)
	c.Stroke(p)
}
