package charts

import (
	"math"
	"strings"
	"testing"

	"needsmap/analysis/needs"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"Transportation", 30, "Transportation"},
		{"Mental health, therapy, counseling, support groups", 30, "Mental health, therapy,\ncounseling, support groups"},
		{"Substance use treatment (residential/detox)", 30, "Substance use treatment\n(residential/detox)"},
		{"Very high level need", 12, "Very high\nlevel need"},
		{"Supercalifragilistic word", 5, "Supercalifragilistic\nword"},
		{"  spaced   out  ", 30, "spaced out"},
		{"", 10, ""},
	}
	for _, tc := range tests {
		if got := wrap(tc.in, tc.width); got != tc.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestSlugAndName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Metro East", "metro_east"},
		{"St. Louis", "st_louis"},
		{"Kansas City", "kansas_city"},
		{"Statewide", "statewide"},
		{"  Région 7 / Sud ", "r_gion_7_sud"},
		{"---", "scope"},
	}
	for _, tc := range tests {
		if got := slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := name("top_needs", "St. Louis", needs.ViewSingle); got != "top_needs_st_louis" {
		t.Errorf("single view name = %q", got)
	}
	if got := name("likert", "Statewide", needs.ViewCombined); got != "likert_statewide_combined" {
		t.Errorf("combined view name = %q", got)
	}
}

func TestTieLabels(t *testing.T) {
	res := fixtureNeeds(t)
	rows := res.Top("Metro East", needs.ViewSingle, 3)
	var ranks []int
	for _, r := range rows {
		ranks = append(ranks, r.Rank)
	}
	if got := ranks; len(got) != 5 || got[0] != 1 || got[1] != 1 || got[2] != 3 || got[3] != 3 || got[4] != 5 {
		t.Fatalf("fixture Metro East ranks = %v, want [1 1 3 3 5]", got)
	}
	m, _ := topMarks(rows, DefaultTheme)
	wantPrefix := []string{"#1 (tie)", "#1 (tie)", "#3 (tie)", "#3 (tie)", "#5 "}
	for i, l := range m.shown.Items {
		if !strings.HasPrefix(l.Text, wantPrefix[i]) {
			t.Errorf("label %d = %q, want prefix %q", i, l.Text, wantPrefix[i])
		}
	}
	// Tied items are drawn with the same bar length.
	segs := m.bars.Segs
	if segs[0].X1 != segs[1].X1 || segs[2].X1 != segs[3].X1 || segs[3].X1 == segs[4].X1 {
		t.Errorf("bar lengths %v %v %v %v %v: ties must match", segs[0].X1, segs[1].X1, segs[2].X1, segs[3].X1, segs[4].X1)
	}
	// Highest rank at the top.
	if segs[0].Y <= segs[4].Y {
		t.Errorf("rank 1 drawn at y=%v below rank 5 at y=%v", segs[0].Y, segs[4].Y)
	}
	got := ties(rows)
	want := []string{
		"Shelter for adults and Mental health, therapy, counseling, support groups tied at rank 1",
		"Crisis/emergency services and Substance use treatment (residential/detox) tied at rank 3",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ties = %q, want %q", got, want)
	}
}

func TestRankLabel(t *testing.T) {
	for _, tc := range []struct {
		rank int
		tie  bool
		want string
	}{{1, false, "1"}, {1, true, "1 (tie)"}, {12, true, "12 (tie)"}} {
		if got := rankLabel(tc.rank, tc.tie); got != tc.want {
			t.Errorf("rankLabel(%d, %v) = %q, want %q", tc.rank, tc.tie, got, tc.want)
		}
	}
	if got := andList([]string{"a", "b", "c"}); got != "a, b and c" {
		t.Errorf("andList = %q", got)
	}
}

func TestDiverge(t *testing.T) {
	tests := []struct {
		name string
		dist []int
		want [][2]float64
	}{
		{"neutral split", []int{0, 0, 10, 0, 0}, [][2]float64{{-50, -50}, {-50, -50}, {-50, 50}, {50, 50}, {50, 50}}},
		{"five levels", []int{1, 1, 2, 3, 3}, [][2]float64{{-30, -20}, {-20, -10}, {-10, 10}, {10, 40}, {40, 70}}},
		{"even scale", []int{1, 1, 1, 1}, [][2]float64{{-50, -25}, {-25, 0}, {0, 25}, {25, 50}}},
		{"nobody", []int{0, 0, 0}, [][2]float64{{0, 0}, {0, 0}, {0, 0}}},
	}
	for _, tc := range tests {
		n := 0
		for _, c := range tc.dist {
			n += c
		}
		got := diverge(tc.dist, n)
		for i := range got {
			if math.Abs(got[i][0]-tc.want[i][0]) > 1e-9 || math.Abs(got[i][1]-tc.want[i][1]) > 1e-9 {
				t.Errorf("%s: diverge = %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
	lo, hi := sides([]int{1, 1, 2, 3, 3}, 10)
	if math.Abs(lo-0.2) > 1e-9 || math.Abs(hi-0.6) > 1e-9 {
		t.Errorf("sides = %v, %v, want 0.2, 0.6", lo, hi)
	}
}

func TestCountStep(t *testing.T) {
	for _, tc := range []struct{ x, want float64 }{
		{0, 2}, {3, 1}, {7, 2}, {22, 5}, {57, 10}, {101, 20}, {119, 20}, {508, 100},
	} {
		if got := countStep(tc.x); got != tc.want {
			t.Errorf("countStep(%v) = %v, want %v", tc.x, got, tc.want)
		}
	}
}

func TestLikertPalette(t *testing.T) {
	th := DefaultTheme
	five := th.likert(5)
	for i := range five {
		if five[i] != th.Likert[i] {
			t.Errorf("five-level colour %d = %v, want the anchor %v", i, five[i], th.Likert[i])
		}
	}
	seven := th.likert(7)
	if len(seven) != 7 || seven[0] != th.Likert[0] || seven[6] != th.Likert[4] || seven[3] != th.Likert[2] {
		t.Errorf("seven-level palette must run anchor to anchor through the neutral: %v", seven)
	}
}

func TestInlineSVG(t *testing.T) {
	c, err := TopNeeds(fixtureNeeds(t), needs.StatewideScope, needs.ViewSingle, 5)
	if err != nil {
		t.Fatal(err)
	}
	c.Alt = `Top "needs" & <more>`
	s := c.InlineSVG()
	if !strings.HasPrefix(s, "<svg ") {
		t.Errorf("inline SVG starts %q, want <svg", s[:min(len(s), 40)])
	}
	for _, want := range []string{`role="img"`, `aria-label="Top &#34;needs&#34; &amp; &lt;more&gt;"`, "<title>Top 5 ranked needs statewide</title>"} {
		if !strings.Contains(s, want) {
			t.Errorf("inline SVG lacks %s", want)
		}
	}
	for _, bad := range []string{"<?xml", "<!--", " id="} {
		if strings.Contains(s, bad) {
			t.Errorf("inline SVG contains %q", bad)
		}
	}
	if !strings.Contains(string(c.SVG), "'Liberation Sans',Arial,Helvetica,sans-serif") {
		t.Error("SVG lacks the sans-serif font fallbacks")
	}
}
