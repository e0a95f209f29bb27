package pipeline

import (
	"context"
	"log/slog"

	"needsmap/analysis/disclosure"
	"needsmap/data/normalize"
	"needsmap/data/schema"
	"needsmap/reports"
)

// stage is an analysis step beyond the needs ranking (gap scores against a
// resource guide, referral performance, milestones…). It reads its own
// inputs and analyses them in analyse — registering every count it will
// publish with env.Disclosure, so suppression is decided across all
// tables of the report together — and adds its tables, charts, sections
// and methods notes to the report in publish.
type stage interface {
	analyse(ctx context.Context, env *stageEnv) error
	publish(env *stageEnv, rep *reports.Report) error
}

// stageEnv is what a stage gets from the run.
type stageEnv struct {
	Config Config
	Vocab  *normalize.Vocabulary
	// Results of the survey stage (needs ranking, snapshot, geography).
	Results *results
	// Report receives input problems (rejects.csv).
	Report func(schema.Problem)
	// Workers is how many goroutines read one large file.
	Workers int
	// Progress shows long reads (nil: nothing).
	Progress Progress
	// AddInput records a file read, for run.json and the data-quality
	// section.
	AddInput func(reports.Input)
	// Disclosure collects every published count and its equations.
	Disclosure *disclosure.Set
	Log        *slog.Logger
	// Period is the reporting period; the referral and training stages
	// widen its observed span, which the milestones' as-of date may use.
	Period *period
	// Offered reports whether a resource serving a region offers a service
	// (category index). It is nil when no resource guide was read; the
	// resource-guide stage sets it, before the referral stage publishes.
	Offered func(region string, service int) bool
}

// newStages lists the stages a run goes through after the survey, in
// order. A stage with no input configured does nothing.
func newStages() []stage {
	return []stage{&waveStage{}, &gapsStage{}, &referralStage{}, &trainingStage{}, &milestoneStage{}}
}
