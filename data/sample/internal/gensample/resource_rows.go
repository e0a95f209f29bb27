package main

import (
	"fmt"
	"strings"
)

// resourceRows renders the guide as CSV records with the canonical
// column names (SPEC.md), plus the optional sector column.
func resourceRows(g []entry) [][]string {
	out := [][]string{{"organization", "sector", "county_fips", "services", "populations", "ht_specific", "trained",
		"telehealth", "capacity", "phone", "website"}}
	for i, e := range g {
		counties := e.rawCounties
		area := e.area
		for j, t := range e.places {
			if j > 0 {
				counties += ";"
			}
			counties += t.fips
			if j == 0 {
				area = t.area
			}
		}
		if e.statewide {
			counties = "Statewide"
		}
		services := strings.Join(e.services, ";")
		if e.rawServices != "" {
			services = e.rawServices
		}
		pops := e.populations
		if e.rawPopulations != "" {
			pops = e.rawPopulations
		}
		capacity := ""
		if e.capacity > 0 {
			capacity = itoa(e.capacity)
		}
		out = append(out, []string{e.org, e.sector, counties, services, pops, yn(e.ht), yn(e.trained), yn(e.telehealth),
			capacity, fmt.Sprintf("(%s) 555-01%02d", area, i%100), website(e.org)})
	}
	return out
}

func yn(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// website makes a fictional address from the organisation's name.
func website(org string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(org) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
		if r == '–' {
			break
		}
	}
	return "https://" + b.String() + ".example.org"
}
