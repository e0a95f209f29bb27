package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
)

// categories in canonical order (SPEC.md).
var categories = []string{
	"mental_health", "sud_residential", "sud_outpatient", "transitional_housing",
	"adult_shelter", "minor_shelter", "crisis_services", "legal_assistance",
	"transportation", "peer_mentorship", "case_management", "medical_care",
	"dental_care", "employment", "education", "interpretation", "basic_needs",
	"financial_assistance", "child_care", "life_skills", "id_documents", "immigration",
}

// regionPlan is what the sample must reproduce for one region.
type regionPlan struct {
	name        string
	respondents int
	counties    []string // FIPS codes respondents are placed in
	// means are target mean ratings; categories not listed use base.
	means map[string]float64
	// survivors served by type, as the plan reports them.
	sex, labor, both int
	// subtype shares of sex-trafficking survivors (ipv, familial, pimp,
	// survival, other).
	subtypes [5]float64
}

// base means: every category sits below the regional top three, and the
// six housing / mental health / substance use categories sit just below
// them, which is what makes them the statewide top five.
var base = map[string]float64{
	"sud_outpatient": 2.45, "crisis_services": 2.25, "legal_assistance": 1.6, "transportation": 2.3,
	"peer_mentorship": 1.9, "case_management": 2.3, "medical_care": 2.1, "dental_care": 1.9,
	"employment": 2.2, "education": 1.7, "interpretation": 1.4, "basic_needs": 2.3,
	"financial_assistance": 2.4, "child_care": 1.8, "life_skills": 1.8, "id_documents": 1.7,
	"immigration": 1.3,
}

var genericSubtypes = [5]float64{0.35, 0.15, 0.30, 0.15, 0.05}

// plans reproduce the strategic plan's regional top three (seed 000) and
// its survivors-served figures (SPEC.md, "The bundled sample"). Metro
// East's survivors are not published; 56 makes Northwest's 101 one fifth
// of the state total, as the plan says.
var plans = []regionPlan{
	{name: "St. Louis", respondents: 20, counties: []string{"29510", "29189", "29183"},
		means: map[string]float64{"mental_health": 3.70, "legal_assistance": 3.50, "adult_shelter": 3.35,
			"transitional_housing": 3.30, "minor_shelter": 3.10, "sud_residential": 3.00, "crisis_services": 2.50},
		sex: 52, labor: 1, both: 4, subtypes: genericSubtypes},
	{name: "Metro East", respondents: 12, counties: []string{"17163", "17119", "17133", "17083", "17027"},
		means: map[string]float64{"adult_shelter": 3.50, "transitional_housing": 3.50, "mental_health": 3.25,
			"crisis_services": 3.25, "sud_residential": 3.00, "minor_shelter": 2.90, "legal_assistance": 1.70},
		sex: 48, labor: 2, both: 6, subtypes: genericSubtypes},
	{name: "Southeast", respondents: 12, counties: []string{"29031", "29201", "29023", "29187", "29099"},
		means: map[string]float64{"adult_shelter": 3.60, "mental_health": 3.40, "sud_residential": 3.25,
			"transitional_housing": 3.20, "minor_shelter": 3.00, "crisis_services": 2.20},
		sex: 19, labor: 1, both: 5, subtypes: genericSubtypes},
	{name: "Southwest", respondents: 15, counties: []string{"29077", "29097", "29043", "29145", "29105"},
		means: map[string]float64{"legal_assistance": 3.55, "mental_health": 3.45, "minor_shelter": 3.30,
			"transitional_housing": 3.25, "adult_shelter": 2.70, "sud_residential": 2.90, "crisis_services": 2.30},
		sex: 58, labor: 1, both: 40, subtypes: genericSubtypes},
	{name: "Northwest", respondents: 12, counties: []string{"29037", "29021", "29147", "29003"},
		means: map[string]float64{"mental_health": 3.60, "crisis_services": 3.40, "legal_assistance": 3.25,
			"transitional_housing": 3.15, "adult_shelter": 2.70, "minor_shelter": 2.95, "sud_residential": 2.85},
		sex: 98, labor: 3, both: 0, subtypes: [5]float64{0.30, 0.10, 0.42, 0.10, 0.08}},
	{name: "Northeast", respondents: 10, counties: []string{"29001", "29127", "29173", "29113"},
		means: map[string]float64{"adult_shelter": 3.60, "mental_health": 3.40, "transitional_housing": 3.30,
			"minor_shelter": 3.00, "sud_residential": 2.90, "legal_assistance": 1.50, "crisis_services": 2.10},
		sex: 16, labor: 1, both: 3, subtypes: [5]float64{0.40, 0.35, 0.10, 0.10, 0.05}},
	{name: "Kansas City", respondents: 16, counties: []string{"29095", "29047", "29165", "29033"},
		means: map[string]float64{"mental_health": 3.70, "crisis_services": 3.45, "legal_assistance": 3.30,
			"transitional_housing": 3.25, "adult_shelter": 2.70, "minor_shelter": 3.00, "sud_residential": 2.90},
		sex: 111, labor: 2, both: 6, subtypes: [5]float64{0.40, 0.10, 0.38, 0.08, 0.04}},
	{name: "Central", respondents: 10, counties: []string{"29019", "29051", "29161", "29027"},
		means: map[string]float64{"mental_health": 3.60, "transportation": 3.40, "adult_shelter": 3.20,
			"transitional_housing": 3.10, "minor_shelter": 2.90, "sud_residential": 2.80, "legal_assistance": 1.60, "crisis_services": 2.10},
		sex: 26, labor: 0, both: 2, subtypes: genericSubtypes},
}

