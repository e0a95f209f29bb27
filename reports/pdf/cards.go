package pdf

import (
	"strconv"

	"needsmap/reports"
	"needsmap/reports/format"
)

// keyFigure is one headline number.
type keyFigure struct{ label, value, note string }

// keyFigures are the statewide headline numbers of report.html.
func keyFigures(r *reports.Report) []keyFigure {
	var out []keyFigure
	if res := r.Needs; res != nil {
		if info, ok := res.ScopeInfo(statewide); ok {
			out = append(out, keyFigure{label: "Responding providers", value: strconv.Itoa(info.Respondents)})
		}
		low := 0
		for _, s := range res.Scopes {
			if s.Name != statewide && s.LowN {
				low++
			}
		}
		out = append(out, keyFigure{label: "Regions", value: strconv.Itoa(len(r.Regions))},
			keyFigure{label: "Regions with low n", value: strconv.Itoa(low),
				note: "fewer than " + strconv.Itoa(res.MinRespondents) + " respondents"})
	}
	if v, ok := survivorsCell(r, statewide, "survivors"); ok {
		out = append(out, keyFigure{label: "Survivors served", value: v, note: survivorsNote})
	}
	return out
}

const survivorsNote = "past 12 months, as reported by providers"

// survivorsCell is a scope's published value in a column of the
// survivors-served table.
func survivorsCell(r *reports.Report, scope, column string) (string, bool) {
	t := r.Table("survivors_served")
	if t == nil || t.Column(column) < 0 {
		return "", false
	}
	c := t.Column(column)
	for _, row := range t.Rows {
		if len(row) == len(t.Columns) && row[0].Text == scope {
			return format.Cell(row[c], column), true
		}
	}
	return "", false
}

// cards draws headline numbers as a row of cards.
func (d *doc) cards(figs []keyFigure) {
	if len(figs) == 0 {
		return
	}
	const gap, pad, rule = 3.0, 3.0, 0.9
	n := float64(len(figs))
	w := (contentW - gap*(n-1)) / n
	noteLH := lineHeight(8.5)
	lines := 0
	d.setFont("", 8.5)
	for _, f := range figs {
		if f.note != "" {
			lines = max(lines, len(d.wrap(f.note, w-2*pad)))
		}
	}
	h := rule + pad + 4.5 + 9 + float64(lines)*noteLH + pad
	d.gap(2)
	d.need(h)
	top := d.y()
	for i, f := range figs {
		x := marginX + float64(i)*(w+gap)
		d.fillColor(band)
		d.f.Rect(x, top, w, h, "F")
		d.fillColor(navy)
		d.f.Rect(x, top, w, rule, "F")
		y := top + rule + pad
		d.setFont("B", 8.5)
		d.textColor(muted)
		d.text(x+pad, y, 4.5, f.label)
		d.setFont("B", 20)
		d.textColor(navy)
		d.text(x+pad, y+4.5, 9, f.value)
		d.setFont("", 8.5)
		d.textColor(muted)
		for k, line := range d.wrap(f.note, w-2*pad) {
			d.text(x+pad, y+13.5+float64(k)*noteLH, noteLH, line)
		}
	}
	d.setY(top + h + 5)
}
