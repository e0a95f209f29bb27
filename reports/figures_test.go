package reports

import (
	"testing"

	"needsmap/reports/tables"
)

func TestFigures(t *testing.T) {
	r := &Report{Regions: []string{"North"}, Tables: []*tables.Table{{Name: "survivors_served",
		Columns: []string{"scope", "survivors", "share_of_statewide"},
		Rows: [][]tables.Cell{{tables.T("Statewide"), tables.I(40), tables.F(1)},
			{tables.T("North"), {Kind: tables.Int, Suppressed: "<11"}, tables.Blank(tables.Float)}}}},
		KeyFigures: []KeyFigure{{Scope: "North", Label: "Largest gap", Value: "Transportation (69)"}}}
	got := r.Figures("North")
	if len(got) != 3 || got[0].Value != "<11" || got[1].Value != "—" || got[2].Label != "Largest gap" {
		t.Errorf("North figures = %+v", got)
	}
	if sw := r.Figures("Statewide"); len(sw) != 1 || sw[0].Value != "40" {
		t.Errorf("Statewide figures = %+v", sw)
	}
}
