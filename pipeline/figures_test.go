package pipeline

import (
	"testing"

	"needsmap/reports"
	"needsmap/reports/tables"
)

func TestOutcomeFigures(t *testing.T) {
	suppressed := tables.I(7)
	suppressed.Suppressed = "<11"
	hiddenRate := tables.Blank(tables.Float)
	hiddenRate.Suppressed = "*"
	referrals := &tables.Table{Name: "referrals_by_region_service",
		Columns: []string{"region", "service", "referrals", "completion_rate", "ci_low", "ci_high"},
		Rows: [][]tables.Cell{
			{tables.T("Statewide"), tables.T("housing"), tables.I(40), tables.F(0.5), tables.F(0.3), tables.F(0.7)},
			{tables.T("Statewide"), tables.T("all_services"), tables.I(120), tables.F(0.615), tables.F(0.602), tables.F(0.628)},
			{tables.T("Central"), tables.T("all_services"), suppressed, hiddenRate, tables.Blank(tables.Float), tables.Blank(tables.Float)},
		}}
	milestones := &tables.Table{Name: "milestone_summary",
		Columns: []string{"region", "need", "milestones", "complete", "overdue"},
		Rows: [][]tables.Cell{
			{tables.T("Statewide"), tables.T("all"), tables.I(17), tables.I(8), tables.I(5)},
		}}
	rep := &reports.Report{Tables: []*tables.Table{referrals, milestones}}
	outcomeFigures(rep, []string{"Statewide", "Central", "Southwest"})

	want := []reports.KeyFigure{
		{Scope: "Statewide", Label: "Referrals completed", Value: "62%", Note: "95% CI 60%–63% of 120 referrals"},
		{Scope: "Statewide", Label: "Milestones overdue", Value: "5", Note: "of 17; 8 complete"},
		{Scope: "Central", Label: "Referrals completed", Value: "—", Note: "rate not published: too few referrals"},
	}
	if len(rep.KeyFigures) != len(want) {
		t.Fatalf("got %d figures %+v, want %d", len(rep.KeyFigures), rep.KeyFigures, len(want))
	}
	for i, w := range want {
		if g := rep.KeyFigures[i]; g != w {
			t.Errorf("figure %d = %+v, want %+v", i, g, w)
		}
	}
}
