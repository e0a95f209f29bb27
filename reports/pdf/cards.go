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

// cards draws headline numbers as rows of perRow cards; labels wrap
// within their card, so narrow cards grow taller rather than clip.
func (d *doc) cards(figs []keyFigure, perRow int) {
	if len(figs) == 0 {
		return
	}
	d.gap(2)
	for start := 0; start < len(figs); start += perRow {
		d.cardRow(figs[start:min(start+perRow, len(figs))], perRow)
	}
	d.setY(d.y() + 3)
}

// cardRow draws one row of cards of equal width and height, labels and
// notes wrapped within the card.
func (d *doc) cardRow(figs []keyFigure, perRow int) {
	const gap, pad, rule, labelLH = 3.0, 3.0, 0.9, 4.5
	n := float64(perRow)
	w := (contentW - gap*(n-1)) / n
	noteLH := lineHeight(8.5)
	labelLines, noteLines := 1, 0
	for _, f := range figs {
		d.setFont("B", 8.5)
		labelLines = max(labelLines, len(d.wrap(f.label, w-2*pad)))
		d.setFont("", 8.5)
		if f.note != "" {
			noteLines = max(noteLines, len(d.wrap(f.note, w-2*pad)))
		}
	}
	labelH := float64(labelLines) * labelLH
	h := rule + pad + labelH + 9 + float64(noteLines)*noteLH + pad
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
		for k, line := range d.wrap(f.label, w-2*pad) {
			d.text(x+pad, y+float64(k)*labelLH, labelLH, line)
		}
		d.setFont("B", 20)
		d.textColor(navy)
		d.text(x+pad, y+labelH, 9, f.value)
		d.setFont("", 8.5)
		d.textColor(muted)
		for k, line := range d.wrap(f.note, w-2*pad) {
			d.text(x+pad, y+labelH+9+float64(k)*noteLH, noteLH, line)
		}
	}
	d.setY(top + h + gap)
}
