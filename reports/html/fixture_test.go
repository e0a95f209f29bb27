package html

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/charts"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// hostile is input text that must stay inert wherever it appears.
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

// testReport builds a small but complete report from synthetic responses.
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
	acts, err := set.Protect(opts)
	if err != nil {
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
	r.Charts = testCharts(&res, spec.Regions)
	for _, a := range acts {
		r.Suppressions = append(r.Suppressions, reports.Suppression{Cell: a.Cell, Reason: a.Reason})
	}
	return r
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

// testCharts draws one bar chart per scope the way gonum/plot's SVG
// backend writes it: XML prolog, comment and namespaces included.
func testCharts(res *needs.Result, regions []string) []charts.Chart {
	var out []charts.Chart
	for _, scope := range append([]string{needs.StatewideScope}, regions...) {
		n := 3
		if scope == needs.StatewideScope {
			n = 5
		}
		rows := res.Top(scope, needs.ViewSingle, n)
		var alt []string
		for _, r := range rows {
			alt = append(alt, fmt.Sprintf("%s %.2f", r.Label, r.Mean))
		}
		out = append(out, charts.Chart{Name: "top_needs_" + strings.ToLower(strings.ReplaceAll(scope, " ", "_")),
			Title: "Top needs, " + scope + " (mean rating, 0–4)", Scope: scope,
			Alt: "Bar chart of mean need ratings, " + scope + `, "quoted": ` + strings.Join(alt, "; ") + ".",
			SVG: barSVG(rows)})
	}
	return out
}

func barSVG(rows []needs.Row) []byte {
	h := 30 + 26*len(rows)
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\"?>\n<!-- Generated by SVGo and Plotinum VG -->\n"+
		"<svg width=\"468pt\" height=\"%dpt\" viewBox=\"0 0 468 %d\"\n\txmlns=\"http://www.w3.org/2000/svg\"\n\txmlns:xlink=\"http://www.w3.org/1999/xlink\">\n", h, h)
	b.WriteString(`<g style="font-family:Liberation Sans;font-size:10px">` + "\n")
	for i, r := range rows {
		y := 10 + 26*i
		w := r.Mean / 4 * 200
		label := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(r.Label)
		if len(label) > 40 {
			label = label[:40] + "…"
		}
		fmt.Fprintf(&b, `<text x="236" y="%d" text-anchor="end" fill="#1b2430">%s</text>`+"\n", y+14, label)
		fmt.Fprintf(&b, `<rect x="244" y="%d" width="%.1f" height="18" fill="#0072B2"/>`+"\n", y+1, w)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="#1b2430">%.2f</text>`+"\n", 248+w, y+14, r.Mean)
	}
	fmt.Fprintf(&b, `<line x1="244" y1="6" x2="244" y2="%d" stroke="#4a5568"/>`+"\n</g>\n</svg>\n", h-14)
	return []byte(b.String())
}
