package html

import (
	"strconv"

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

// keyFigures are the statewide headline numbers.
func keyFigures(r *reports.Report) []keyFigure {
	var out []keyFigure
	if res := r.Needs; res != nil {
		if info, ok := res.ScopeInfo(statewide); ok {
			out = append(out, keyFigure{Label: "Responding providers", Value: strconv.Itoa(info.Respondents)})
		}
		low := 0
		for _, s := range res.Scopes {
			if s.Name != statewide && s.LowN {
				low++
			}
		}
		out = append(out, keyFigure{Label: "Regions", Value: strconv.Itoa(len(r.Regions))},
			keyFigure{Label: "Regions with low n", Value: strconv.Itoa(low),
				Note: "fewer than " + strconv.Itoa(res.MinRespondents) + " respondents"})
	}
	if v, ok := statewideSurvivors(r); ok {
		out = append(out, keyFigure{Label: "Survivors served", Value: v, Note: "past 12 months, as reported by providers"})
	}
	return out
}

// statewideSurvivors is the published statewide survivors count.
func statewideSurvivors(r *reports.Report) (string, bool) {
	t := r.Table("survivors_served")
	if t == nil || t.Column("survivors") < 0 {
		return "", false
	}
	c := t.Column("survivors")
	for _, row := range t.Rows {
		if len(row) == len(t.Columns) && row[0].Text == statewide {
			return publish(row[c], "survivors"), true
		}
	}
	return "", false
}
