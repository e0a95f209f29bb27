package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/charts"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// hostile is input text that must stay plain text wherever it appears.
const hostile = `<script>alert(1)</script>`

var categories = []schema.Category{
	{Key: "mental_health", Label: "Mental health, therapy, counseling, support groups"},
	{Key: "sud_residential", Label: "Substance use treatment (residential/detox)"},
	{Key: "sud_outpatient", Label: "Substance use treatment (outpatient)"},
	{Key: "transitional_housing", Label: "Transitional housing"},
	{Key: "adult_shelter", Label: "Shelter for adults"},
	{Key: "minor_shelter", Label: "Shelter for minors"},
	{Key: "crisis_services", Label: "Crisis/emergency services"},
	{Key: "legal_assistance", Label: "Legal assistance"},
	{Key: "transportation", Label: "Transportation"},
	{Key: "hostile", Label: hostile},
}

// profiles are each region's typical rating per category, and its size.
var profiles = []struct {
	region string
	n      int
	base   []float64
}{
	{"St. Louis", 30, []float64{3.5, 2.6, 2.3, 3.0, 3.1, 2.8, 2.7, 3.2, 2.2, 1.0}},
	{"Metro East", 12, []float64{3.2, 2.9, 2.4, 3.4, 3.4, 2.5, 3.2, 2.6, 2.4, 1.0}},
	{"Southeast", 6, []float64{3.1, 2.9, 2.5, 2.7, 3.3, 2.4, 2.5, 2.4, 2.6, 1.0}},
}

// testReport builds a small but complete report from synthetic responses,
// with real charts, sections for a region, an appendix with a wide table
// and a methods note.
func testReport(t testing.TB, suppressed bool) *reports.Report {
	t.Helper()
	spec := needs.Spec{Categories: categories,
		Combined: []schema.Combined{
			{Key: "housing", Label: "Housing", Members: []string{"adult_shelter", "minor_shelter", "transitional_housing"}, Rule: "max"},
			{Key: "mh_sud", Label: "Mental Health & Substance Treatment", Members: []string{"mental_health", "sud_residential", "sud_outpatient"}, Rule: "max"},
		},
		Levels: []schema.Level{{Value: 0, Label: "Not a need"}, {Value: 1, Label: "Low level need"},
			{Value: 2, Label: "Moderate level need"}, {Value: 3, Label: "High level need"}, {Value: 4, Label: "Very high level need"}},
	}
	for _, p := range profiles {
		spec.Regions = append(spec.Regions, p.region)
	}
	b, err := needs.NewBuilder(spec, needs.Options{MinRespondents: 10, Bootstrap: 200, Seed: 2021})
	if err != nil {
		t.Fatal(err)
	}
	snap := snapshot.NewBuilder(spec.Regions)
	for _, resp := range responses() {
		if err := b.Add(&resp); err != nil {
			t.Fatal(err)
		}
		snap.Add(&resp)
	}
	res := b.Result()
	sr := snap.Result()
	opts := disclosure.Options{Suppress: suppressed, K: 11}
	var set disclosure.Set
	sr.Register(&set)
	if _, err := set.Protect(opts); err != nil {
		t.Fatal(err)
	}
	r := &reports.Report{
		Title:    "Missouri and Metro East Anti-Trafficking Needs Assessment",
		Subtitle: "Wave 2 survey — fictional test data",
		Notices: []string{"The county-to-region table is an approximate default; replace it with the coalition's official table.",
			"Notice with hostile text: " + hostile},
		Regions: spec.Regions, Needs: &res, Version: "0.0.0-test", Suppressed: suppressed, K: opts.K,
		Tables: []*tables.Table{tables.NeedsRanking(&res), tables.NeedsDetail(&res), tables.Scopes(&res),
			tables.Survivors(sr, opts)},
		Inputs:   testInputs(),
		Problems: testProblems(),
		Settings: []reports.Setting{{Key: "needs.metric", Value: "mean"}, {Key: "needs.bootstrap", Value: "200"},
			{Key: "needs.seed", Value: "2021"}, {Key: "needs.combined.housing", Value: "adult_shelter + minor_shelter + transitional_housing (max)"},
			{Key: "disclosure.k", Value: "11"}},
	}
	r.Tables = append(r.Tables, tables.Rejects(r.Problems))
	r.Charts = slices.Clone(testCharts(t, &res, spec.Regions))
	addSections(r)
	return r
}

