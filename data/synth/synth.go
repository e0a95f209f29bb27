// Package synth writes realistic synthetic inputs of any size — a needs
// survey and referral records with the canonical column names of SPEC.md —
// for benchmarks and for trying needsmap at scale. The same seed and size
// always give the same rows. The numbers follow the shape of the reference
// workload's generator (regions with their own need profiles, about 8%
// "don't know", referrals over five years with service-dependent delays),
// but not its exact values: the benchmark's expected outputs are defined on
// that generator's files.
package synth

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// Needs are the canonical category keys, in SPEC order.
var Needs = []string{
	"mental_health", "sud_residential", "sud_outpatient", "transitional_housing",
	"adult_shelter", "minor_shelter", "crisis_services", "legal_assistance",
	"transportation", "peer_mentorship", "case_management", "medical_care",
	"dental_care", "employment", "education", "interpretation", "basic_needs",
	"financial_assistance", "child_care", "life_skills", "id_documents", "immigration",
}

type region struct {
	name     string
	weight   float64
	counties []string
	top      []string // its three highest needs
}

var regions = []region{
	{"St. Louis", 0.22, []string{"29189", "29510", "29183"}, []string{"mental_health", "legal_assistance", "adult_shelter"}},
	{"Metro East", 0.09, []string{"17163", "17119", "17133", "17083", "17117"}, []string{"adult_shelter", "transitional_housing", "mental_health"}},
	{"Southeast", 0.10, []string{"29031", "29201", "29023", "29207", "29069", "29143"}, []string{"adult_shelter", "mental_health", "sud_residential"}},
	{"Southwest", 0.13, []string{"29077", "29097", "29145", "29043", "29213", "29209"}, []string{"legal_assistance", "mental_health", "minor_shelter"}},
	{"Northwest", 0.08, []string{"29021", "29147", "29037", "29061", "29063"}, []string{"mental_health", "crisis_services", "legal_assistance"}},
	{"Northeast", 0.08, []string{"29001", "29127", "29173", "29137", "29205", "29111"}, []string{"adult_shelter", "mental_health", "transitional_housing"}},
	{"Kansas City", 0.18, []string{"29095", "29047", "29165", "29107"}, []string{"mental_health", "crisis_services", "legal_assistance"}},
	{"Central", 0.12, []string{"29019", "29051", "29027", "29159", "29169", "29029"}, []string{"mental_health", "transportation", "adult_shelter"}},
}

var baseMean = map[string]float64{
	"mental_health": 2.75, "sud_residential": 2.05, "sud_outpatient": 1.95,
	"transitional_housing": 2.45, "adult_shelter": 2.40, "minor_shelter": 2.10,
	"crisis_services": 2.20, "legal_assistance": 2.60, "transportation": 2.35,
	"peer_mentorship": 1.70, "case_management": 2.15, "medical_care": 1.90,
	"dental_care": 1.85, "employment": 2.00, "education": 1.60,
	"interpretation": 1.40, "basic_needs": 2.25, "financial_assistance": 2.30,
	"child_care": 1.75, "life_skills": 1.65, "id_documents": 1.55, "immigration": 1.20,
}

const pMissing = 0.08

// profiles gives, per region and need, the cumulative probabilities of the
// answers "" (don't know), 0, 1, 2, 3, 4.
func profiles() [][][6]float64 {
	out := make([][][6]float64, len(regions))
	for r, reg := range regions {
		rng := rand.New(rand.NewPCG(uint64(r)+1, 0x5eed))
		out[r] = make([][6]float64, len(Needs))
		for k, need := range Needs {
			mu := baseMean[need] + rng.Float64()*0.7 - 0.35
			for i, t := range reg.top {
				if t == need {
					mu = []float64{3.30, 3.12, 2.95}[i]
				}
			}
			var w [5]float64
			tot := 0.0
			for v := range w {
				w[v] = math.Exp(-(float64(v) - mu) * (float64(v) - mu) / (2 * 1.05 * 1.05))
				tot += w[v]
			}
			c := pMissing
			out[r][k][0] = c
			for v := range w {
				c += (1 - pMissing) * w[v] / tot
				out[r][k][v+1] = c
			}
			out[r][k][5] = 1
		}
	}
	return out
}

func pickRegion(rng *rand.Rand) int {
	x := rng.Float64()
	for i, r := range regions {
		if x -= r.weight; x < 0 {
			return i
		}
	}
	return len(regions) - 1
}

// SurveyHeader is the header of Survey's rows.
func SurveyHeader() []string {
	h := []string{"respondent_id", "region", "county_fips", "survivors_served", "n_sex", "n_labor", "n_both"}
	for _, n := range Needs {
		h = append(h, "need_"+n)
	}
	return h
}