var sectors = []string{"Social services", "Social services", "Legal", "Health care", "Mental health",
	"Law enforcement", "Faith-based", "Education"}

// respondent is one generated survey row.
type respondent struct {
	id, region, county, sector string
	ratings                    []int // -1 = Don't know
	ranks                      []int // 0 = not ranked
	sex, labor, both           int
	subtypes                   [5]int
	minor                      int
	reports                    bool // reports survivors served
	regionBlank                bool // gives only its county
}

// keyCategories never get "Don't know", so their sums hit the targets.
var keyCategories = map[string]bool{"mental_health": true, "sud_residential": true, "transitional_housing": true,
	"adult_shelter": true, "minor_shelter": true, "crisis_services": true, "legal_assistance": true, "transportation": true}

func genRegion(rng *rand.Rand, p regionPlan, firstID int) []respondent {
	rs := make([]respondent, p.respondents)
	for i := range rs {
		rs[i] = respondent{id: strconv.Itoa(firstID + i), region: p.name,
			county: p.counties[i%len(p.counties)], sector: sectors[rng.IntN(len(sectors))],
			ratings: make([]int, len(categories)), ranks: make([]int, len(categories)),
			reports: i%5 != 4, regionBlank: i%7 == 3}
	}
	for c, key := range categories {
		mean, ok := p.means[key]
		if !ok {
			mean = base[key] + (rng.Float64()-0.5)*0.4
		}
		fillCategory(rng, rs, c, mean, !keyCategories[key])
	}
	for i := range rs {
		rs[i].ranks = topFive(rng, rs[i].ratings)
	}
	splitSurvivors(rng, rs, p)
	return rs
}

// fillCategory gives the respondents ratings whose sum is exactly
// round(mean × answers), spread realistically by pairwise moves that keep
// the sum.
func fillCategory(rng *rand.Rand, rs []respondent, c int, mean float64, allowMissing bool) {
	var idx []int
	for i := range rs {
		if allowMissing && rng.Float64() < 0.06 {
			rs[i].ratings[c] = -1
			continue
		}
		idx = append(idx, i)
	}
	sum := int(math.Round(mean * float64(len(idx))))
	for k, i := range idx {
		rs[i].ratings[c] = sum / len(idx)
		if k < sum%len(idx) {
			rs[i].ratings[c]++
		}
	}
	for move := 0; move < 3*len(idx); move++ {
		a, b := idx[rng.IntN(len(idx))], idx[rng.IntN(len(idx))]
		if a != b && rs[a].ratings[c] < 4 && rs[b].ratings[c] > 0 {
			rs[a].ratings[c]++
			rs[b].ratings[c]--
		}
	}
}

