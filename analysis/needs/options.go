// Package needs ranks service needs from a survey wave: per scope
// (statewide and each region) and view (single categories, or with the
// combined categories replacing their members) it computes n, median, mean,
// top-2 share and the distribution over the scale, ranks the items with
// competition ranking (ties share a rank: 1-2-2-4), and gives seeded
// bootstrap intervals for each mean and each rank.
//
// Responses are streamed into a Builder, which keeps exact histograms and,
// only when a bootstrap is asked for, a compact copy of each respondent's
// ratings; memory does not grow with the rows otherwise.
package needs

import (
	"fmt"

	"needsmap/data/schema"
)

// Metrics a ranking can use.
const (
	MetricMean   = "mean"
	MetricMedian = "median"
	MetricTop2   = "top2"
)

// Options are the needs-ranking settings from config.
type Options struct {
	// Metric ranks by "mean" (default), "median" or "top2"; median and
	// top2 break ties by the mean.
	Metric string `mapstructure:"metric"`
	// MinRespondents flags scopes with fewer respondents than this.
	MinRespondents int `mapstructure:"min_respondents"`
	// Bootstrap is the number of replicates (0 turns the bootstrap off).
	Bootstrap int `mapstructure:"bootstrap"`
	// Seed makes the bootstrap reproducible.
	Seed uint64 `mapstructure:"seed"`
	// Confidence is the interval level (default 0.95).
	Confidence float64 `mapstructure:"confidence"`
	// TopN is how many top needs the report and charts show per region.
	TopN int `mapstructure:"top_n"`
	// TopK is the rank cut-off for the p_top3 probability (default 3).
	TopK int `mapstructure:"top_k"`
}

// Validate checks the options and fills defaults.
func (o *Options) Validate() error {
	switch o.Metric {
	case "":
		o.Metric = MetricMean
	case MetricMean, MetricMedian, MetricTop2:
	default:
		return fmt.Errorf("needs.metric %q: want mean, median or top2", o.Metric)
	}
	if o.Bootstrap < 0 {
		return fmt.Errorf("needs.bootstrap %d: want 0 or more replicates", o.Bootstrap)
	}
	if o.Confidence == 0 {
		o.Confidence = 0.95
	}
	if o.Confidence <= 0 || o.Confidence >= 1 {
		return fmt.Errorf("needs.confidence %v: want a level between 0 and 1", o.Confidence)
	}
	if o.TopN <= 0 {
		o.TopN = 3
	}
	if o.TopK <= 0 {
		o.TopK = 3
	}
	if o.MinRespondents < 0 {
		return fmt.Errorf("needs.min_respondents %d: want 0 or more", o.MinRespondents)
	}
	return nil
}

// Spec describes what is being ranked: the categories in the order of
// Response.Ratings, the combined groups, the scale and the regions.
type Spec struct {
	Categories []schema.Category
	Combined   []schema.Combined
	Levels     []schema.Level // ascending values; the top two are "top-2"
	Regions    []string       // scopes after Statewide, in report order
}

// StatewideScope is the scope name of the whole-state summary.
const StatewideScope = "Statewide"

// Views.
const (
	ViewSingle   = "single"
	ViewCombined = "combined"
)
