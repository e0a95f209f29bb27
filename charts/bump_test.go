package charts

import (
	"bytes"
	"strings"
	"testing"

	"needsmap/analysis/needs"
	"needsmap/analysis/waves"
)

func TestBump(t *testing.T) {
	base, cur := &needs.Row{Rank: 2}, &needs.Row{Rank: 1}
	gone := &needs.Row{Rank: 1}
	res := &waves.Result{TopN: 1, CurrentLabel: "2021", BaselineLabel: "2019", Rows: []waves.Row{
		{Scope: "North", View: "single", Category: "a", Label: "Shelter for adults", Baseline: base, Current: cur, TopN: waves.Entered},
		{Scope: "North", View: "single", Category: "b", Label: "Legal assistance", Baseline: gone, Current: &needs.Row{Rank: 2}, TopN: waves.Left},
		{Scope: "North", View: "single", Category: "c", Label: "Not in the top", Baseline: &needs.Row{Rank: 3}, Current: &needs.Row{Rank: 3}},
		{Scope: "South", View: "single", Category: "a", Label: "Shelter for adults", Current: cur, TopN: waves.Entered},
	}}
	c, err := Bump(res, "North", "single", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Shelter for adults: rank 2 in 2019, rank 1 in 2021 (entered the top)",
		"Legal assistance: rank 1 in 2019, rank 2 in 2021 (left the top)"} {
		if !strings.Contains(c.Alt, want) {
			t.Errorf("alt %q lacks %q", c.Alt, want)
		}
	}
	if strings.Contains(c.Alt, "Not in the top") {
		t.Error("a need in neither top is drawn")
	}
	if c.Name != "wave_ranks_north" || len(c.PNG) == 0 || !bytes.Contains(c.SVG, []byte("<svg")) {
		t.Errorf("chart %q: %d PNG bytes", c.Name, len(c.PNG))
	}
	again, _ := Bump(res, "North", "single", 1)
	if !bytes.Equal(c.SVG, again.SVG) || !bytes.Equal(c.PNG, again.PNG) {
		t.Error("bump chart not deterministic")
	}
	empty, err := Bump(res, "East", "single", 1)
	if err != nil || !strings.Contains(empty.Alt, "no need ranked") {
		t.Errorf("empty scope: %v %q", err, empty.Alt)
	}
}
