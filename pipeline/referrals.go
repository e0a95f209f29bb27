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
		info, ok, err := readSheets(in, env.Report, env.Progress, func(t *source.Table) (normalize.Stats, error) {
			if len(ins) > 1 {
				// Duplicates across files are matched record by record.
				return reader.Read(t, func(r *schema.Referral) error {
					b.Add(r)
					return ctx.Err()
				})
			}
			return readParallel(ctx, reader, t, b, env.Workers)
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

// readParallel reads one table on every core: each worker counts
// records in a shard of the builder, which confirms them in file order.
func readParallel(ctx context.Context, reader *normalize.Referrals, t *source.Table, b *referrals.Builder, workers int) (normalize.Stats, error) {
	shards := make([]*referrals.Shard, workers)
	for w := range shards {
		shards[w] = b.NewShard()
	}
	n := 0
	st, err := normalize.ReadReferrals(reader, t, workers,
		func(w int, rec *schema.Referral) referrals.Prepared { return shards[w].Count(rec) },
		func(p referrals.Prepared) error {
			b.Confirm(p)
			if n++; n%4096 == 0 {
				return ctx.Err()
			}
			return nil
		}, b.Retract)
	b.Absorb(shards...)
	return st, err
}

// poolBelow is the network's pooling threshold: the suppression k, so no
// agency pair is listed with a small total; none without suppression.
func poolBelow(cfg Config) int {
	if !cfg.Disclosure.Suppress {
		return 0
	}
	return cfg.Disclosure.K
}
