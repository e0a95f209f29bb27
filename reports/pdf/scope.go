package pdf

import (
	"strconv"

	"needsmap/analysis/needs"
	"needsmap/reports/format"
)

// statewide is the scope name of the whole-state summary.
const statewide = needs.StatewideScope

// scope draws the statewide summary or one region, in the order of
// report.html: headline, rankings, charts, survivors served, combined
// categories and the sections other stages added.
func (d *doc) scope(name string, region bool) error {
	kicker := "Summary"
	if region {
		kicker = "Region"
	}
	d.part(kicker, name)
	res := d.r.Needs
	low := false
	if res != nil {
		if info, ok := res.ScopeInfo(name); ok {
			rest := " responding providers in all."
			if region {
				rest = " responding providers serve this region."
			}
			d.lead(strconv.Itoa(info.Respondents), rest)
			low = info.LowN
			if low {
				d.box(lowNMessage(res.MinRespondents))
			}
		}
	}
	if !region {
		d.cards(keyFigures(d.r, statewide), 4)
	}
	if res != nil {
		d.rankings(name, region, low)
	}
	if err := d.scopeCharts(name); err != nil {
		return err
	}
	d.snapshot(name, region)
	if res != nil {
		d.combined(name, region, low)
	}
	return d.sections(name)
}

// rankings draws the glance list and the single-category ranking.
func (d *doc) rankings(name string, region, low bool) {
	res := d.r.Needs
	single := res.Scope(name, needs.ViewSingle)
	top := needRows(single, res.Top(name, needs.ViewSingle, res.TopN))
	intervals := res.Replicates > 0
	if len(top) > 0 {
		d.heading("Top needs at a glance", 2)
		d.glance(top, intervals, format.Level(res.Confidence))
	}
	if !region {
		d.table(respondentsTable(d.r))
	}
	what, rows := "Top needs", top
	if !region {
		what, rows = "All needs ranked", needRows(single, single)
	}
	if len(rows) == 0 {
		return
	}
	clearLowN(rows, low)
	heading := "Top needs"
	if !region {
		heading = "Needs ranking"
	}
	d.heading(heading, 2)
	d.table(needsTable(res, what+", "+name+": single categories", rows, needsColumns{intervals: intervals}))
}

// combined draws the ranking with combined categories.
func (d *doc) combined(name string, region, low bool) {
	res := d.r.Needs
	all := res.Scope(name, needs.ViewCombined)
	if len(all) == 0 {
		return
	}
	what, rows := "Top needs", needRows(all, res.Top(name, needs.ViewCombined, res.TopN))
	if !region {
		what, rows = "All needs ranked", needRows(all, all)
	}
	if len(rows) == 0 {
		return
	}
	clearLowN(rows, low)
	d.heading("Combined categories", 2)
	d.table(needsTable(res, what+", "+name+": with combined categories", rows, needsColumns{intervals: res.Replicates > 0}))
}

// clearLowN drops the per-row flags when the whole scope is flagged.
func clearLowN(rows []needRow, scopeLow bool) {
	if !scopeLow {
		return
	}
	for i := range rows {
		rows[i].lowN = false
	}
}

func (d *doc) scopeCharts(name string) error {
	cs := d.r.ChartsFor(name)
	if len(cs) == 0 {
		return nil
	}
	d.heading("Charts", 2)
	for _, c := range cs {
		if err := d.figure(c, figureOpts{numbered: true, alt: true}); err != nil {
			return err
		}
	}
	return nil
}

// snapshot draws the survivors-served tables: every row statewide, the
// region's own row in a region.
func (d *doc) snapshot(name string, region bool) {
	t := d.r.Table("survivors_served")
	if t == nil {
		return
	}
	views := snapshotTables(t, name, !region)
	if views == nil {
		return
	}
	views[len(views)-1].notes = t.Notes
	d.heading("Survivors served", 2)
	for _, v := range views {
		d.table(v)
	}
}

// lead is the line under a part's title: a bold number and its words.
func (d *doc) lead(num, rest string) {
	const size = 11
	lh := lineHeight(size)
	d.need(lh)
	d.setFont("B", size)
	d.textColor(ink)
	d.text(marginX, d.y(), lh, num)
	x := marginX + d.width(num)
	d.setFont("", size)
	d.text(x, d.y(), lh, rest)
	d.setY(d.y() + lh + 3)
}
