package pipeline

import (
	"fmt"

	"needsmap/analysis/needs"
	"needsmap/charts"
	"needsmap/data/reference"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// buildReport turns results into the report model every renderer draws
// from: tables, charts, notices and settings.
func buildReport(cfg Config, res *results, out *Outcome) (*reports.Report, error) {
	rep := &reports.Report{
		Title: cfg.Report.Title, Subtitle: cfg.Report.Subtitle,
		Regions: res.regions, Needs: res.needs, Inputs: out.Inputs, Problems: out.Problems,
		Version: Version, Suppressed: cfg.Disclosure.Suppress, K: cfg.Disclosure.K,
		Settings: settings(cfg),
	}
	rep.Notices = notices(cfg, res)
	for _, a := range res.suppressed {
		rep.Suppressions = append(rep.Suppressions, reports.Suppression{Cell: a.Cell, Reason: a.Reason})
	}
	if res.needs != nil {
		rep.Tables = []*tables.Table{
			tables.NeedsRanking(res.needs),
			tables.NeedsDetail(res.needs),
			tables.Scopes(res.needs),
			tables.NeedsBySector(res.needs),
			tables.Survivors(*res.snapshot, cfg.Disclosure),
		}
		cs, err := buildCharts(cfg, res)
		if err != nil {
			return nil, err
		}
		rep.Charts = cs
	}
	for _, st := range res.stages {
		if err := st.publish(res.env, rep); err != nil {
			return nil, err
		}
	}
	if rep.Table("referrals_by_region_service") != nil || rep.Table("trainings") != nil || rep.Table("milestones") != nil {
		rep.Subtitle = periodSubtitle(rep.Subtitle, res.env.Period, rep.Table("milestones") != nil)
	}
	// rejects.csv comes last and lists the problems of every stage.
	rep.Tables = append(rep.Tables, tables.Rejects(out.Problems))
	rep.Inputs, rep.Problems = out.Inputs, out.Problems
	return rep, nil
}

func notices(cfg Config, res *results) []string {
	var out []string
	if !cfg.Disclosure.Suppress {
		out = append(out, "UNSUPPRESSED: small counts are shown as they are. For internal analysis only; do not publish.")
	}
	if res.geo.Approximate {
		out = append(out, reference.DefaultRegionsNote)
	}
	if cfg.Inputs.UseSample() {
		out = append(out, "This run uses the bundled sample: fictional data built to mirror the published Missouri findings.")
	}
	var low []string
	for _, s := range scopes(res) {
		if s.LowN {
			low = append(low, fmt.Sprintf("%s (%d)", s.Name, s.Respondents))
		}
	}
	if len(low) > 0 {
		out = append(out, fmt.Sprintf("Fewer than %d respondents in: %s. Read those rankings with care.",
			cfg.Needs.MinRespondents, joinComma(low)))
	}
	return out
}

func scopes(res *results) []needs.ScopeInfo {
	if res.needs == nil {
		return nil
	}
	return res.needs.Scopes
}

func joinComma(xs []string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}

// buildCharts draws the statewide top five (the plan's Figure 1), each
// region's top three (Figure 4), a Likert chart per scope and the
// survivors-served chart.
func buildCharts(cfg Config, res *results) ([]charts.Chart, error) {
	var out []charts.Chart
	top, err := charts.TopNeeds(res.needs, needs.StatewideScope, needs.ViewSingle, 5)
	if err != nil {
		return nil, fmt.Errorf("chart top needs: %w", err)
	}
	out = append(out, top)
	regional, err := charts.TopByRegion(res.needs, res.regions, needs.ViewSingle, cfg.Needs.TopN)
	if err != nil {
		return nil, fmt.Errorf("chart top needs by region: %w", err)
	}
	out = append(out, regional...)
	for _, scope := range append([]string{needs.StatewideScope}, res.regions...) {
		lk, err := charts.Likert(res.needs, scope, needs.ViewSingle)
		if err != nil {
			return nil, fmt.Errorf("chart likert %s: %w", scope, err)
		}
		out = append(out, lk)
	}
	sv, err := charts.Survivors(*res.snapshot, cfg.Disclosure.Suppress)
	if err != nil {
		return nil, fmt.Errorf("chart survivors: %w", err)
	}
	return append(out, sv), nil
}

// periodSubtitle adds the reporting period (and the milestones' as-of
// date) to the subtitle, so every output names the period it covers.
func periodSubtitle(sub string, p *period, milestones bool) string {
	s := "Reporting period: " + p.describe()
	if milestones {
		s += "; milestones as of " + p.asOfDate().String()
	}
	if sub == "" {
		return s
	}
	return sub + " · " + s
}
