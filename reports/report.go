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
	// Sections are the parts other stages (gap scores, referrals,
	// milestones…) add to a scope's section or, with Scope "", as an
	// appendix; renderers show them without knowing what they hold.
	Sections []Section
	// Methods are further methods subsections, in order.
	Methods []MethodNote
	// Suppressions lists every cell disclosure control hid, and why, for
	// the data-quality section.
	Suppressions []Suppression
	// KeyFigures are headline numbers stages add to a scope's cards.
	KeyFigures []KeyFigure
}

// Suppression is one hidden cell: "table[row, column]" and the reason.
type Suppression struct {
	Cell, Reason string
}

// Section is one titled part of the report.
type Section struct {
	// Key is a stable, unique identifier fragment ("gaps", "referrals").
	Key string
	// Scope is "Statewide", a region name, or "" for an appendix placed
	// after the regions.
	Scope      string
	Title      string
	Paragraphs []string
	// Tables are shown with their first column as row headers and their
	// notes below them.
	Tables []*tables.Table
	// Charts names charts of Report.Charts shown in this section (and not
	// again in the scope's general chart list).
	Charts []string
	// Handout puts the first rows of the section's first table on the
	// region's one-page handout; long listings (a directory) leave it off.
	Handout bool
}

// MethodNote is one subsection of the methods appendix.
type MethodNote struct {
	Title      string
	Paragraphs []string
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

// ChartsFor returns the charts of one scope, in order, except those a
// section shows.
func (r *Report) ChartsFor(scope string) []charts.Chart {
	inSection := map[string]bool{}
	for _, s := range r.Sections {
		for _, name := range s.Charts {
			inSection[name] = true
		}
	}
	var out []charts.Chart
	for _, c := range r.Charts {
		if c.Scope == scope && !inSection[c.Name] {
			out = append(out, c)
		}
	}
	return out
}

// Chart returns the chart with the given name.
func (r *Report) Chart(name string) (charts.Chart, bool) {
	for _, c := range r.Charts {
		if c.Name == name {
			return c, true
		}
	}
	return charts.Chart{}, false
}

// SectionsFor returns the sections of one scope ("" for appendices).
func (r *Report) SectionsFor(scope string) []Section {
	var out []Section
	for _, s := range r.Sections {
		if s.Scope == scope {
			out = append(out, s)
		}
	}
	return out
}
