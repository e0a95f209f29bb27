package pipeline

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/data/normalize"
	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/reports"
)

// Version is the tool version written to run.json and the report.
const Version = "0.1.0"

// Deps are what a run needs from its environment.
type Deps struct {
	Log *slog.Logger
	// Progress shows long reads; nil shows nothing.
	Progress Progress
	// Workers bounds the goroutines that read one large file; 0 means
	// one per core (GOMAXPROCS). The outputs do not depend on it.
	Workers int
}

func (d Deps) workers() int {
	if d.Workers > 0 {
		return d.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (d Deps) log() *slog.Logger {
	if d.Log == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return d.Log
}

// Outcome is what a run produced.
type Outcome struct {
	Dir      string
	Inputs   []reports.Input
	Problems []schema.Problem
	Report   *reports.Report
}

// results are the analysis results of a run.
type results struct {
	geo     *reference.Geography
	regions []string
	// needs and snapshot are nil when the run has no survey (an evaluator
	// looking at referrals only).
	needs      *needs.Result
	snapshot   *snapshot.Result
	suppressed []disclosure.Action
	stages     []stage
	env        *stageEnv
	// needCharts, when set, is the needs charts already being drawn.
	needCharts chartFuture
}

// Validate reads every input and reports its problems without analysing
// or writing anything.
func Validate(ctx context.Context, cfg Config, deps Deps) (*Outcome, error) {
	out := &Outcome{}
	_, err := analyse(ctx, cfg, deps, out)
	return out, err
}

// Run reads the inputs, analyses them and writes the output folder
// atomically: on any error the previous folder is left as it was.
func Run(ctx context.Context, cfg Config, deps Deps) (*Outcome, error) {
	out := &Outcome{Dir: cfg.Output.Dir}
	res, err := analyseThen(ctx, cfg, deps, out, startCharts)
	if err != nil {
		return out, err
	}
	// What the analysis keeps is live while the outputs are built, and
	// rendering makes much short-lived garbage (compressors, buffers): a
	// collection at a third of the live heap instead of all of it keeps
	// the peak down (10M referrals: about 150 → 95 MB) at no measurable
	// cost in time (the sample: 0.9–1.1 s either way).
	defer debug.SetGCPercent(debug.SetGCPercent(35))
	rep, err := buildReport(cfg, res, out)
	if err != nil {
		return out, err
	}
	out.Report = rep
	deps.log().Info("writing outputs", "dir", cfg.Output.Dir)
	if err := writeOutputs(ctx, cfg, rep); err != nil {
		return out, err
	}
	return out, nil
}

// analyse ingests and analyses; out collects inputs and problems as they
// are found, so a failed run can still report them.
func analyse(ctx context.Context, cfg Config, deps Deps, out *Outcome) (*results, error) {
	return analyseThen(ctx, cfg, deps, out, nil)
}

// analyseThen is analyse calling early, when given, once the survey is
// analysed (with a nil stage) and once after each stage: what depends on
// nothing later, nor on suppression, can start then, on the cores the
// stages (which run one after another) and disclosure control leave idle.
func analyseThen(ctx context.Context, cfg Config, deps Deps, out *Outcome, early func(*results, stage)) (*results, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	geo, err := reference.Load(cfg.Reference)
	if err != nil {
		return nil, fmt.Errorf("reference data: %w", err)
	}
	regions, err := regionOrder(cfg, geo)
	if err != nil {
		return nil, err
	}
	vocab, err := cfg.Vocabulary()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	nb, err := needs.NewBuilder(needs.Spec{Categories: vocab.Categories, Combined: vocab.Combined,
		Levels: vocab.Levels, Regions: regions}, cfg.Needs)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	report := func(p schema.Problem) { out.Problems = append(out.Problems, p) }
	res := &results{geo: geo, regions: regions, stages: newStages()}
	set := &disclosure.Set{}
	if in, ok := surveyInput(cfg); ok {
		if err := analyseSurvey(ctx, cfg, in, vocab, nb, res, report, out, deps); err != nil {
			return nil, err
		}
		res.snapshot.Register(set)
	}
	res.env = &stageEnv{Config: cfg, Workers: deps.workers(), Progress: deps.Progress, Vocab: vocab, Results: res, Report: report, Disclosure: set, Log: deps.log(),
		Period:   newPeriod(cfg.Period),
		AddInput: func(in reports.Input) { out.Inputs = append(out.Inputs, in) }}
	if early != nil {
		early(res, nil)
	}
	for _, st := range res.stages {
		if err := st.analyse(ctx, res.env); err != nil {
			return nil, err
		}
		if early != nil {
			early(res, st)
		}
	}
	if res.suppressed, err = set.Protect(cfg.Disclosure); err != nil {
		return nil, err
	}
	return res, nil
}

// analyseSurvey reads the survey into the needs ranking and the survivors
// snapshot.
func analyseSurvey(ctx context.Context, cfg Config, in input, vocab *normalize.Vocabulary, nb *needs.Builder,
	res *results, report func(schema.Problem), out *Outcome, deps Deps) error {
	sb := snapshot.NewBuilder(res.regions)
	deps.log().Info("reading survey", "file", in.name)
	tr := newTracker(deps.Progress, in.name)
	cnt := newCounter(nb, sb)
	info, err := readSurvey(cfg, in, vocab, res.geo, deps.workers(), tr.update(), report, func(r *schema.Response) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return cnt.add(ctx, r)
	})
	if cerr := cnt.wait(ctx); err == nil {
		err = cerr
	}
	tr.finish(err == nil)
	out.Inputs = append(out.Inputs, info)
	if err != nil {
		return err
	}
	deps.log().Info("survey read", "rows", info.Read, "kept", info.Kept, "rejected", info.Rejected)
	nr, sr := nb.Result(), sb.Result()
	res.needs, res.snapshot = &nr, &sr
	return nil
}

// regionOrder lists the regions in the order of the config's region list,
// checking that config and region table agree.
func regionOrder(cfg Config, geo *reference.Geography) ([]string, error) {
	if len(cfg.Regions) == 0 {
		return geo.RegionNames(), nil
	}
	var out []string
	for _, r := range cfg.Regions {
		if _, ok := geo.Region(r.Name); !ok {
			return nil, fmt.Errorf("config: region %q has no county in the region table (%v)", r.Name, geo.RegionNames())
		}
		out = append(out, r.Name)
	}
	for _, name := range geo.RegionNames() {
		if !contains(out, name) {
			return nil, fmt.Errorf("config: the region table has region %q, which is missing from the regions list", name)
		}
	}
	return out, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
