package main

import (
	"fmt"
	"math/rand/v2"

	"needsmap/data/schema"
)

var eventTypes = []struct {
	name     string
	min, max int
}{{"Training", 12, 45}, {"Workshop", 10, 30}, {"Presentation", 15, 90}, {"Webinar", 25, 160},
	{"Panel", 30, 120}, {"Conference", 80, 240}, {"Tabling", 20, 60}, {"Community event", 30, 150}}

var audiences = []string{"Law enforcement", "Health care providers", "Social service providers", "Legal professionals",
	"School staff", "Faith community", "General public", "Hotel and hospitality staff"}

var otherOrgs = []string{"Missouri State Highway Patrol", "County Health Department", "Public School District",
	"Regional Hospital", "Chamber of Commerce", "Bar Association", "University Social Work Program"}

// trainingRows draws the trainings and presentations log of 2020–2021:
// fewer in-person events in the pandemic's first quarters, webinars
// statewide, a few cells the run must report (a day-first date, an
// attendance in words, a type nobody configured).
func trainingRows(rng *rand.Rand) [][]string {
	out := [][]string{{"Date", "County FIPS", "Region", "Type", "Audience", "Attendance", "Organizations"}}
	for d := sampleStart; d <= sampleEnd; d++ {
		p := 0.2
		if y, m, _ := d.YMD(); y == 2020 && m >= 4 && m <= 9 {
			p = 0.09
		}
		if rng.Float64() >= p {
			continue
		}
		out = append(out, trainingRow(rng, d))
	}
	out[12][0] = "13/05/2020" // day first: not read
	out[30][5] = "about 40"
	out[41][3] = "Zoom"
	return out
}

func trainingRow(rng *rand.Rand, d schema.Date) []string {
	t := eventTypes[rng.IntN(len(eventTypes))]
	region, county := "", ""
	if t.name == "Webinar" && rng.Float64() < 0.6 {
		region = "Statewide"
	} else {
		rw := regionWeight[rng.IntN(len(regionWeight))].region
		cs := sampleCounties[rw]
		if rng.Float64() < 0.5 {
			county = cs[rng.IntN(len(cs))]
		} else {
			region = rw
		}
	}
	att := fmt.Sprint(t.min + rng.IntN(t.max-t.min+1))
	if rng.Float64() < 0.08 {
		att = ""
	}
	date := d.String()
	if rng.Float64() < 0.3 {
		y, m, dd := d.YMD()
		date = fmt.Sprintf("%d/%d/%d", m, dd, y)
	}
	var orgs []string
	for n := 1 + rng.IntN(3); len(orgs) < n; {
		o := otherOrgs[rng.IntN(len(otherOrgs))]
		if rng.Float64() < 0.6 {
			o = agencies[rng.IntN(21)].name
		}
		if !contains(orgs, o) {
			orgs = append(orgs, o)
		}
	}
	return []string{date, county, region, t.name, audiences[rng.IntN(len(audiences))], att, join(orgs, "; ")}
}

func join(xs []string, sep string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += sep
		}
		s += x
	}
	return s
}
