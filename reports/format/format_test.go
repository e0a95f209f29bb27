package format

import (
	"math"
	"testing"

	"needsmap/analysis/needs"
	"needsmap/reports/tables"
)

func TestNumbers(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct{ got, want string }{
		{Fixed(3.532710, 2), "3.53"},
		{Fixed(2.675, 2), "2.67"}, // correctly rounded: 2.675 is 2.67499… in binary
		{Fixed(nan, 2), Dash},
		{Fixed(math.Inf(1), 1), Dash},
		{Percent(0.915888, 0), "92%"},
		{Percent(0.0218, 1), "2.2%"},
		{Percent(nan, 1), Dash},
		{Interval(3.4, 3.66), "3.40–3.66"},
		{Interval(nan, 3.66), Dash},
		{Rank(2), "2"},
		{Rank(0), Dash},
		{RankRange(2, 4), "2–4"},
		{RankRange(1, 1), "1"},
		{RankRange(0, 3), Dash},
		{Level(0.95), "95%"},
		{Level(0.975), "97.5%"},
		{LowN(10), "Fewer than 10 respondents: read with care"},
		{Metric(needs.MetricMedian), "median rating, ties broken by the mean"},
		{Metric(""), "mean rating"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestCell(t *testing.T) {
	for _, tc := range []struct {
		cell   tables.Cell
		column string
		want   string
	}{
		{tables.I(57), "survivors", "57"},
		{tables.Cell{Kind: tables.Int, Int: 4, Suppressed: "<11"}, "labor", "<11"},
		{tables.Cell{Kind: tables.Int, Int: 12, Suppressed: "*"}, "both", "*"},
		{tables.F(0.912281), "share_sex", "91.2%"},
		{tables.F(0.5), "p_top3", "50.0%"},
		{tables.F(71.5), "gap", "71.50"},
		{tables.Blank(tables.Float), "share_labor", Dash},
		{tables.T("St. Louis"), "scope", "St. Louis"},
	} {
		if got := Cell(tc.cell, tc.column); got != tc.want {
			t.Errorf("Cell(%+v, %s) = %q, want %q", tc.cell, tc.column, got, tc.want)
		}
	}
}

func TestColumnLabel(t *testing.T) {
	for name, want := range map[string]string{"respondents_reporting": "Providers reporting", "lgbtq": "LGBTQ+",
		"share_completed": "Share completed", "gap": "Gap", "": ""} {
		if got := ColumnLabel(name); got != want {
			t.Errorf("ColumnLabel(%q) = %q, want %q", name, got, want)
		}
	}
}
