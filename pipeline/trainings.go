package pipeline

import (
	"context"

	"needsmap/analysis/trainings"
	"needsmap/data/normalize"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// trainingStage summarises the trainings and presentations log.
type trainingStage struct {
	rows    []trainings.Row
	outside int
}

func (s *trainingStage) analyse(ctx context.Context, env *stageEnv) error {
	cfg := env.Config
	in, ok := inputFor(cfg, "trainings", cfg.Inputs.Trainings, "trainings.csv")
	if !ok {
		return nil
	}
	env.Log.Info("reading trainings", "file", in.name)
	b := trainings.NewBuilder(env.Results.regions, env.Period.from, env.Period.to)
	reader := &normalize.Trainings{Vocab: env.Vocab, Geo: env.Results.geo, Options: cfg.Trainings, Report: env.Report}
	info, used, err := readSheets(in, env.Report, env.Progress, func(t *source.Table) (normalize.Stats, error) {
		return reader.Read(t, func(tr *schema.Training) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			b.Add(tr)
			return nil
		})
	})
	env.AddInput(info)
	if err != nil {
		return err
	}
	if !used {
		return &schema.FatalError{File: in.name, Reason: "no usable trainings sheet; see the problems listed"}
	}
	s.rows, s.outside = b.Rows(), b.Outside
	env.Period.observe(b.First, b.Last)
	return nil
}
