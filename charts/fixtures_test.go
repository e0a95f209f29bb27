package charts

import (
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/data/schema"
)

var testLevels = []schema.Level{
	{Value: 0, Label: "Not a need"}, {Value: 1, Label: "Low level need"},
	{Value: 2, Label: "Moderate level need"}, {Value: 3, Label: "High level need"},
	{Value: 4, Label: "Very high level need"},
}

// Canonical categories from SPEC, in survey column order.
var sampleCategories = []schema.Category{
	{Key: "mental_health", Label: "Mental health, therapy, counseling, support groups"},
	{Key: "sud_residential", Label: "Substance use treatment (residential/detox)"},
	{Key: "sud_outpatient", Label: "Substance use treatment (outpatient)"},
	{Key: "transitional_housing", Label: "Transitional housing"},
	{Key: "adult_shelter", Label: "Shelter for adults"},
	{Key: "minor_shelter", Label: "Shelter for minors"},
	{Key: "crisis_services", Label: "Crisis/emergency services"},
	{Key: "legal_assistance", Label: "Legal assistance"},
	{Key: "transportation", Label: "Transportation"},
	{Key: "peer_mentorship", Label: "Peer mentorship"},
	{Key: "case_management", Label: "Case management"},
	{Key: "medical_care", Label: "Medical care"},
	{Key: "dental_care", Label: "Dental care"},
	{Key: "employment", Label: "Job training/employment"},
	{Key: "education", Label: "Education (GED, college, ESL)"},
	{Key: "interpretation", Label: "Interpretation/translation"},
	{Key: "basic_needs", Label: "Food, clothing, toiletries"},
	{Key: "financial_assistance", Label: "Financial assistance"},
	{Key: "child_care", Label: "Child care"},
	{Key: "life_skills", Label: "Life skills"},
	{Key: "id_documents", Label: "ID and documents"},
	{Key: "immigration", Label: "Immigration assistance (T/U visa)"},
}

var sampleRegions = []string{"St. Louis", "Metro East", "Southeast", "Southwest", "Northwest", "Northeast", "Kansas City", "Central"}

// fixtureRegions include one region nobody answered for.
var fixtureRegions = []string{"St. Louis", "Metro East", "Kansas City", "Nowhere"}

// fixtureResponses is a small hand-made wave: Metro East ranks 1,1,3,3,5
// on its first five categories; St. Louis has a spread of answers.
func fixtureResponses() []*schema.Response {
	rs := []*schema.Response{}
	add := func(region string, served, sex, labor, both int, ratings ...int8) {
		s := schema.NoSurvivors
		s.Served, s.Sex, s.Labor, s.Both = served, sex, labor, both
		rs = append(rs, &schema.Response{Regions: []string{region}, Ratings: ratings, Survivors: s})
	}
	add("Metro East", 4, 3, 0, 1, 4, 4, 3, 3, 2, 1)
	add("Metro East", 3, 3, 0, 0, 4, 4, 3, 3, 2, 0)
	add("St. Louis", 30, 25, 2, 3, 4, 3, 2, 1, 0, -1)
	add("St. Louis", 20, 18, 0, 2, 3, 4, 4, 2, 1, 2)
	add("St. Louis", 10, 10, 0, 0, 4, 2, 3, 0, 2, 3)
	add("St. Louis", 7, 5, 1, 1, 2, 3, 1, 4, 0, -1)
	add("Kansas City", 40, 38, 0, 2, 1, 2, 4, 4, 3, 2)
	add("Kansas City", 25, 20, 3, 2, 0, 3, 3, 4, 4, 1)
	return rs
}

var fixtureCategories = []schema.Category{
	{Key: "mental_health", Label: "Mental health, therapy, counseling, support groups"},
	{Key: "adult_shelter", Label: "Shelter for adults"},
	{Key: "crisis_services", Label: "Crisis/emergency services"},
	{Key: "sud_residential", Label: "Substance use treatment (residential/detox)"},
	{Key: "transportation", Label: "Transportation"},
	{Key: "legal_assistance", Label: "Legal assistance"},
}

func buildNeeds(t testing.TB, spec needs.Spec, rs []*schema.Response, reps int) *needs.Result {
	t.Helper()
	b, err := needs.NewBuilder(spec, needs.Options{Bootstrap: reps, Seed: 7, MinRespondents: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	res := b.Result()
	return &res
}

func fixtureNeeds(t testing.TB) *needs.Result {
	spec := needs.Spec{Categories: fixtureCategories, Levels: testLevels, Regions: fixtureRegions}
	return buildNeeds(t, spec, fixtureResponses(), 200)
}

func buildSnapshot(t testing.TB, regions []string, rs []*schema.Response, suppress bool) snapshot.Result {
	t.Helper()
	b := snapshot.NewBuilder(regions)
	for _, r := range rs {
		b.Add(r)
	}
	res := b.Result()
	var set disclosure.Set
	res.Register(&set)
	if _, err := set.Protect(disclosure.Options{Suppress: suppress, K: 11}); err != nil {
		t.Fatal(err)
	}
	return res
}

// loadSurvey reads a survey CSV in the canonical layout (region,
// survivors_served, n_sex, n_labor, n_both, need_<key>...), for previews.
func loadSurvey(t testing.TB, path string) []*schema.Response {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	num := func(rec []string, name string) int {
		i, ok := col[name]
		if !ok {
			return schema.Missing
		}
		v, err := strconv.Atoi(strings.TrimSpace(rec[i]))
		if err != nil {
			return schema.Missing
		}
		return v
	}
	var out []*schema.Response
	for _, rec := range recs[1:] {
		r := &schema.Response{Regions: []string{rec[col["region"]]}, Survivors: schema.NoSurvivors}
		r.Survivors.Served = num(rec, "survivors_served")
		r.Survivors.Sex, r.Survivors.Labor, r.Survivors.Both = num(rec, "n_sex"), num(rec, "n_labor"), num(rec, "n_both")
		for _, c := range sampleCategories {
			v := num(rec, "need_"+c.Key)
			if v > 4 {
				v = schema.Missing // the sample carries deliberate bad rows
			}
			r.Ratings = append(r.Ratings, int8(v))
		}
		out = append(out, r)
	}
	return out
}
