package html

import (
	"math"
	"strconv"

	"needsmap/reports"
)

// dash stands for a value that is missing or not computed.
const dash = "—"

func bad(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }

// fixed formats x with prec decimals.
func fixed(x float64, prec int) string {
	if bad(x) {
		return dash
	}
	return strconv.FormatFloat(x, 'f', prec, 64)
}

// percent formats a share as a percentage with prec decimals.
func percent(x float64, prec int) string {
	if bad(x) {
		return dash
	}
	return strconv.FormatFloat(x*100, 'f', prec, 64) + "%"
}

// interval formats a mean's interval as "3.20–3.61".
func interval(lo, hi float64) string {
	if bad(lo) || bad(hi) {
		return dash
	}
	return fixed(lo, 2) + "–" + fixed(hi, 2)
}

// rankText is a rank, or a dash for an unranked need.
func rankText(r int) string {
	if r <= 0 {
		return dash
	}
	return strconv.Itoa(r)
}

// rankRange formats a rank interval as "2–4", or "2" when it is one rank.
func rankRange(lo, hi int) string {
	switch {
	case lo <= 0 || hi <= 0:
		return dash
	case lo == hi:
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}

// level formats a confidence level: 0.95 → "95%", 0.975 → "97.5%".
func level(c float64) string {
	return strconv.FormatFloat(math.Round(c*1000)/10, 'f', -1, 64) + "%"
}

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