// addSections adds what later stages would: a gap table with more rows
// than a one-pager shows, a referral table, a statewide chart section, an
// appendix with a table too wide for the page, and a methods note.
func addSections(r *reports.Report) {
	gap := &tables.Table{Name: "gap_scores", Title: "Largest gaps, Metro East", Columns: []string{"category", "need", "resources", "gap"},
		Notes: []string{"Gap 0–100: need against supply."}}
	for i, c := range categories[:8] {
		gap.Rows = append(gap.Rows, []tables.Cell{tables.T(c.Label), tables.F(3.5 - float64(i)/4), tables.I(i), tables.F(90 - 7*float64(i))})
	}
	ref := &tables.Table{Name: "referrals", Title: "Referral completion, Metro East", Columns: []string{"service", "referrals", "completed", "share_completed"},
		Rows: [][]tables.Cell{{tables.T("Legal assistance"), tables.I(40), {Kind: tables.Int, Suppressed: "<11"}, tables.Blank(tables.Float)},
			{tables.T("Shelter for adults"), tables.I(55), tables.I(31), tables.F(31.0 / 55)}}}
	wide := &tables.Table{Name: "resource_directory", Title: "Resources by county (a wide table)",
		Columns: []string{"county", "mental_health", "sud_residential", "sud_outpatient", "transitional_housing", "adult_shelter",
			"minor_shelter", "crisis_services", "legal_assistance", "transportation", "interpretation_translation", "immigration_assistance"}}
	for i := 0; i < 40; i++ {
		row := []tables.Cell{tables.T("County number " + strconv.Itoa(i+1))}
		for j := 1; j < len(wide.Columns); j++ {
			row = append(row, tables.I((i*7+j*3)%13))
		}
		wide.Rows = append(wide.Rows, row)
	}
	r.Tables = append(r.Tables, gap, ref, wide)
	r.Sections = []reports.Section{
		{Key: "gaps", Scope: "Metro East", Title: "Largest gaps", Paragraphs: []string{"Need against supply, by category."}, Tables: []*tables.Table{gap}, Handout: true},
		{Key: "referrals", Scope: "Metro East", Title: "Referral completion", Tables: []*tables.Table{ref}, Handout: true},
		{Key: "figure", Scope: "Statewide", Title: "Top needs figure", Charts: []string{"top_needs_statewide"}},
		{Key: "directory", Title: "Resource directory", Paragraphs: []string{"Resources per county and category."}, Tables: []*tables.Table{wide}},
	}
	r.Methods = []reports.MethodNote{{Title: "Gap scores", Paragraphs: []string{"The gap formula weighs need against supply."}}}
}

// responses draws deterministic synthetic providers; in Metro East two
// pairs of needs get identical ratings, so they tie.
func responses() []schema.Response {
	rng := rand.New(rand.NewPCG(7, 11))
	var out []schema.Response
	for _, p := range profiles {
		for i := 0; i < p.n; i++ {
			r := schema.Response{Regions: []string{p.region}, Ratings: make([]int8, len(categories)), Survivors: schema.NoSurvivors}
			for c, base := range p.base {
				v := int(base + rng.Float64()*1.6 - 0.8 + 0.5)
				r.Ratings[c] = int8(min(max(v, 0), 4))
				if rng.IntN(20) == 0 {
					r.Ratings[c] = schema.Missing
				}
			}
			if p.region == "Metro East" {
				r.Ratings[3] = r.Ratings[4] // transitional housing = adult shelter
				r.Ratings[6] = r.Ratings[0] // crisis services = mental health
			}
			if i%2 == 0 {
				sex, both, labor := 3+rng.IntN(14), 1+rng.IntN(4), 0
				if p.region == "St. Louis" {
					labor = rng.IntN(3)
				}
				r.Survivors.Served, r.Survivors.Sex, r.Survivors.Labor, r.Survivors.Both = sex+both+labor, sex, labor, both
			}
			out = append(out, r)
		}
	}
	return out
}

func testInputs() []reports.Input {
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	return []reports.Input{
		{Role: "survey", File: "survey_wave2.csv", SHA256: sum("survey"), Layout: "qualtrics", Encoding: "utf-8", Read: 52, Kept: 48, Rejected: 4},
		{Role: "resources", File: "resource_guide.xlsx", SHA256: sum("resources"), Layout: "xlsx", Encoding: "", Read: 310, Kept: 300, Rejected: 10},
	}
}

func testProblems() []schema.Problem {
	var ps []schema.Problem
	reasons := []string{"rating outside the scale", "unknown county", `=HYPERLINK("x")`, "duplicate respondent id"}
	for i := 0; i < 25; i++ {
		p := schema.Problem{File: "survey_wave2.csv", Row: 4 + i, Column: 5 + i%3, Field: "need_legal_assistance",
			Reason: reasons[i%len(reasons)], Value: "7"}
		if i == 2 {
			p.Value = hostile
		}
		if i%5 == 4 {
			p.File, p.Sheet, p.Field = "resource_guide.xlsx", "Cass", "county_fips"
		}
		ps = append(ps, p)
	}
	return ps
}

var (
	chartsOnce  sync.Once
	chartsDrawn []charts.Chart
)

// testCharts draws the charts a run draws: top needs statewide and per
// region, and a Likert chart per scope. The fixture's ratings never
// change, so they are drawn once.
func testCharts(t testing.TB, res *needs.Result, regions []string) []charts.Chart {
	t.Helper()
	chartsOnce.Do(func() { chartsDrawn = drawCharts(t, res, regions) })
	return chartsDrawn
}

func drawCharts(t testing.TB, res *needs.Result, regions []string) []charts.Chart {
	top, err := charts.TopNeeds(res, needs.StatewideScope, needs.ViewSingle, 5)
	if err != nil {
		t.Fatal(err)
	}
	out := []charts.Chart{top}
	regional, err := charts.TopByRegion(res, regions, needs.ViewSingle, 3)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, regional...)
	for _, scope := range append([]string{needs.StatewideScope}, regions...) {
		lk, err := charts.Likert(res, scope, needs.ViewSingle)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, lk)
	}
	return out
}
