package pipeline

import (
	"fmt"
	"runtime"
	"sync"

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
		if res.needCharts == nil {
			res.needCharts = goJobs(needChartJobs(cfg, res))
		}
		cs, err := res.needCharts()
		if err != nil {
			return nil, err
		}
		survivors, err := charts.Survivors(*res.snapshot, cfg.Disclosure.Suppress)
		if err != nil {
			return nil, wrapChart("survivors", err)
		}
		rep.Charts = append(cs, survivors)
	}
	for _, st := range res.stages {
		if err := st.publish(res.env, rep); err != nil {
			return nil, err
		}
	}
	if rep.Table("referrals_by_region_service") != nil || rep.Table("trainings") != nil || rep.Table("milestones") != nil {
		rep.Subtitle = periodSubtitle(rep.Subtitle, res.env.Period, rep.Table("milestones") != nil)
	}
	outcomeFigures(rep, append([]string{needs.StatewideScope}, res.regions...))
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

// needChartJobs draw the statewide top five (the plan's Figure 1), each
// region's top three (Figure 4) and a Likert chart per scope. None shows
// a count, so they may be drawn before disclosure control is done.
func needChartJobs(cfg Config, res *results) []func() ([]charts.Chart, error) {
	one := func(c charts.Chart, err error) ([]charts.Chart, error) { return []charts.Chart{c}, err }
	jobs := []func() ([]charts.Chart, error){
		func() ([]charts.Chart, error) {
			cs, err := one(charts.TopNeeds(res.needs, needs.StatewideScope, needs.ViewSingle, 5))
			return cs, wrapChart("top needs", err)
		},
	}
	for _, region := range res.regions {
		jobs = append(jobs, func() ([]charts.Chart, error) {
			cs, err := charts.TopByRegion(res.needs, []string{region}, needs.ViewSingle, cfg.Needs.TopN)
			return cs, wrapChart("top needs by region", err)
		})
	}
	for _, scope := range append([]string{needs.StatewideScope}, res.regions...) {
		jobs = append(jobs, func() ([]charts.Chart, error) {
			cs, err := one(charts.Likert(res.needs, scope, needs.ViewSingle))
			return cs, wrapChart("likert "+scope, err)
		})
	}
	return jobs
}

// chartFuture waits for charts being drawn and returns them in job order.
type chartFuture func() ([]charts.Chart, error)

// goJobs starts runJobs in the background.
func goJobs(jobs []func() ([]charts.Chart, error)) chartFuture {
	done := make(chan struct{})
	var cs []charts.Chart
	var err error
	go func() {
		defer close(done)
		cs, err = runJobs(jobs)
	}()
	return func() ([]charts.Chart, error) {
		<-done
		return cs, err
	}
}

// chartPreparer is a stage whose charts depend neither on disclosure
// control nor on later stages, so they can be drawn while those run.
type chartPreparer interface {
	prepareCharts(env *stageEnv)
}

// startCharts starts the charts that show no count as soon as what they
// draw is known: the needs charts once the survey is analysed (after is
// nil), a stage's when it is done, if it says so.
func startCharts(res *results, after stage) {
	if after == nil {
		if res.needs != nil {
			res.needCharts = goJobs(needChartJobs(res.env.Config, res))
		}
		return
	}
	if p, ok := after.(chartPreparer); ok {
		p.prepareCharts(res.env)
	}
}

func wrapChart(what string, err error) error {
	if err != nil {
		return fmt.Errorf("chart %s: %w", what, err)
	}
	return nil
}

// runJobs runs chart jobs on GOMAXPROCS goroutines and returns their
// charts in job order, or the first job's error (in job order).
func runJobs(jobs []func() ([]charts.Chart, error)) ([]charts.Chart, error) {
	outs := make([][]charts.Chart, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i], errs[i] = jobs[i]()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	var all []charts.Chart
	for i := range jobs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		all = append(all, outs[i]...)
	}
	return all, nil
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

// chartJob adapts a one-chart constructor to runJobs.
func chartJob(f func() (charts.Chart, error)) func() ([]charts.Chart, error) {
	return func() ([]charts.Chart, error) {
		c, err := f()
		if err != nil {
			return nil, err
		}
		return []charts.Chart{c}, nil
	}
}
