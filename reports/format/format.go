// Package format gives the report's numbers their printed form — means
// with two decimals, shares as percentages, intervals with an en dash,
// suppressed counts as published — so that report.html and report.pdf say
// exactly the same thing. The CSV and workbook values come from
// reports/tables; this package only decides how a reader sees them.
package format

import (
	"math"
	"strconv"
	"strings"

	"needsmap/analysis/needs"
	"needsmap/reports/tables"
)

// Dash stands for a value that is missing or not computed.
const Dash = "—"

func bad(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }

// Fixed formats x with prec decimals.
func Fixed(x float64, prec int) string {
	if bad(x) {
		return Dash
	}
	return strconv.FormatFloat(x, 'f', prec, 64)
}

// Percent formats a share as a percentage with prec decimals.
func Percent(x float64, prec int) string {
	if bad(x) {
		return Dash
	}
	return strconv.FormatFloat(x*100, 'f', prec, 64) + "%"
}

// Interval formats a mean's interval as "3.20–3.61".
func Interval(lo, hi float64) string {
	if bad(lo) || bad(hi) {
		return Dash
	}
	return Fixed(lo, 2) + "–" + Fixed(hi, 2)
}

// Rank is a rank, or a dash for an unranked need.
func Rank(r int) string {
	if r <= 0 {
		return Dash
	}
	return strconv.Itoa(r)
}

// RankRange formats a rank interval as "2–4", or "2" when it is one rank.
func RankRange(lo, hi int) string {
	switch {
	case lo <= 0 || hi <= 0:
		return Dash
	case lo == hi:
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}

// Level formats a confidence level: 0.95 → "95%", 0.975 → "97.5%".
func Level(c float64) string {
	return strconv.FormatFloat(math.Round(c*1000)/10, 'f', -1, 64) + "%"
}

// Cell is a table cell as a reader sees it: counts and suppression
// symbols as published, shares (columns named share… or p_…) as
// percentages, other statistics with two decimals, a dash when missing.
func Cell(c tables.Cell, column string) string {
	switch {
	case c.Suppressed != "":
		return c.Suppressed
	case c.Missing:
		return Dash
	case c.Kind == tables.Float && (strings.HasPrefix(column, "share") || strings.HasPrefix(column, "p_") ||
		strings.HasSuffix(column, "_rate") || strings.HasPrefix(column, "ci_")):
		return Percent(c.Float, 1)
	case c.Kind == tables.Float && strings.HasSuffix(column, "_days"):
		return Fixed(c.Float, 1)
	case c.Kind == tables.Float:
		return Fixed(c.Float, 2)
	}
	return c.String()
}

// columnLabels are the printed headers of known table columns.
var columnLabels = map[string]string{
	"scope": "Scope", "respondents_reporting": "Providers reporting", "type_not_reported": "Type not reported",
	"ipv": "Intimate partner", "pimp": "Pimp or manager", "survival": "Survival sex", "other_sex": "Other sex trafficking",
	"subtype_not_reported": "Subtype not reported", "age_not_reported": "Age not reported", "lgbtq": "LGBTQ+",
	"share_sex": "Sex share", "share_labor": "Labor share", "share_both": "Both share",
	"share_of_statewide": "Share of statewide",
	"ci_low":             "CI low", "ci_high": "CI high", "events_with_attendance": "Events reporting attendance",
	"other_events": "Other events", "days_late": "Days late", "target_date": "Target date",
	"completed_on": "Completed on", "reported_status": "Reported status", "no_target": "No target",
}

// ColumnLabel is the printed header of a column: a known label, or the
// name with underscores as spaces and a capital first letter.
func ColumnLabel(name string) string {
	if l, ok := columnLabels[name]; ok {
		return l
	}
	s := strings.ReplaceAll(name, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// LowN is the small-sample warning.
func LowN(min int) string {
	return "Fewer than " + strconv.Itoa(min) + " respondents: read with care"
}

// Metric says in words what the ranking sorts by.
func Metric(metric string) string {
	switch metric {
	case needs.MetricMedian:
		return "median rating, ties broken by the mean"
	case needs.MetricTop2:
		return "top-2 share, ties broken by the mean"
	}
	return "mean rating"
}