// topFive ranks a respondent's five highest-rated categories (1 = most
// needed), ties broken at random, as a rank-order question would.
func topFive(rng *rand.Rand, ratings []int) []int {
	order := rng.Perm(len(ratings))
	sort.SliceStable(order, func(a, b int) bool { return ratings[order[a]] > ratings[order[b]] })
	ranks := make([]int, len(ratings))
	for pos, c := range order[:5] {
		ranks[c] = pos + 1
	}
	return ranks
}

// splitSurvivors hands the region's survivors to its reporting providers
// at random, so per-provider counts add up to the published totals.
func splitSurvivors(rng *rand.Rand, rs []respondent, p regionPlan) {
	var rep []int
	for i := range rs {
		if rs[i].reports {
			rep = append(rep, i)
		}
	}
	weights := make([]float64, len(rep))
	for k := range weights {
		weights[k] = 0.2 + rng.Float64()
	}
	if p.name == "Northwest" {
		// 81 of the Northwest's 101 were reported from Cass County (29037).
		for k, i := range rep {
			if rs[i].county == "29037" {
				weights[k] = 8
			}
		}
	}
	pick := func() int { return rep[weighted(rng, weights)] }
	for n := 0; n < p.sex; n++ {
		rs[pick()].sex++
	}
	for n := 0; n < p.labor; n++ {
		rs[pick()].labor++
	}
	for n := 0; n < p.both; n++ {
		rs[pick()].both++
	}
	for _, i := range rep {
		r := &rs[i]
		total := r.sex + r.both
		for s := 0; s < total; s++ {
			r.subtypes[weighted(rng, p.subtypes[:])]++
		}
		r.minor = int(math.Round(0.3 * float64(total+r.labor)))
	}
}

func weighted(rng *rand.Rand, w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	u := rng.Float64() * total
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// surveyRows renders the respondents as CSV records (header first), with
// three rows a real export would have: a duplicate submission, a region
// nobody uses, and a rating typed as 5.
func surveyRows(all []respondent) [][]string {
	head := []string{"respondent_id", "region", "county_fips", "sector", "survivors_served", "n_sex", "n_labor", "n_both",
		"n_ipv", "n_familial", "n_pimp", "n_survival", "n_other_sex", "n_minor", "n_adult"}
	for _, c := range categories {
		head = append(head, "need_"+c)
	}
	for _, c := range categories {
		head = append(head, "rank_"+c)
	}
	out := [][]string{head}
	for _, r := range all {
		out = append(out, r.record())
	}
	dup := all[4].record()
	out = append(out[:12], append([][]string{dup}, out[12:]...)...)
	odd := all[30].record()
	odd[0], odd[1], odd[2] = "2001", "Ozarks", ""
	out = append(out, odd)
	for j, h := range head {
		if h == "need_education" {
			out[40][j] = "5" // off the 0-4 scale
		}
	}
	return out
}

func (r respondent) record() []string {
	region := r.region
	if r.regionBlank {
		region = ""
	}
	rec := []string{r.id, region, r.county, r.sector}
	if r.reports {
		served := r.sex + r.labor + r.both
		rec = append(rec, itoa(served), itoa(r.sex), itoa(r.labor), itoa(r.both))
		for _, s := range r.subtypes {
			rec = append(rec, itoa(s))
		}
		rec = append(rec, itoa(r.minor), itoa(served-r.minor))
	} else {
		rec = append(rec, make([]string, 11)...)
	}
	for _, v := range r.ratings {
		if v < 0 {
			rec = append(rec, "Don't know")
		} else {
			rec = append(rec, itoa(v))
		}
	}
	for _, v := range r.ranks {
		if v == 0 {
			rec = append(rec, "")
		} else {
			rec = append(rec, itoa(v))
		}
	}
	return rec
}

func itoa(n int) string { return fmt.Sprint(n) }
