package pipeline

import (
	"fmt"
	"strings"

	"needsmap/analysis/outcomes"
	"needsmap/analysis/trainings"
	"needsmap/charts"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

func (s *trainingStage) publish(env *stageEnv, rep *reports.Report) error {
	if s.rows == nil {
		return nil
	}
	t := tables.Trainings(s.rows)
	rep.Tables = append(rep.Tables, t)
	c, err := charts.TrainingsByQuarter(s.rows)
	if err != nil {
		return fmt.Errorf("chart trainings: %w", err)
	}
	rep.Charts = append(rep.Charts, c)
	for _, row := range s.rows {
		if row.Quarter != trainings.AllQuarters {
			continue
		}
		sec := reports.Section{Key: "trainings", Scope: row.Scope, Title: "Trainings and presentations",
			Paragraphs: []string{trainingSentence(row, env.Period)}}
		scope := row.Scope
		v := view(t, "Trainings and presentations by quarter, "+scope, func(r []tables.Cell) bool {
			return r[0].Text == scope && r[1].Text != "all"
		}, 1)
		if scope != schema.StatewideRegion {
			v.Notes = nil // stated once, under the statewide table
		}
		sec.Tables = []*tables.Table{v}
		if scope == schema.StatewideRegion {
			sec.Charts = []string{c.Name}
			if s.outside > 0 {
				sec.Paragraphs = append(sec.Paragraphs, fmt.Sprintf("%d events dated outside the period are not counted.", s.outside))
			}
		}
		rep.Sections = append(rep.Sections, sec)
	}
	rep.Methods = append(rep.Methods, outcomeMethods(env.Config, env.Period, true, false)...)
	return nil
}

func trainingSentence(r trainings.Row, p *period) string {
	if r.Events == 0 {
		return "No trainings or presentations were logged in the period (" + p.describe() + ")."
	}
	return fmt.Sprintf("%d events in the period (%d trainings, %d presentations, %d other events) reached %d professionals "+
		"(attendance recorded at %d events); %d organisations took part.",
		r.Events, r.ByType[schema.TypeTraining], r.ByType[schema.TypePresentation], r.ByType[schema.TypeOtherEvent],
		r.Attendance, r.Reported, r.Organizations)
}

func (s *milestoneStage) publish(env *stageEnv, rep *reports.Report) error {
	if s.assessed == nil {
		return nil
	}
	cfg := env.Config
	list := tables.Milestones(s.assessed, s.asOf, cfg.Milestones.DueSoonDays)
	summary := tables.MilestoneSummary(s.summary)
	rep.Tables = append(rep.Tables, list, summary)
	starts, _ := cfg.Milestones.Starts(env.Vocab)
	var scopes []string
	var jobs []func() ([]charts.Chart, error)
	for _, scope := range append([]string{schema.StatewideRegion}, env.Results.regions...) {
		if !s.hasScope(scope) {
			continue
		}
		start, ok := starts[scope]
		if !ok {
			start, ok = starts[""]
		}
		if !ok {
			start = env.Period.from
		}
		scopes = append(scopes, scope)
		jobs = append(jobs, chartJob(func() (charts.Chart, error) { return charts.MilestoneTimeline(s.assessed, scope, start, s.asOf) }))
	}
	cs, err := runJobs(jobs)
	if err != nil {
		return fmt.Errorf("milestone charts: %w", err)
	}
	rep.Charts = append(rep.Charts, cs...)
	for i, scope := range scopes {
		rep.Sections = append(rep.Sections, s.section(list, summary, scope, cs[i].Name))
	}
	rep.Methods = append(rep.Methods, outcomeMethods(cfg, env.Period, false, true)...)
	return nil
}

// hasScope says whether any milestone belongs to the scope.
func (s *milestoneStage) hasScope(scope string) bool {
	for _, a := range s.assessed {
		if a.Region == scope {
			return true
		}
	}
	return false
}

func (s *milestoneStage) section(list, summary *tables.Table, scope, chart string) reports.Section {
	sec := reports.Section{Key: "milestones", Scope: scope, Title: "Logic-model milestones", Charts: []string{chart}}
	for _, r := range s.summary {
		if r.Region == scope && r.Need == outcomes.AllNeeds {
			sec.Paragraphs = append(sec.Paragraphs, milestoneSentence(r, s.asOf))
		}
	}
	if scope == schema.StatewideRegion {
		byRegion := view(summary, "Milestones by region", func(r []tables.Cell) bool {
			return r[1].Text == outcomes.AllNeeds
		}, -1)
		cols := []string{"region", "milestones"}
		for _, st := range outcomes.Statuses {
			cols = append(cols, string(st))
		}
		sec.Tables = append(sec.Tables, columns(byRegion, append(cols, "share_complete")...))
	}
	v := view(list, "Milestones, "+scope, func(r []tables.Cell) bool { return r[0].Text == scope }, -1)
	v = columns(v, "label", "term", "outcome", "target", "target_date", "completed_on", "status", "days_late")
	v.Columns[0] = "need" // the need's label, under a plain header
	for _, row := range v.Rows {
		row[6] = tables.T(strings.ReplaceAll(row[6].Text, "_", " "))
	}
	if scope != schema.StatewideRegion {
		v.Notes = nil
	}
	sec.Tables = append(sec.Tables, v)
	return sec
}

func milestoneSentence(r outcomes.SummaryRow, asOf schema.Date) string {
	var parts []string
	for _, st := range outcomes.Statuses {
		if n := r.Counts[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ReplaceAll(string(st), "_", " ")))
		}
	}
	return fmt.Sprintf("On %s, of %d milestones: %s.", asOf, r.Total, strings.Join(parts, ", "))
}

// columns keeps the named columns of a table view, in that order.
func columns(t *tables.Table, names ...string) *tables.Table {
	idx := make([]int, len(names))
	for i, n := range names {
		idx[i] = t.Column(n)
	}
	v := &tables.Table{Name: t.Name, Title: t.Title, Notes: t.Notes, Columns: names}
	for _, row := range t.Rows {
		r := make([]tables.Cell, len(idx))
		for i, j := range idx {
			r[i] = row[j]
		}
		v.Rows = append(v.Rows, r)
	}
	return v
}
