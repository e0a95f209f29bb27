package html

import (
	"needsmap/reports"
	"needsmap/reports/format"
)

// The printed form of numbers is shared with report.pdf (reports/format).
const dash = format.Dash

var (
	fixed     = format.Fixed
	percent   = format.Percent
	interval  = format.Interval
	rankText  = format.Rank
	rankRange = format.RankRange
	level     = format.Level
)

// keyFigures are a scope's headline numbers, as the report model lists
// them.
func keyFigures(r *reports.Report, scope string) []keyFigure {
	var out []keyFigure
	for _, f := range r.Figures(scope) {
		out = append(out, keyFigure{Label: f.Label, Value: f.Value, Note: f.Note})
	}
	return out
}
