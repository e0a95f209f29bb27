package pdf

import (
	"needsmap/reports"
)

// keyFigure is one headline number.
type keyFigure struct{ label, value, note string }

// keyFigures are a scope's headline numbers, as the report model lists
// them (the same cards report.html shows).
func keyFigures(r *reports.Report, scope string) []keyFigure {
	var out []keyFigure
	for _, f := range r.Figures(scope) {
		out = append(out, keyFigure{label: f.Label, value: f.Value, note: f.Note})
	}
	return out
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