// Survey calls row for each of n survey responses. The slice is reused.
func Survey(n int, seed uint64, row func([]string) error) error {
	rng := rand.New(rand.NewPCG(seed, 1))
	prof := profiles()
	answers := []string{"", "0", "1", "2", "3", "4"}
	rec := make([]string, len(SurveyHeader()))
	for i := 1; i <= n; i++ {
		r := pickRegion(rng)
		reg := regions[r]
		served := max(1, min(5000, int(math.Exp(3.3+rng.NormFloat64()))))
		sex := int(float64(served) * 0.6 * rng.Float64())
		labor := int(float64(served) * 0.25 * rng.Float64())
		both := int(float64(served-sex-labor) * 0.3 * rng.Float64())
		rec[0], rec[1] = strconv.Itoa(i), reg.name
		rec[2] = reg.counties[rng.IntN(len(reg.counties))]
		rec[3], rec[4], rec[5], rec[6] = strconv.Itoa(served), strconv.Itoa(sex), strconv.Itoa(labor), strconv.Itoa(both)
		for k := range Needs {
			x := rng.Float64()
			a := 0
			for a < 5 && x >= prof[r][k][a] {
				a++
			}
			rec[7+k] = answers[a]
		}
		if err := row(rec); err != nil {
			return err
		}
	}
	return nil
}

// ReferralHeader is the header of Referral records.
func ReferralHeader() []string {
	return []string{"referral_id", "referral_date", "client_code", "referring_agency", "receiving_agency",
		"service", "county_fips", "region", "status", "completed_date", "abuse_types"}
}

// Referral is one synthetic referral; Completed is zero unless completed.
type Referral struct {
	ID, Client, From, To, Service, County, Region, Status, Abuse string
	Date, Completed                                              time.Time
}

// Strings returns the record as CSV cells, dates as yyyy-mm-dd.
func (r *Referral) Strings(dst []string) []string {
	done := ""
	if !r.Completed.IsZero() {
		done = r.Completed.Format(time.DateOnly)
	}
	return append(dst[:0], r.ID, r.Date.Format(time.DateOnly), r.Client, r.From, r.To, r.Service,
		r.County, r.Region, r.Status, done, r.Abuse)
}

var (
	places = []string{"Gateway", "Ozark", "Show-Me", "Heartland", "Riverbend", "Prairie", "Mississippi Valley",
		"Missouri River", "Boonslick", "Bootheel", "Lake Area", "Tri-County", "Mid-Missouri", "Northland",
		"Southside", "Eastern Missouri", "Western Missouri", "Capital City", "Spring River", "Big Muddy"}
	kinds = []string{"Family Services", "Legal Aid", "Crisis Center", "Health Clinic", "Housing Alliance",
		"Recovery Center", "Women's Shelter", "Youth Shelter", "Community Action", "Counseling Services",
		"Outreach, Inc.", "Immigrant Services", "Workforce Center", "Transit Partners", "Advocacy Network"}
	abuse = []string{"DV", "SA", "DV;SA", "HT-sex", "HT-labor", "HT-sex;HT-labor", "DV;HT-sex", "SA;HT-sex"}
	start = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
)

// Referrals calls row for each of n referrals, 2019-2023. The record is
// reused.
func Referrals(n int, seed uint64, row func(*Referral) error) error {
	rng := rand.New(rand.NewPCG(seed, 2))
	var rec Referral
	agency := func() string { return places[rng.IntN(len(places))] + " " + kinds[rng.IntN(len(kinds))] }
	for i := 1; i <= n; i++ {
		reg := regions[pickRegion(rng)]
		k := rng.IntN(len(Needs))
		rec = Referral{ID: "R" + strconv.Itoa(i), Client: "C" + strconv.Itoa(100000+rng.IntN(900000)),
			From: agency(), To: agency(), Service: Needs[k], Region: reg.name,
			County: reg.counties[rng.IntN(len(reg.counties))], Abuse: abuse[rng.IntN(len(abuse))],
			Date: start.AddDate(0, 0, rng.IntN(1826))}
		switch x := rng.Float64(); {
		case x < 0.59:
			rec.Status = "completed"
			rec.Completed = rec.Date.AddDate(0, 0, 1+rng.IntN(6+(k*7)%45))
		case x < 0.79:
			rec.Status = "not_completed"
		case x < 0.91:
			rec.Status = "pending"
		default:
			rec.Status = "declined"
		}
		if err := row(&rec); err != nil {
			return err
		}
	}
	return nil
}
