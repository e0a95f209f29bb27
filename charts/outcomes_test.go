package charts

import (
	"fmt"
	"strings"
	"testing"

	"needsmap/analysis/referrals"
)

// TestReferralChartsDrawOnlyPublished: a suppressed rate is labelled, not
// drawn, and neither its value nor a suppressed status count appears in
// the drawing or its text alternative.
func TestReferralChartsDrawOnlyPublished(t *testing.T) {
	res := fixtureReferrals(t, true)
	raw := fixtureReferrals(t, false)
	c, err := CompletionByRegion(res, true, "2021")
	if err != nil {
		t.Fatal(err)
	}
	rows := rateRows(res)
	if len(rows) != 4 || !rows[0].Shown || rows[3].Shown || rows[3].Why != suppressedText {
		t.Fatalf("rows = %+v", rows)
	}
	var hiddenRate string
	for _, g := range raw.Groups {
		if g.Region == "South" && g.Service == referrals.AllServices {
			hiddenRate = pct1(g.Rate)
		}
	}
	for _, text := range append(svgTexts(c.SVG), c.Alt) {
		if strings.Contains(text, hiddenRate) {
			t.Errorf("suppressed rate %s drawn: %q", hiddenRate, text)
		}
	}
	v, err := ReferralVolume(res, "South", true)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range res.QuarterGroups {
		if g.Region != "South" {
			continue
		}
		for col, cell := range res.ByQuarter.Cells[i] {
			if !cell.Suppressed || cell.Value == 0 {
				continue
			}
			for _, text := range svgTexts(v.SVG) {
				if text == fmt.Sprint(cell.Value) {
					t.Errorf("%s %s: suppressed %d drawn", res.ByQuarter.Rows[i], referrals.Columns[col], cell.Value)
				}
			}
		}
	}
	for _, b := range volumeBars(res, "South") {
		sum := b.Hidden
		for _, p := range b.Parts {
			sum += max(p, 0)
		}
		if b.Shown && sum != b.Total {
			t.Errorf("bar %q: parts and remainder %d, total %d", b.Label, sum, b.Total)
		}
	}
	internal, err := CompletionByRegion(raw, false, "2021")
	if err != nil || !strings.Contains(internal.Title, "UNSUPPRESSED") || !strings.Contains(internal.Alt, hiddenRate) {
		t.Errorf("internal chart: %q, %q, %v", internal.Title, internal.Alt, err)
	}
}

func TestOutcomeChartsEmpty(t *testing.T) {
	m, err := MilestoneTimeline(fixtureMilestones(), "South", -1, 0)
	if err != nil || !strings.Contains(m.Alt, "no milestones") {
		t.Errorf("empty timeline: %q, %v", m.Alt, err)
	}
	tr, err := TrainingsByQuarter(nil)
	if err != nil || tr.Name != "trainings_by_quarter" {
		t.Errorf("no trainings: %+v, %v", tr.Name, err)
	}
	line := milestoneLabel(fixtureMilestones()[3])
	if n := strings.Count(line, "\n"); n != 1 || !strings.HasPrefix(line, "Long · Expand") {
		t.Errorf("label %q", line)
	}
}
