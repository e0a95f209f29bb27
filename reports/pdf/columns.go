package pdf

import "strings"

// keepWhole is the width up to which a cell's text is kept on one line:
// a header may wrap, but a short name ("St. Louis") reads badly broken.
const keepWhole = 28

// keepHead is the same for headers: "P(top 3)" stays on one line.
const keepHead = 14

// measure returns each column's natural width (its widest text on one
// line) and least width (its longest word), padding included.
func (d *doc) measure(t *table) (nat, least []float64) {
	n := len(t.head)
	nat, least = make([]float64, n), make([]float64, n)
	add := func(j int, s, style string, extra float64, keep bool) {
		d.setFont(style, sizeTable)
		w := d.width(s)
		nat[j] = max(nat[j], w+extra)
		if keep && w <= keepWhole {
			least[j] = max(least[j], w+extra)
		}
		for _, w := range strings.Fields(s) {
			least[j] = max(least[j], d.width(w)+extra)
		}
	}
	for j, h := range t.head {
		d.setFont("B", sizeTable)
		add(j, h, "B", 0, d.width(h) <= keepHead)
	}
	for i, row := range t.rows {
		for j, c := range row {
			add(j, c.text, t.style(i, j), d.tagWidth(c.tag), true)
		}
	}
	for j := range nat {
		nat[j] += 2 * padX
		least[j] += 2 * padX
	}
	return nat, least
}

// columnWidths fills the text column: each column gets at least its
// longest word, and the rest of the width goes to the columns whose text
// would otherwise wrap most.
func (d *doc) columnWidths(t *table) []float64 {
	nat, least := d.measure(t)
	sumNat, sumLeast := sum(nat), sum(least)
	out := make([]float64, len(nat))
	for j := range out {
		switch {
		case sumNat <= contentW:
			out[j] = nat[j] * contentW / sumNat
		case sumLeast >= contentW:
			out[j] = least[j] * contentW / sumLeast
		default:
			out[j] = least[j] + (nat[j]-least[j])*(contentW-sumLeast)/(sumNat-sumLeast)
		}
	}
	return out
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// splitColumns cuts a table too wide for the page, even with every word
// on a line of its own, into tables of consecutive columns, each with the
// row headers, so that no word is ever broken. The notes go with the last.
func (d *doc) splitColumns(t *table) []*table {
	_, least := d.measure(t)
	if sum(least) <= contentW || t.headCol < 0 || len(t.head) < 3 {
		return []*table{t}
	}
	var others []int
	for j := range t.head {
		if j != t.headCol {
			others = append(others, j)
		}
	}
	room := contentW - least[t.headCol]
	for parts := 2; parts <= len(others); parts++ {
		size := (len(others) + parts - 1) / parts
		var out []*table
		ok := true
		for lo := 0; lo < len(others); lo += size {
			cols := others[lo:min(lo+size, len(others))]
			w := 0.0
			for _, j := range cols {
				w += least[j]
			}
			ok = ok && w <= room
			out = append(out, t.columns(append([]int{t.headCol}, cols...), len(out) > 0))
		}
		if ok {
			out[len(out)-1].notes = t.notes
			return out
		}
	}
	return []*table{t}
}

// columns is the table of the given columns; later parts of a split table
// are captioned as continued.
func (t *table) columns(cols []int, cont bool) *table {
	v := &table{caption: t.caption, headCol: 0}
	if cont && t.caption != "" {
		v.caption += " (continued)"
	}
	for _, j := range cols {
		v.head = append(v.head, t.head[j])
		v.num = append(v.num, t.num[j])
	}
	for _, row := range t.rows {
		var r []cell
		for _, j := range cols {
			r = append(r, row[j])
		}
		v.rows = append(v.rows, r)
	}
	return v
}
