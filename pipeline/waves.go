package pipeline

import (
	"context"
	"fmt"
	"strings"

	"needsmap/analysis/needs"
	"needsmap/analysis/waves"
	"needsmap/charts"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// waveStage compares the survey with a baseline wave read the same way.
type waveStage struct {
	result  *waves.Result
	pending chartFuture // the bump charts, started by prepareCharts
}

func baselineInput(cfg Config) (input, bool) {
	in, ok := inputFor(cfg, "baseline survey", cfg.Inputs.BaselineSurvey, "survey_baseline.csv")
	return in, ok
}

func (w *waveStage) analyse(ctx context.Context, env *stageEnv) error {
	in, ok := baselineInput(env.Config)
	if !ok {
		return nil
	}
	cur := env.Results.needs
	if cur == nil {
		return &schema.FatalError{File: in.name, Reason: "a baseline wave needs a current survey to compare with (give --survey too)"}
	}
	opts := env.Config.Needs
	opts.Seed ^= 0xba5e11e // an independent bootstrap stream for the other wave
	nb, err := needs.NewBuilder(needs.Spec{Categories: env.Vocab.Categories, Combined: env.Vocab.Combined,
		Levels: env.Vocab.Levels, Regions: env.Results.regions}, opts)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	env.Log.Info("reading baseline survey", "file", in.name)
	info, err := readSurvey(env.Config, in, env.Vocab, env.Results.geo, env.Workers, nil, env.Report, func(r *schema.Response) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return nb.Add(r)
	})
	env.AddInput(info)
	if err != nil {
		return err
	}
	base := nb.Result()
	o := env.Config.Waves
	if o.TopN <= 0 {
		o.TopN = env.Config.Needs.TopN
	}
	res := waves.Compare(&base, cur, o)
	w.result = &res
	return nil
}

func waveScopes(env *stageEnv) []string {
	return append([]string{needs.StatewideScope}, env.Results.regions...)
}

// prepareCharts starts the bump charts of ranks: they show no count, so
// they need not wait for disclosure control.
func (w *waveStage) prepareCharts(env *stageEnv) {
	if w.result == nil || w.pending != nil {
		return
	}
	res := w.result
	var jobs []func() ([]charts.Chart, error)
	for _, scope := range waveScopes(env) {
		jobs = append(jobs, chartJob(func() (charts.Chart, error) { return charts.Bump(res, scope, needs.ViewSingle, res.TopN) }))
	}
	w.pending = goJobs(jobs)
}

func (w *waveStage) publish(env *stageEnv, rep *reports.Report) error {
	if w.result == nil {
		return nil
	}
	res := w.result
	t := tables.WaveComparison(res)
	rep.Tables = append(rep.Tables, t)
	scopes := waveScopes(env)
	w.prepareCharts(env)
	cs, err := w.pending()
	if err != nil {
		return fmt.Errorf("chart wave ranks: %w", err)
	}
	rep.Charts = append(rep.Charts, cs...)
	for i, scope := range scopes {
		c := cs[i]
		rep.Sections = append(rep.Sections, reports.Section{Key: "waves", Scope: scope,
			Title:      "Change since " + res.BaselineLabel,
			Paragraphs: waveParagraphs(res, scope),
			Charts:     []string{c.Name}})
	}
	rep.Methods = append(rep.Methods, reports.MethodNote{Title: "Wave over wave", Paragraphs: []string{
		fmt.Sprintf("The %s wave is compared with the %s wave, read with the same settings. For every scope, view and need the report gives the rank in each wave and the change in mean, median and top-2 share (current minus baseline).", res.CurrentLabel, res.BaselineLabel),
		fmt.Sprintf("The waves are independent samples, so each is bootstrapped on its own (%d replicates, its own seed) and the interval of a change is the %.0f%% percentile interval of the differences between paired replicates.", res.Replicates, 100*res.Confidence),
		fmt.Sprintf("A need entered the top when it is within the first %d distinct ranks now but was not then, and left it in the opposite case. Needs and regions present in only one wave are listed as such in tables/wave_comparison.csv, never dropped.", res.TopN),
	}})
	return nil
}

// waveParagraphs says in words what entered and left the top and flags a
// scope present in only one wave.
func waveParagraphs(res *waves.Result, scope string) []string {
	before, now := res.BaselineScopes[scope], res.CurrentScopes[scope]
	switch {
	case before == 0 && now > 0:
		return []string{fmt.Sprintf("%s had no respondents in the %s wave: nothing to compare.", scope, res.BaselineLabel)}
	case now == 0 && before > 0:
		return []string{fmt.Sprintf("%s had respondents in the %s wave only.", scope, res.BaselineLabel)}
	}
	var entered, left []string
	for _, r := range res.Rows {
		if r.Scope != scope || r.View != needs.ViewSingle {
			continue
		}
		switch r.TopN {
		case waves.Entered:
			entered = append(entered, r.Label)
		case waves.Left:
			left = append(left, r.Label)
		}
	}
	out := []string{fmt.Sprintf("%d respondents in %s, %d in %s.", before, res.BaselineLabel, now, res.CurrentLabel)}
	if len(entered) > 0 {
		out = append(out, fmt.Sprintf("Entered the top %d: %s.", res.TopN, strings.Join(entered, "; ")))
	}
	if len(left) > 0 {
		out = append(out, fmt.Sprintf("Left the top %d: %s.", res.TopN, strings.Join(left, "; ")))
	}
	if len(entered) == 0 && len(left) == 0 {
		out = append(out, fmt.Sprintf("The same needs are in the top %d in both waves.", res.TopN))
	}
	return out
}
