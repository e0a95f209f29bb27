// Package pipeline orders the stages of a run — ingest, normalise,
// analyse, render — and writes the output folder atomically. Its Config
// composes each stage's own Options; it is decoded once (by cmd) and passed
// down, and nothing below reads configuration on its own.
package pipeline

import (
	"fmt"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/gaps"
	"needsmap/analysis/needs"
	"needsmap/analysis/waves"
	"needsmap/data/normalize"
	"needsmap/data/reference"
)

// Config is the whole configuration of a run.
type Config struct {
	Inputs     Inputs                   `mapstructure:"inputs"`
	Output     Output                   `mapstructure:"output"`
	Report     ReportOptions            `mapstructure:"report"`
	Reference  reference.Options        `mapstructure:"reference"`
	Regions    []normalize.RegionSpec   `mapstructure:"regions"`
	Categories []normalize.CategorySpec `mapstructure:"categories"`
	Combined   []normalize.CombinedSpec `mapstructure:"combined"`
	Scale      normalize.ScaleSpec      `mapstructure:"scale"`
	Survey     normalize.SurveyOptions  `mapstructure:"survey"`
	Needs      needs.Options            `mapstructure:"needs"`
	Waves      waves.Options            `mapstructure:"waves"`
	Disclosure disclosure.Options       `mapstructure:"disclosure"`
	// Resources says how the resource guide is read; Gaps how it is
	// scored against the needs.
	Resources normalize.ResourceOptions `mapstructure:"resources"`
	Gaps      gaps.Options              `mapstructure:"gaps"`
	// Period bounds referrals and trainings and dates milestones.
	Period     PeriodOptions              `mapstructure:"period"`
	Referrals  normalize.ReferralOptions  `mapstructure:"referrals"`
	Trainings  normalize.TrainingOptions  `mapstructure:"trainings"`
	Milestones normalize.MilestoneOptions `mapstructure:"milestones"`
}

// Inputs are the files of a run. When every one is empty the bundled
// sample is used; otherwise only the files given are read.
type Inputs struct {
	Survey string `mapstructure:"survey"`
	// Resources is the resource guide (CSV or XLSX).
	Resources string `mapstructure:"resources"`
	// Referrals is a folder of partner agencies' referral sheets.
	Referrals string `mapstructure:"referrals"`
	// Trainings is the trainings and presentations log.
	Trainings string `mapstructure:"trainings"`
	// Milestones is the logic-model tracker.
	Milestones string `mapstructure:"milestones"`
	// BaselineSurvey is an earlier wave to compare the survey with.
	BaselineSurvey string `mapstructure:"baseline_survey"`
}

// UseSample reports whether the run reads the bundled sample.
func (in Inputs) UseSample() bool {
	return in.Survey == "" && in.Resources == "" && in.Referrals == "" && in.Trainings == "" && in.Milestones == "" &&
		in.BaselineSurvey == ""
}

// Output says where results go.
type Output struct {
	Dir string `mapstructure:"dir"`
	// Charts lists the chart formats written (svg, png).
	Charts []string `mapstructure:"charts"`
}

// ReportOptions title the report.
type ReportOptions struct {
	Title    string `mapstructure:"title"`
	Subtitle string `mapstructure:"subtitle"`
}

// Validate checks the configuration and fills stage defaults. It does not
// touch the file system.
func (c *Config) Validate() error {
	if c.Output.Dir == "" {
		return fmt.Errorf("output.dir: empty")
	}
	for _, f := range c.Output.Charts {
		if f != "svg" && f != "png" {
			return fmt.Errorf("output.charts: %q: want svg or png", f)
		}
	}
	if err := c.Needs.Validate(); err != nil {
		return err
	}
	if err := c.Disclosure.Validate(); err != nil {
		return err
	}
	if err := c.Period.Validate(); err != nil {
		return err
	}
	if err := c.Referrals.Validate(); err != nil {
		return err
	}
	if err := c.Trainings.Validate(); err != nil {
		return err
	}
	v, err := c.Vocabulary()
	if err != nil {
		return err
	}
	if err := c.Resources.Validate(v); err != nil {
		return err
	}
	if err := c.Gaps.Validate(itemKeys(v)); err != nil {
		return err
	}
	if err := c.Milestones.Validate(v); err != nil {
		return err
	}
	return c.Survey.Validate(v)
}

// itemKeys are the category and combined-category keys.
func itemKeys(v *normalize.Vocabulary) []string {
	var keys []string
	for _, c := range v.Categories {
		keys = append(keys, c.Key)
	}
	for _, g := range v.Combined {
		keys = append(keys, g.Key)
	}
	return keys
}

// Vocabulary compiles the categories, groups, scale and regions.
func (c *Config) Vocabulary() (*normalize.Vocabulary, error) {
	return normalize.NewVocabulary(c.Categories, c.Combined, c.Scale, c.Regions)
}
