package snapshot

import (
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/data/schema"
)

func survivors(served, sex, labor, both int) schema.Survivors {
	s := schema.NoSurvivors
	s.Served, s.Sex, s.Labor, s.Both = served, sex, labor, both
	return s
}

func TestBuilder(t *testing.T) {
	b := NewBuilder([]string{"North", "South"})
	add := func(regions []string, s schema.Survivors) {
		b.Add(&schema.Response{Regions: regions, Survivors: s})
	}
	add([]string{"North"}, survivors(10, 7, 1, 1))
	add([]string{"North"}, survivors(5, schema.Missing, schema.Missing, schema.Missing))
	add([]string{"South"}, schema.NoSurvivors) // did not report: not counted
	add([]string{"North", "South"}, survivors(3, 3, 0, 0))
	res := b.Result()
	g := res.Grid
	if len(g.Rows) != 4 || g.Rows[3] != SeveralRegions {
		t.Fatalf("rows = %v", g.Rows)
	}
	want := map[string][]int{ // survivors, sex, labor, both, type_not_reported
		"Statewide": {18, 10, 1, 1, 6}, "North": {15, 7, 1, 1, 6}, "South": {0, 0, 0, 0, 0}, SeveralRegions: {3, 3, 0, 0, 0},
	}
	for i, name := range g.Rows {
		for c, w := range want[name] {
			if got := g.Cells[i][c].Value; got != w {
				t.Errorf("%s %s = %d, want %d", name, Columns[c], got, w)
			}
		}
	}
	if res.Respondents[0] != 3 || res.Respondents[2] != 0 {
		t.Errorf("respondents = %v", res.Respondents)
	}
	var set disclosure.Set
	res.Register(&set)
	// Every registered relation must hold on the unsuppressed counts, or
	// disclosure control would refuse the table.
	if _, err := set.Protect(disclosure.Options{Suppress: true, K: 11}); err != nil {
		t.Fatal(err)
	}
}

func TestSubtypesOverSexTotalAreDropped(t *testing.T) {
	b := NewBuilder([]string{"North"})
	s := survivors(4, 2, 0, 0)
	s.IPV, s.Pimp = 3, 1 // more subtypes than sex-trafficked survivors
	b.Add(&schema.Response{Regions: []string{"North"}, Survivors: s})
	g := b.Result().Grid
	if g.Cells[1][ColIPV].Value != 0 || g.Cells[1][ColSubtypeNotReported].Value != 2 {
		t.Errorf("ipv %d, subtype_not_reported %d", g.Cells[1][ColIPV].Value, g.Cells[1][ColSubtypeNotReported].Value)
	}
}
