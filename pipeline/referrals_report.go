package pipeline

import (
	"fmt"
	"sort"
	"strings"

	"needsmap/analysis/referrals"
	"needsmap/charts"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// publish adds the referral tables, charts, sections and methods.
func (s *referralStage) publish(env *stageEnv, rep *reports.Report) error {
	if s.res == nil {
		return nil
	}
	cfg, res := env.Config, s.res
	cats := env.Vocab.Categories
	byService := tables.ReferralsByService(res, cats, cfg.Disclosure)
	rep.Tables = append(rep.Tables, byService, tables.ReferralsByQuarter(res, cfg.Disclosure), tables.ReferralNetwork(res, cfg.Disclosure))
	var unmet *tables.Table
	if env.Offered != nil {
		unmet = tables.UnmetReferrals(res, res.Unmet(env.Offered), cats, cfg.Disclosure)
		rep.Tables = append(rep.Tables, unmet)
	}
	scopes := append([]string{referrals.Statewide}, res.Regions...)
	jobs := []func() ([]charts.Chart, error){chartJob(func() (charts.Chart, error) {
		return charts.CompletionByRegion(res, cfg.Disclosure.Suppress, env.Period.describe())
	})}
	for _, scope := range scopes {
		jobs = append(jobs, chartJob(func() (charts.Chart, error) { return charts.ReferralVolume(res, scope, cfg.Disclosure.Suppress) }))
	}
	cs, err := runJobs(jobs)
	if err != nil {
		return fmt.Errorf("referral charts: %w", err)
	}
	rep.Charts = append(rep.Charts, cs...)
	completion := cs[0]
	for i, scope := range scopes {
		vol := cs[i+1]
		rep.Sections = append(rep.Sections, s.section(env, byService, unmet, scope, completion.Name, vol.Name)...)
	}
	rep.Sections = append(rep.Sections, networkSection(rep.Table("referral_network")))
	rep.Methods = append(rep.Methods, referralMethods(cfg, res, s.files))
	return nil
}

// section is a scope's referral section: a summary, its services and the
// charts (and, statewide, the regions and the unmet referrals).
func (s *referralStage) section(env *stageEnv, byService, unmet *tables.Table, scope, completion, volume string) []reports.Section {
	res := s.res
	level := res.Confidence
	total := -1
	for i, g := range res.Groups {
		if g.Region == scope && g.Service == referrals.AllServices {
			total = i
		}
	}
	sec := reports.Section{Key: "referrals", Scope: scope, Title: "Referral follow-through"}
	if scope == referrals.Statewide {
		sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf("Referral sheets of %d partner files; reporting period: %s.", s.files, env.Period.describe()))
	}
	sec.Paragraphs = append(sec.Paragraphs, tables.ReferralSummary(byService, total, level))
	if scope == referrals.Statewide {
		if res.Duplicates > 0 {
			sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf("%d referrals were recorded by both the referring and the receiving agency and are counted once.", res.Duplicates))
		}
		if res.Outside > 0 {
			sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf("%d records dated outside the period are not counted.", res.Outside))
		}
		sec.Tables = append(sec.Tables, view(byService, "Referrals by region", func(row []tables.Cell) bool {
			return row[1].Text == tables.AllServices
		}, 0))
		sec.Charts = []string{completion, volume}
	} else {
		sec.Charts = []string{volume}
	}
	labels := map[string]string{}
	for _, c := range env.Vocab.Categories {
		labels[c.Key] = c.Label
	}
	svc := view(byService, "Referrals by service, "+scope, func(row []tables.Cell) bool {
		return row[0].Text == scope && row[1].Text != tables.AllServices
	}, 1)
	relabel(svc, labels)
	if scope != referrals.Statewide {
		svc.Notes = nil // stated once, under the statewide tables
	}
	out := []reports.Section{sec, {Key: "referral-services", Scope: scope, Title: "Referrals by service", Tables: []*tables.Table{svc}}}
	if unmet != nil {
		u := view(unmet, "Referrals for services no resource in "+scope+" offers", func(row []tables.Cell) bool {
			return scope == referrals.Statewide || row[0].Text == scope
		}, -1)
		out = append(out, reports.Section{Key: "unmet-referrals", Scope: scope, Title: "Referrals for services not offered in the region", Tables: []*tables.Table{u}})
	}
	return out
}

// view selects rows of a published table for a report section; its
// first column becomes column first (-1: keep the table's own first
// columns). The cells are the table's own, already in published form.
func view(t *tables.Table, title string, keep func([]tables.Cell) bool, first int) *tables.Table {
	v := &tables.Table{Name: t.Name, Title: title, Notes: t.Notes, Counts: t.Counts}
	drop := 0
	if first >= 0 {
		drop = 2
		v.Columns = append([]string{t.Columns[first]}, t.Columns[drop:]...)
	} else {
		v.Columns = t.Columns
	}
	for _, row := range t.Rows {
		if !keep(row) {
			continue
		}
		if first >= 0 {
			row = append([]tables.Cell{row[first]}, row[drop:]...)
		}
		v.Rows = append(v.Rows, row)
	}
	return v
}

// relabel replaces category keys in the first column by their labels.
func relabel(t *tables.Table, labels map[string]string) {
	for _, row := range t.Rows {
		if l, ok := labels[row[0].Text]; ok {
			row[0] = tables.T(l)
		}
	}
}

// networkTop is how many agency pairs the report lists; the CSV and the
// workbook have them all.
const networkTop = 30

// networkSection lists the agency pairs with the most referrals.
func networkSection(t *tables.Table) reports.Section {
	rows := append([][]tables.Cell(nil), t.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][2].Int > rows[j][2].Int })
	v := &tables.Table{Name: t.Name, Title: "Agency pairs with the most referrals", Columns: t.Columns, Notes: t.Notes, Counts: true}
	for _, r := range rows {
		if len(v.Rows) < networkTop && r[2].Suppressed == "" && !strings.HasPrefix(r[0].Text, "(other") {
			v.Rows = append(v.Rows, r)
		}
	}
	text := fmt.Sprintf("Referrals from each referring agency to each receiving agency in the period "+
		"(completion is reported by region and service): the %d pairs with the most referrals of %d rows listed in tables/referral_network.csv and the workbook.", len(v.Rows), len(t.Rows))
	return reports.Section{Key: "referral-network", Title: "Referral network", Paragraphs: []string{text}, Tables: []*tables.Table{v}}
}
