package pdf

import (
	"strconv"

	"needsmap/analysis/needs"
	"needsmap/reports/format"
)

// needRow is one need, formatted as report.html formats it.
type needRow struct {
	rank, label, mean, ci, median, top2, n, rankCI, pTop string
	tie, lowN                                            bool
}

// needRows formats rows; all is the whole scope and view, to find ties.
func needRows(all, rows []needs.Row) []needRow {
	count := map[int]int{}
	for _, r := range all {
		count[r.Rank]++
	}
	out := make([]needRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, needRow{rank: format.Rank(r.Rank), label: r.Label, mean: format.Fixed(r.Mean, 2),
			ci: format.Interval(r.MeanLow, r.MeanHigh), median: format.Fixed(r.Median, 1),
			top2: format.Percent(r.Top2, 0), n: strconv.Itoa(r.N), rankCI: format.RankRange(r.RankLow, r.RankHigh),
			pTop: format.Percent(r.PTop, 0), tie: r.Rank > 0 && count[r.Rank] > 1, lowN: r.LowN})
	}
	return out
}

// needsColumns picks the columns of a needs table.
type needsColumns struct {
	intervals bool // the bootstrap ran: CI, rank range, P(top k)
	compact   bool // the one-pager: no median, no P(top k)
}

// needsTable is a ranking with intervals, ties and small-sample tags.
func needsTable(res *needs.Result, caption string, rows []needRow, cols needsColumns) *table {
	lvl := format.Level(res.Confidence)
	t := &table{caption: caption, headCol: 1}
	add := func(name string, num bool) {
		t.head = append(t.head, name)
		t.num = append(t.num, num)
	}
	add("Rank", false)
	add("Need", false)
	add("Mean", true)
	if cols.intervals {
		add(lvl+" CI", true)
	}
	if !cols.compact {
		add("Median", true)
	}
	add("Top-2 share", true)
	add("n", true)
	if cols.intervals {
		add("Rank range ("+lvl+")", true)
		if !cols.compact {
			add("P(top "+strconv.Itoa(res.TopK)+")", true)
		}
	}
	for _, r := range rows {
		row := []cell{{text: r.rank}, {text: r.label}, {text: r.mean}}
		if r.tie {
			row[0].tag = "tie"
		}
		if cols.intervals {
			row = append(row, cell{text: r.ci})
		}
		if !cols.compact {
			row = append(row, cell{text: r.median})
		}
		n := cell{text: r.n}
		if r.lowN {
			n.tag = "low n"
		}
		row = append(row, cell{text: r.top2}, n)
		if cols.intervals {
			row = append(row, cell{text: r.rankCI})
			if !cols.compact {
				row = append(row, cell{text: r.pTop})
			}
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// glance draws the "top needs at a glance" list: rank, need, mean and its
// interval, one need a line.
func (d *doc) glance(rows []needRow, intervals bool, lvl string) {
	const rankW, statW = 9, 52
	lh := lineHeight(sizeBody)
	for _, r := range rows {
		stat := "mean " + r.mean
		if intervals {
			stat += " (" + lvl + " CI " + r.ci + ")"
		}
		d.setFont("B", sizeBody)
		labelW := contentW - rankW - statW
		lines := d.wrap(r.label, labelW-d.tagWidth(tagIf(r.tie)))
		h := float64(len(lines))*lh + 2.4
		d.need(h)
		top := d.y()
		d.setFont("B", 12)
		d.textColor(blue)
		d.text(marginX+1, top+1.2, lh, r.rank)
		d.setFont("B", sizeBody)
		d.textColor(ink)
		for k, line := range lines {
			d.text(marginX+rankW, top+1.2+float64(k)*lh, lh, line)
		}
		if r.tie {
			x := marginX + rankW + d.width(lines[0]) + 1.6
			d.drawTag(x, top+1.2+(lh-tagH)/2, "tie")
		}
		d.setFont("", sizeSmall)
		d.textColor(muted)
		d.textRight(marginX+contentW, top+1.2, lh, stat)
		d.drawColor(rule)
		d.f.SetLineWidth(0.2)
		d.f.Line(marginX, top+h, marginX+contentW, top+h)
		d.setY(top + h)
	}
	d.setY(d.y() + 3)
}

func tagIf(tie bool) string {
	if tie {
		return "tie"
	}
	return ""
}
