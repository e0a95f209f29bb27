package pipeline

import (
	"context"
	"fmt"

	"needsmap/analysis/referrals"
	"needsmap/data/normalize"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// referralStage reads the partner agencies' referral sheets and measures
// follow-through (issue 4).
type referralStage struct {
	res   *referrals.Result
	files int
}

func (s *referralStage) analyse(ctx context.Context, env *stageEnv) error {
	cfg := env.Config
	ins, err := folderInputs(cfg, "referrals", cfg.Inputs.Referrals, "referrals", env.Report)
	if err != nil || len(ins) == 0 {
		return err
	}
	env.Log.Info("reading referrals", "files", len(ins))
	p := env.Period
	b := referrals.NewBuilder(env.Results.regions, len(env.Vocab.Categories), referrals.Options{
		Confidence: cfg.Referrals.Confidence, WindowDays: cfg.Referrals.DuplicateWindowDays,
		From: p.from, To: p.to, Dedup: len(ins) > 1}, env.Report)
	used := 0
	for i, in := range ins {
		reader := &normalize.Referrals{Vocab: env.Vocab, Geo: env.Results.geo, Options: cfg.Referrals, Input: i, Report: env.Report}
		info, ok, err := readSheets(in, env.Report, func(t *source.Table) (normalize.Stats, error) {
			return reader.Read(t, func(r *schema.Referral) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				b.Add(r)
				return nil
			})
		})
		env.AddInput(info)
		if err != nil {
			return err
		}
		if ok {
			used++
		}
	}
	if used == 0 {
		return &schema.FatalError{File: cfg.Inputs.Referrals, Reason: fmt.Sprintf(
			"no usable referral sheet in %d file(s); see the problems listed", len(ins))}
	}
	s.files = len(ins)
	s.res = b.Result(poolBelow(cfg))
	p.observe(s.res.First, s.res.Last)
	s.res.Register(env.Disclosure)
	env.Log.Info("referrals analysed", "duplicates", s.res.Duplicates, "outside period", s.res.Outside)
	return nil
}

// poolBelow is the network's pooling threshold: the suppression k, so no
// agency pair is listed with a small total; none without suppression.
func poolBelow(cfg Config) int {
	if !cfg.Disclosure.Suppress {
		return 0
	}
	return cfg.Disclosure.K
}
