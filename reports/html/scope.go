package html

import (
	"html/template"
	"strconv"
	"strings"

	"needsmap/analysis/needs"
	"needsmap/reports"
)

// statewide is the scope name of the whole-state summary.
const statewide = needs.StatewideScope

// builder assembles the scope sections: it hands out unique element ids
// and numbers the figures across the page.
type builder struct {
	r       *reports.Report
	ids     map[string]bool
	figures int
}

// scopeView is one section: Statewide or a region.
type scopeView struct {
	ID, Name    string
	Region      bool
	Respondents string // "" when the scope has no needs results
	LowN        bool
	MinN        int
	Glance      []needRow
	Single      needsTable
	Combined    needsTable
	Figures     []figure
	Snapshot    []*tableView
	Notes       []string
	Sections    []sectionView
	// Statewide only: headline numbers and respondents per scope.
	KeyFigures []keyFigure
	ScopeTable *tableView
}

// figure is one chart with its caption.
type figure struct {
	Number     int
	Title, Alt string
	SVG        template.HTML
}

func (b *builder) scope(name string, region bool) (*scopeView, error) {
	s := &scopeView{ID: b.id(name), Name: name, Region: region}
	if res := b.r.Needs; res != nil {
		s.MinN = res.MinRespondents
		if info, ok := res.ScopeInfo(name); ok {
			s.Respondents = strconv.Itoa(info.Respondents)
			s.LowN = info.LowN
		}
		s.fillNeeds(res)
	}
	for _, c := range b.r.ChartsFor(name) {
		svg, err := inlineSVG(c)
		if err != nil {
			return nil, err
		}
		b.figures++
		s.Figures = append(s.Figures, figure{Number: b.figures, Title: c.Title, Alt: c.Alt, SVG: svg})
	}
	if t := b.r.Table("survivors_served"); t != nil {
		if s.Snapshot = snapshotTables(t, name, !region); s.Snapshot != nil {
			s.Notes = t.Notes
		}
	}
	var err error
	s.Sections, err = b.sections(name)
	return s, err
}

// fillNeeds sets the rankings: every ranked need statewide, the first
// TopN distinct ranks in a region.
func (s *scopeView) fillNeeds(res *needs.Result) {
	single := res.Scope(s.Name, needs.ViewSingle)
	combined := res.Scope(s.Name, needs.ViewCombined)
	s.Glance = needRows(single, res.Top(s.Name, needs.ViewSingle, res.TopN))
	what, rows, crows := "Top needs", s.Glance, needRows(combined, res.Top(s.Name, needs.ViewCombined, res.TopN))
	if !s.Region {
		what, rows, crows = "All needs ranked", needRows(single, single), needRows(combined, combined)
	}
	if s.LowN { // the whole scope is flagged: no need to flag each row
		for _, rs := range [][]needRow{rows, crows} {
			for i := range rs {
				rs[i].LowN = false
			}
		}
	}
	s.Single = newNeedsTable(res, what+", "+s.Name+": single categories", rows)
	if len(combined) > 0 {
		s.Combined = newNeedsTable(res, what+", "+s.Name+": with combined categories", crows)
	}
}

// id returns a unique, stable element id for a section name.
func (b *builder) id(name string) string {
	var sb strings.Builder
	for _, c := range strings.ToLower(name) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			sb.WriteRune(c)
		case sb.Len() > 0 && !strings.HasSuffix(sb.String(), "-"):
			sb.WriteByte('-')
		}
	}
	base := "scope-" + strings.TrimSuffix(sb.String(), "-")
	id := base
	for n := 2; b.ids[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	b.ids[id] = true
	return id
}

// needsTable is a ranking with intervals.
type needsTable struct {
	Caption   string
	Rows      []needRow
	Intervals bool
	Level     string // "95%"
	TopK      int
}

// needRow is one need, formatted for the page.
type needRow struct {
	Rank, Label, Mean, CI, Median, Top2, N, RankCI, PTop string
	Tie, LowN                                            bool
}

func newNeedsTable(res *needs.Result, caption string, rows []needRow) needsTable {
	return needsTable{Caption: caption, Rows: rows, Intervals: res.Replicates > 0,
		Level: level(res.Confidence), TopK: res.TopK}
}

// needRows formats rows; all is the whole scope and view, to find ties.
func needRows(all, rows []needs.Row) []needRow {
	count := map[int]int{}
	for _, r := range all {
		count[r.Rank]++
	}
	out := make([]needRow, 0, len(rows))
	for _, r := range rows {
		n := needRow{Rank: rankText(r.Rank), Label: r.Label, Mean: fixed(r.Mean, 2),
			CI: interval(r.MeanLow, r.MeanHigh), Median: fixed(r.Median, 1), Top2: percent(r.Top2, 0),
			N: strconv.Itoa(r.N), RankCI: rankRange(r.RankLow, r.RankHigh), PTop: percent(r.PTop, 0),
			Tie: r.Rank > 0 && count[r.Rank] > 1, LowN: r.LowN}
		out = append(out, n)
	}
	return out
}
