package reports

import (
	"strconv"

	"needsmap/analysis/needs"
	"needsmap/reports/format"
)

// KeyFigure is one headline number of a scope: the cards at the top of the
// statewide summary and of each regional handout.
type KeyFigure struct {
	Scope              string // "Statewide" or a region
	Label, Value, Note string
}

// survivorsNote qualifies every survivors-served figure.
const survivorsNote = "past 12 months, as reported by providers"

// Figures returns a scope's headline numbers: respondents and (statewide)
// regions with few respondents, survivors served as published, then what
// the stages added (largest gap, referral completion, milestones…).
func (r *Report) Figures(scope string) []KeyFigure {
	var out []KeyFigure
	add := func(label, value, note string) {
		out = append(out, KeyFigure{Scope: scope, Label: label, Value: value, Note: note})
	}
	if res := r.Needs; res != nil {
		if info, ok := res.ScopeInfo(scope); ok {
			add("Responding providers", strconv.Itoa(info.Respondents), "")
		}
		if scope == needs.StatewideScope {
			low := 0
			for _, s := range res.Scopes {
				if s.Name != needs.StatewideScope && s.LowN {
					low++
				}
			}
			add("Regions", strconv.Itoa(len(r.Regions)), "")
			add("Regions with low n", strconv.Itoa(low), "fewer than "+strconv.Itoa(res.MinRespondents)+" respondents")
		}
	}
	if v, ok := r.SurvivorsCell(scope, "survivors"); ok {
		add("Survivors served", v, survivorsNote)
	}
	if scope != needs.StatewideScope {
		if v, ok := r.SurvivorsCell(scope, "share_of_statewide"); ok {
			add("Share of statewide", v, "of survivors served")
		}
	}
	for _, f := range r.KeyFigures {
		if f.Scope == scope {
			out = append(out, f)
		}
	}
	return out
}

// SurvivorsCell is a scope's published value in a column of the
// survivors-served table, in its printed form.
func (r *Report) SurvivorsCell(scope, column string) (string, bool) {
	t := r.Table("survivors_served")
	if t == nil || t.Column(column) < 0 {
		return "", false
	}
	c := t.Column(column)
	for _, row := range t.Rows {
		if len(row) == len(t.Columns) && row[0].Text == scope {
			return format.Cell(row[c], column), true
		}
	}
	return "", false
}
