package tables

import (
	"fmt"

	"needsmap/analysis/gaps"
)

// GapScores is tables/gap_scores.csv: per scope, category (and combined
// category) and population, the need, the supply (per 100 survivors and
// per 100,000 residents), coverage, access, the gap and its rank.
// hidden lists the scopes whose survivors count is not published: their
// supply per 100 survivors would reveal it, so it is left blank.
func GapScores(res *gaps.Result, hidden map[string]bool) *Table {
	t := &Table{Name: "gap_scores", Title: "Gap scores: need against the resource guide",
		Columns: []string{"scope", "category", "population", "need", "supply_per_100_survivors", "supply_per_100k",
			"coverage", "access", "gap", "gap_rank"}}
	for _, r := range res.Rows {
		per := F(r.PerSurvivors)
		if hidden[r.Scope] {
			per = Blank(Float)
		}
		t.Rows = append(t.Rows, []Cell{T(r.Scope), T(r.Item.Key), T(r.Population), F(r.Need), per,
			F(r.Per100k), F(r.Coverage), F(r.Access), F(r.Gap), rankCell(r.Rank)})
	}
	t.Notes = GapNotes(res, len(hidden) > 0)
	return t
}

func rankCell(rank int) Cell {
	if rank == 0 {
		return Blank(Int)
	}
	return I(rank)
}

// GapNotes explain the gap table's columns.
func GapNotes(res *gaps.Result, hidden bool) []string {
	o := res.Options
	notes := []string{
		fmt.Sprintf("gap = 100 × need × (1 − (%s·S + %s·C + %s·A)), 0–100: S = supply per 100,000 residents saturated as x/(x + h), "+
			"C = coverage, A = access saturated likewise; h = %s (supply) and %s (access) per 100,000 unless set per category.",
			g(o.Weights.Supply), g(o.Weights.Coverage), g(o.Weights.Access), g(o.HalfSaturation.Supply), g(o.HalfSaturation.Access)),
		"need: the needs ranking's metric for the scope, scaled to 0–1; the survey does not rate needs per population, so population rows reuse the scope's need.",
		"supply: resources serving the scope (beds or slots where a capacity is given), statewide ones at " + g(o.StatewideWeight) +
			" and telehealth-only ones at " + g(o.TelehealthWeight) + " each; coverage: share of the scope's counties with a site within " +
			g(o.CoverageKm) + " km; access: E2SFCA per 100,000 residents, population-weighted.",
		"gap_rank: 1 = largest gap within scope and population, ties share a rank; single categories rank among themselves, a combined category in the combined view (its members replaced by it).",
	}
	if !res.HasNeed {
		notes = append(notes, "No survey was given, so need, gap and gap_rank are blank: supply, coverage and access stand alone.")
	}
	if hidden {
		notes = append(notes, "supply_per_100_survivors is blank where the scope's survivors count is suppressed: with the supply it would reveal that count.")
	}
	if o.PartnersOnly {
		notes = append(notes, "Only the collaborative's partners (partnership = yes) are counted.")
	}
	return notes
}

func g(x float64) string { return fmt.Sprint(x) }

// AccessByCounty is tables/access_by_county.csv: E2SFCA access per
// 100,000 residents of every county in a region, for each category and
// combined category.
func AccessByCounty(res *gaps.Result) *Table {
	t := &Table{Name: "access_by_county", Title: "Access by county (E2SFCA, per 100,000 residents)",
		Columns: []string{"county_fips", "county", "region", "category", "access"}}
	for i, c := range res.Counties {
		for k, it := range res.Items {
			t.Rows = append(t.Rows, []Cell{T(c.FIPS), T(c.Name + ", " + c.State), T(c.Region), T(it.Key), F(res.Access[k][i].Access)})
		}
	}
	t.Notes = []string{"access: supply within reach (beds or slots where given, else 1 per resource) per 100,000 residents, " +
		"by the enhanced two-step floating catchment area method over county centroids; statewide and telehealth-only services are not placed."}
	return t
}

// TopGaps is a scope's largest gaps with every component, for the
// report's section (not a CSV: gap_scores.csv holds every row).
func TopGaps(res *gaps.Result, scope string, hidden bool) *Table {
	t := &Table{Name: "gaps_" + scope, Title: "Largest gaps, " + scope,
		Columns: []string{"service", "gap_rank", "gap", "need", "local_resources", "statewide_or_telehealth",
			"supply_per_100_survivors", "supply_per_100k", "share_of_counties_covered", "access_per_100k"}}
	for _, r := range res.Top(scope, gaps.PopulationAll, res.Options.TopN) {
		per := F(r.PerSurvivors)
		if hidden {
			per = Blank(Float)
		}
		t.Rows = append(t.Rows, []Cell{T(r.Item.Label), I(r.Rank), F(r.Gap), F(r.Need), I(r.Local), I(r.Remote),
			per, F(r.Per100k), F(r.Coverage), F(r.Access)})
	}
	return t
}
