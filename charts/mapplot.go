package charts

import (
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"needsmap/data/schema"
)

// choropleth is a gonum plotter that draws county polygons in their own
// projection: it ignores the plot's axes and fits the map into the data
// area at one scale for both directions, so the shape is never stretched.
type choropleth struct {
	counties []mapCounty
	breaks   []float64
	labels   bool // region names (maps of several regions)
	theme    Theme
	cosLat   float64
	min, max vg.Point // projected bounding box
}

func newChoropleth(cs []mapCounty, breaks []float64, labels bool, t Theme) *choropleth {
	m := &choropleth{counties: cs, breaks: breaks, labels: labels, theme: t}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range cs {
		for _, poly := range c.Shape.Polygons {
			for _, p := range poly[0] {
				lo, hi = math.Min(lo, p.Lat), math.Max(hi, p.Lat)
			}
		}
	}
	m.cosLat = math.Cos((lo + hi) / 2 * math.Pi / 180)
	m.min = vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(lo)}
	m.max = vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(hi)}
	for _, c := range cs {
		for _, poly := range c.Shape.Polygons {
			for _, p := range poly[0] {
				x := vg.Length(p.Lon * m.cosLat)
				m.min.X, m.max.X = min(m.min.X, x), max(m.max.X, x)
			}
		}
	}
	return m
}

// aspect is the map's height over its width.
func (m *choropleth) aspect() float64 {
	return float64((m.max.Y - m.min.Y) / (m.max.X - m.min.X))
}

// transform maps lon/lat to the canvas, centred at one scale.
func (m *choropleth) transform(c draw.Canvas) func(schema.LonLat) vg.Point {
	w, h := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	dx, dy := m.max.X-m.min.X, m.max.Y-m.min.Y
	s := min(w/dx, h/dy)
	ox, oy := c.Min.X+(w-s*dx)/2, c.Min.Y+(h-s*dy)/2
	return func(p schema.LonLat) vg.Point {
		return vg.Point{X: ox + s*(vg.Length(p.Lon*m.cosLat)-m.min.X), Y: oy + s*(vg.Length(p.Lat)-m.min.Y)}
	}
}

func (m *choropleth) Plot(c draw.Canvas, _ *plot.Plot) {
	tr := m.transform(c)
	for _, mc := range m.counties {
		for _, poly := range mc.Shape.Polygons {
			path := ringsPath(poly, tr)
			c.SetColor(accessClass(mc.Value, m.breaks))
			c.Fill(path)
			c.SetLineStyle(draw.LineStyle{Color: color.White, Width: 0.5})
			c.Stroke(path)
		}
	}
	m.outlines(c, tr)
	if m.labels {
		m.regionLabels(c, tr)
	}
	// Sites go on top: a name must never hide one.
	for _, mc := range m.counties {
		if mc.Sites > 0 {
			r := 1.6 + 1.1*vg.Length(math.Sqrt(float64(mc.Sites)))
			siteDot(c, tr(schema.LonLat{Lon: mc.County.Lon, Lat: mc.County.Lat}), r)
		}
	}
}

func ringsPath(rings []schema.Ring, tr func(schema.LonLat) vg.Point) vg.Path {
	var path vg.Path
	for _, ring := range rings {
		for i, p := range ring {
			if i == 0 {
				path.Move(tr(p))
			} else {
				path.Line(tr(p))
			}
		}
		path.Close()
	}
	return path
}

// outlines draws the edges that separate a county from a county of
// another region, or from nothing: shared edges of the county shapes
// match point for point, so region borders need no polygon union.
func (m *choropleth) outlines(c draw.Canvas, tr func(schema.LonLat) vg.Point) {
	type edge struct{ a, b schema.LonLat }
	key := func(a, b schema.LonLat) edge {
		if a.Lon > b.Lon || a.Lon == b.Lon && a.Lat > b.Lat {
			a, b = b, a
		}
		return edge{a, b}
	}
	regions := map[edge][]string{}
	var order []edge
	for _, mc := range m.counties {
		for _, poly := range mc.Shape.Polygons {
			for _, ring := range poly {
				for i := 1; i < len(ring); i++ {
					k := key(ring[i-1], ring[i])
					if _, seen := regions[k]; !seen {
						order = append(order, k)
					}
					regions[k] = append(regions[k], mc.County.Region)
				}
			}
		}
	}
	sty := draw.LineStyle{Color: m.theme.Ink, Width: 1.3}
	for _, k := range order {
		if rs := regions[k]; len(rs) == 1 || rs[0] != rs[1] {
			c.StrokeLine2(sty, tr(k.a).X, tr(k.a).Y, tr(k.b).X, tr(k.b).Y)
		}
	}
}

func siteDot(c draw.Canvas, at vg.Point, r vg.Length) {
	var p vg.Path
	p.Move(vg.Point{X: at.X + r, Y: at.Y})
	p.Arc(at, r, 0, 2*math.Pi)
	p.Close()
	c.SetColor(color.White)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: color.Black, Width: 0.9})
	c.Stroke(p)
}

// regionLabels names each region at the centroid of the county without a
// site nearest the mean of its county centroids (not population-weighted,
// which would put Metro East's name on St. Louis), with a white halo so
// the name reads over any fill.
func (m *choropleth) regionLabels(c draw.Canvas, tr func(schema.LonLat) vg.Point) {
	type acc struct{ lat, lon, w float64 }
	sums := map[string]*acc{}
	var names []string
	for _, mc := range m.counties {
		a := sums[mc.County.Region]
		if a == nil {
			a = &acc{}
			sums[mc.County.Region] = a
			names = append(names, mc.County.Region)
		}
		a.lat, a.lon, a.w = a.lat+mc.County.Lat, a.lon+mc.County.Lon, a.w+1
	}
	sty := m.theme.style(m.theme.Legend, m.theme.Ink, true)
	sty.XAlign, sty.YAlign = -0.5, -0.5
	halo := sty
	halo.Color = color.White
	halo.Font.Weight = xfont.WeightBlack
	for _, n := range names {
		a := sums[n]
		place, free := m.labelPlace(n, a.lon/a.w, a.lat/a.w)
		at := tr(place)
		// Off the line of county centres, where the site dots sit: above
		// a free county's centre, or below a region whose every county
		// has a site.
		if at.Y += 8; !free {
			at.Y -= 22
		}
		for _, d := range []vg.Point{{X: -1, Y: 0}, {X: 1, Y: 0}, {X: 0, Y: -1}, {X: 0, Y: 1}, {X: -1, Y: -1}, {X: 1, Y: 1}, {X: -1, Y: 1}, {X: 1, Y: -1}} {
			c.FillText(halo, vg.Point{X: at.X + d.X, Y: at.Y + d.Y}, n)
		}
		c.FillText(sty, at, n)
	}
}

// labelPlace picks the centroid of the region's county without a site that
// is nearest (lon, lat), or (lon, lat) itself, not free, when every county
// has one.
func (m *choropleth) labelPlace(region string, lon, lat float64) (schema.LonLat, bool) {
	best, dist := schema.LonLat{Lon: lon, Lat: lat}, math.Inf(1)
	for _, mc := range m.counties {
		if mc.County.Region != region || mc.Sites > 0 {
			continue
		}
		dx, dy := (mc.County.Lon-lon)*m.cosLat, mc.County.Lat-lat
		if d := dx*dx + dy*dy; d < dist {
			best, dist = schema.LonLat{Lon: mc.County.Lon, Lat: mc.County.Lat}, d
		}
	}
	return best, !math.IsInf(dist, 1)
}
