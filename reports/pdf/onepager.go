package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"needsmap/analysis/needs"
	"needsmap/charts"
	"needsmap/reports"
)

// handoutRows is how many rows of a section's table a one-pager shows.
const handoutRows = 5

// RegionFiles returns the file stem of each region's one-pager, in the
// order given: the region's slug, as in chart names ("metro_east"), with
// "_2", "_3"… added when regions share a slug.
func RegionFiles(regions []string) []string {
	seen := map[string]bool{}
	out := make([]string, len(regions))
	for i, r := range regions {
		base := charts.Slug(r)
		name := base
		for n := 2; seen[name]; n++ {
			name = base + "_" + strconv.Itoa(n)
		}
		seen[name] = true
		out[i] = name
	}
	return out
}

// WriteRegion renders the one-pager of one region: its respondents, top
// needs with intervals and ties, the top-needs chart, survivors served,
// the first rows of the sections other stages added for it, and the
// notices — one page, two when the region has many sections.
func WriteRegion(w io.Writer, r *reports.Report, region string) error {
	d, err := renderRegion(r, region)
	if err != nil {
		return err
	}
	return d.finish(w)
}

// RenderRegion returns what WriteRegion writes.
func RenderRegion(r *reports.Report, region string) ([]byte, error) {
	d, err := renderRegion(r, region)
	if err != nil {
		return nil, err
	}
	return d.bytes()
}

func renderRegion(r *reports.Report, region string) (*doc, error) {
	if r == nil {
		return nil, errors.New("pdf: no report")
	}
	if !slices.Contains(r.Regions, region) {
		return nil, fmt.Errorf("pdf: %q is not a region of the report", region)
	}
	title := r.Title
	if title == "" {
		title = "Needs assessment report"
	}
	d := newDoc(r, region+" — "+title)
	d.running = region
	d.header = func() { d.unsuppressedBand(0) }
	d.footer = d.handoutFooter
	d.f.AddPage()
	d.boxSize = sizeSmall
	d.masthead(title, region, r.Subtitle, 7)
	d.cards(keyFigures(r, region), 6) // one row: the handout has two pages
	var survivors *table
	if t := r.Table("survivors_served"); t != nil {
		if views := snapshotTables(t, region, false); views != nil {
			survivors = views[0]
		}
	}
	var sections []reports.Section
	for _, s := range r.SectionsFor(region) {
		if s.Handout && len(s.Tables) > 0 {
			sections = append(sections, s)
		}
	}
	// The chart gives way to what must share the first page with it.
	reserve := 0.0
	if survivors != nil {
		reserve += d.tableHeight(survivors)
	}
	if len(sections) == 0 && len(r.Notices) > 0 {
		reserve += d.boxHeight(notesMessage(r.Notices))
	}
	if err := d.handoutNeeds(region, reserve); err != nil {
		return nil, err
	}
	d.table(survivors)
	for _, s := range sections {
		d.handoutSection(s)
	}
	if len(r.Notices) > 0 {
		d.box(notesMessage(r.Notices))
	}
	d.flush()
	return d, nil
}

// handoutNeeds draws the region's top needs and its top-needs chart,
// leaving reserve millimetres under the chart when it can.
func (d *doc) handoutNeeds(region string, reserve float64) error {
	res := d.r.Needs
	if res == nil {
		return nil
	}
	info, _ := res.ScopeInfo(region)
	if info.LowN {
		d.box(lowNMessage(res.MinRespondents))
	}
	single := res.Scope(region, needs.ViewSingle)
	rows := needRows(single, res.Top(region, needs.ViewSingle, res.TopN))
	clearLowN(rows, info.LowN)
	if len(rows) > 0 {
		d.table(needsTable(res, "Top needs, "+region+": single categories", rows,
			needsColumns{intervals: res.Replicates > 0, compact: true}))
	}
	for _, c := range d.r.ChartsFor(region) {
		if strings.HasPrefix(c.Name, "top_needs_") {
			return d.figure(c, figureOpts{maxH: 95, bare: true, shrink: 0.6, reserve: reserve})
		}
	}
	return nil
}

// handoutSection shows the first rows of a section's first table.
func (d *doc) handoutSection(s reports.Section) {
	if len(s.Tables) == 0 {
		return
	}
	t := s.Tables[0]
	v := wholeTable(t)
	v.notes = nil
	if n := len(v.rows); n > handoutRows {
		v.rows = v.rows[:handoutRows]
		v.notes = []string{"The first " + strconv.Itoa(handoutRows) + " of " + strconv.Itoa(n) +
			" rows; the whole table is in report.pdf, tables/" + t.Name + ".csv and needsmap.xlsx."}
	}
	d.heading(s.Title, 2)
	d.table(v)
}

// handoutFooter names the program and the inputs by their checksums, so a
// printed page can be traced to its data without a date on it.
func (d *doc) handoutFooter() {
	y := pageH - 14
	d.drawColor(rule)
	d.f.SetLineWidth(0.2)
	d.f.Line(marginX, y, marginX+contentW, y)
	d.setFont("", sizeRunning)
	d.textColor(muted)
	page := "Page " + strconv.Itoa(d.f.PageNo()) + " of " + nbAlias
	lines := d.wrap(d.handoutProvenance(), contentW-d.width(page)-6)
	for k, l := range lines[:min(len(lines), 2)] {
		d.text(marginX, y+1.5+float64(k)*3.6, 3.6, l)
	}
	d.pageNumber(marginX+contentW, y+1.5, 3.6)
	if !d.r.Suppressed {
		d.setFont("B", sizeRunning)
		d.textColor(danger)
		d.text((pageW-d.width(unsuppressedBanner))/2, y+9, 3.6, unsuppressedBanner)
	}
}

func (d *doc) handoutProvenance() string {
	s := "needsmap" + versionSuffix(d.r.Version)
	var ins []string
	for _, in := range d.r.Inputs {
		sum := in.SHA256
		if len(sum) > 12 {
			sum = sum[:12]
		}
		ins = append(ins, in.Role+" "+sum)
	}
	if len(ins) > 0 {
		s += " — inputs (SHA-256): " + strings.Join(ins, ", ")
	}
	return s
}
