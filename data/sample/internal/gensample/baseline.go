package main

import (
	"math/rand/v2"
	"strconv"
)

// baselineShift moves the current wave's targets back to a fictional 2017
// wave: housing and mental health were rated lower, transportation and
// legal help higher, so rankings visibly change between the waves.
var baselineShift = map[string]float64{
	"mental_health": -0.35, "transitional_housing": -0.55, "adult_shelter": -0.25, "minor_shelter": -0.2,
	"transportation": +0.55, "legal_assistance": +0.35, "case_management": +0.5, "crisis_services": +0.1,
}

// baselineRows writes the earlier wave: Missouri regions only (Metro East
// joined the assessment later) and no immigration question (added later),
// so the comparison shows a region and a need present in one wave only.
func baselineRows(rng *rand.Rand) [][]string {
	head := []string{"respondent_id", "region", "county_fips", "sector"}
	for _, c := range categories {
		if c != "immigration" {
			head = append(head, "need_"+c)
		}
	}
	out := [][]string{head}
	id := 5001
	for _, p := range plans {
		if p.name == "Metro East" {
			continue
		}
		bp := p
		bp.respondents = p.respondents - 2 + rng.IntN(3)
		bp.means = map[string]float64{}
		for _, c := range categories {
			m, ok := p.means[c]
			if !ok {
				m = base[c]
			}
			bp.means[c] = clamp(m+baselineShift[c], 0.3, 3.8)
		}
		for _, r := range genRegion(rng, bp, id) {
			rec := []string{strconv.Itoa(id), r.region, r.county, r.sector}
			id++
			for c, key := range categories {
				if key == "immigration" {
					continue
				}
				if v := r.ratings[c]; v < 0 {
					rec = append(rec, "Don't know")
				} else {
					rec = append(rec, itoa(v))
				}
			}
			out = append(out, rec)
		}
	}
	return out
}

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }
