// Package reports holds the model every report renderer (HTML, workbook,
// PDF) draws from, so they all show the same tables, charts and notices.
package reports

import (
	"needsmap/analysis/needs"
	"needsmap/charts"
	"needsmap/data/schema"
	"needsmap/reports/tables"
)

// Report is everything a run publishes.
type Report struct {
	Title string
	// Subtitle names the wave or period, never a timestamp (outputs must be
	// byte-identical across runs).
	Subtitle string
	// Notices are shown at the top of every output: an approximate region
	// table, suppression turned off, small samples.
	Notices []string
	Regions []string
	Needs   *needs.Result
	// Tables in output order; Tables[i].Name is the CSV stem and sheet name.
	Tables []*tables.Table
	Charts []charts.Chart
	Inputs []Input
	// Problems are every rejected row or ignored cell (rejects.csv).
	Problems []schema.Problem
	// Settings are the run's effective settings, for the About sheet and
	// the methods section, as ordered key/value pairs.
	Settings []Setting
	Version  string
	// Suppressed is false when --no-suppression was given.
	Suppressed bool
	// K is the suppression threshold.
	K int
}

// Input describes one input file.
type Input struct {
	Role     string // survey, resources, referrals...
	File     string
	SHA256   string
	Layout   string
	Encoding string
	Read     int
	Kept     int
	Rejected int
}

// Setting is one key/value pair of the effective configuration.
type Setting struct {
	Key, Value string
}

// Table returns the table with the given name, or nil.
func (r *Report) Table(name string) *tables.Table {
	for _, t := range r.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// ChartsFor returns the charts of one scope, in order.
func (r *Report) ChartsFor(scope string) []charts.Chart {
	var out []charts.Chart
	for _, c := range r.Charts {
		if c.Scope == scope {
			out = append(out, c)
		}
	}
	return out
}
