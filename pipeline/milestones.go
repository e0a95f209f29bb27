package pipeline

import (
	"context"

	"needsmap/analysis/outcomes"
	"needsmap/data/normalize"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// milestoneStage judges the logic-model tracker's milestones on the
// as-of date.
type milestoneStage struct {
	assessed []outcomes.Assessed
	summary  []outcomes.SummaryRow
	asOf     schema.Date
}

func (s *milestoneStage) analyse(_ context.Context, env *stageEnv) error {
	cfg := env.Config
	in, ok := inputFor(cfg, "milestones", cfg.Inputs.Milestones, "milestones.csv")
	if !ok {
		return nil
	}
	env.Log.Info("reading milestones", "file", in.name)
	reader := &normalize.Milestones{Vocab: env.Vocab, Options: cfg.Milestones, Report: env.Report}
	var all []schema.Milestone
	info, used, err := readSheets(in, env.Report, env.Progress, func(t *source.Table) (normalize.Stats, error) {
		ms, st, err := reader.Read(t)
		all = append(all, ms...)
		return st, err
	})
	env.AddInput(info)
	if err != nil {
		return err
	}
	if !used {
		return &schema.FatalError{File: in.name, Reason: "no usable logic-model sheet; see the problems listed"}
	}
	s.asOf = env.Period.asOfDate()
	if s.asOf == schema.NoDate {
		return &schema.FatalError{File: in.name, Reason: "milestones are judged on an as-of date: give --as-of, --period or --to " +
			"(or period.as_of in the config), or read referrals or trainings whose latest date can serve"}
	}
	s.assessed = outcomes.Assess(all, env.Results.regions, outcomes.Options{AsOf: s.asOf, DueSoonDays: cfg.Milestones.DueSoonDays})
	s.summary = outcomes.Summarise(s.assessed)
	return nil
}
