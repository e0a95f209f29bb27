package pipeline

import (
	"fmt"
	"math"
	"strings"

	"needsmap/analysis/gaps"
	"needsmap/analysis/needs"
	"needsmap/charts"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// gapCharts are the stage's charts and, per scope, the names its section
// shows.
type gapCharts struct {
	all     []charts.Chart
	byScope map[string][]string
}

func (g *gapCharts) add(c charts.Chart, err error) error {
	if err != nil {
		return err
	}
	g.all = append(g.all, c)
	g.byScope[c.Scope] = append(g.byScope[c.Scope], c.Name)
	return nil
}

// prepareCharts starts the stage's charts: they show need, supply and
// access, never a count of survivors, so they do not wait for disclosure
// control.
func (s *gapsStage) prepareCharts(env *stageEnv) {
	if s.result != nil && s.pending == nil {
		s.pending = goJobs(s.chartJobs(env))
	}
}

// charts returns the stage's charts, drawing them now unless
// prepareCharts has started them.
func (s *gapsStage) charts(env *stageEnv) (*gapCharts, error) {
	s.prepareCharts(env)
	all, err := s.pending()
	if err != nil {
		return nil, err
	}
	out := &gapCharts{byScope: map[string][]string{}}
	for _, c := range all {
		out.add(c, nil)
	}
	return out, nil
}

// chartJobs draw the heat map, the statewide access maps, each region's
// map of its top need, and the asset maps of each scope's top needs.
func (s *gapsStage) chartJobs(env *stageEnv) []func() ([]charts.Chart, error) {
	res, nr := s.result, env.Results.needs
	jobs := []func() ([]charts.Chart, error){chartJob(func() (charts.Chart, error) { return charts.GapHeatmap(res) })}
	keys := mapKeys(env.Config, res, nr, env.Vocab.Combined)
	for _, k := range keys {
		jobs = append(jobs, chartJob(func() (charts.Chart, error) { return charts.AccessMap(res, s.shapes, k, gaps.StatewideScope) }))
	}
	for _, region := range res.Scopes[1:] {
		for _, key := range regionMapKeys(nr, region, keys[0]) {
			jobs = append(jobs, chartJob(func() (charts.Chart, error) { return charts.AccessMap(res, s.shapes, key, region) }))
		}
	}
	for _, scope := range res.Scopes {
		assets := groupKeys(env.Vocab.Combined)
		if nr != nil {
			assets = topNeeds(nr, scope)
		}
		for _, k := range assets {
			jobs = append(jobs, chartJob(func() (charts.Chart, error) { return charts.AssetMap(res, scope, k) }))
		}
	}
	return jobs
}

// regionMapKeys are the categories a region's map shows: its top need
// (the first of a tie), as the plan's regional asset maps do; without a
// survey, the first statewide map's category.
func regionMapKeys(nr *needs.Result, region, fallback string) []string {
	if nr != nil {
		if top := nr.Top(region, needs.ViewSingle, 1); len(top) > 0 {
			return []string{top[0].Category}
		}
	}
	return []string{fallback}
}

func groupKeys(groups []schema.Combined) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g.Key)
	}
	return out
}

// gapSection is a scope's "Gaps against the resource guide" section.
func gapSection(res *gaps.Result, scope, need string, hidden bool, chartNames []string, all []schema.Resource) reports.Section {
	s := reports.Section{Key: "gaps", Scope: scope, Title: "Gaps against the resource guide", Charts: chartNames, Handout: true}
	s.Paragraphs = append(s.Paragraphs, supplyText(res, scope, all))
	if !res.HasNeed {
		s.Paragraphs = append(s.Paragraphs, "No survey was given, so need is not known and gaps are not scored: "+
			"tables/gap_scores.csv shows supply, coverage and access on their own.")
		return s
	}
	top := res.Top(scope, gaps.PopulationAll, 3)
	parts := make([]string, len(top))
	for i, r := range top {
		parts[i] = fmt.Sprintf("%s (%.0f)", lowerFirst(r.Item.Label), r.Gap)
	}
	if len(parts) > 0 {
		s.Paragraphs = append(s.Paragraphs, "Largest gaps: "+andList(parts)+". The table shows every component "+
			"(0 = no gap, 100 = the highest need with nothing in reach); tables/gap_scores.csv has every category and population.")
	}
	if need != "" {
		if r, ok := res.Row(scope, need, gaps.PopulationAll); ok && r.Rank > 0 {
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("The top need in the needs ranking, %s, has gap %.0f (rank %d): %s; "+
				"%.0f%% of counties have a site in or within %g km; access %s per 100,000 residents.", lowerFirst(r.Item.Label), r.Gap,
				r.Rank, supplyPhrase(r), 100*r.Coverage, res.Options.CoverageKm, figure(r.Access)))
		}
	}
	for _, it := range res.Items {
		if r, _ := res.Row(scope, it.Key, gaps.PopulationAll); it.View == gaps.ViewCombined && r.Colocated > 0 {
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%s: %d of the %d resources here offer two or more of its services in one place.",
				it.Label, r.Colocated, r.Local))
		}
	}
	s.Tables = []*tables.Table{tables.TopGaps(res, scope, hidden)}
	return s
}

func supplyPhrase(r gaps.Row) string {
	s := fmt.Sprintf("%d %s in the guide", r.Local, plural(r.Local, "resource", "resources"))
	if r.Remote > 0 {
		s += fmt.Sprintf(" and %d statewide or telehealth", r.Remote)
	}
	return s + fmt.Sprintf(", %s per 100,000 residents", figure(r.Per100k))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// andList joins "a", "a and b", "a, b and c".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func figure(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.2f", x)
}

// supplyText says what the guide holds for the scope.
func supplyText(res *gaps.Result, scope string, all []schema.Resource) string {
	local, statewide, tele := 0, 0, 0
	inScope := map[string]bool{}
	for _, c := range res.Counties {
		if scope == gaps.StatewideScope || c.Region == scope {
			inScope[c.FIPS] = true
		}
	}
	for i := range res.Resources {
		r := &res.Resources[i]
		switch {
		case r.Statewide:
			statewide++
		case r.Remote():
			tele++
		default:
			for _, f := range r.Counties {
				if inScope[f] {
					local++
					break
				}
			}
		}
	}
	where := fmt.Sprintf("a site in the region's %d counties", len(inScope))
	if scope == gaps.StatewideScope {
		where = fmt.Sprintf("a site in the %d counties of the regions", len(inScope))
	}
	s := fmt.Sprintf("The resource guide lists %d resources with %s; %d statewide and %d telehealth-only services "+
		"count in every region at a reduced weight.", local, where, statewide, tele)
	if res.Options.PartnersOnly {
		s += fmt.Sprintf(" Only the collaborative's partners are counted (%d of the guide's %d resources).", len(res.Resources), len(all))
	}
	return s
}

func directoryTitle(scope string) string {
	if scope == gaps.StatewideScope {
		return "Resource directory: statewide and telehealth services"
	}
	return "Resource directory"
}

func directoryText(scope string, n int) []string {
	what := fmt.Sprintf("%d listings, by county.", n)
	if scope == gaps.StatewideScope {
		what = fmt.Sprintf("%d services that serve the whole state or only by telehealth; each region's section lists its own by county.", n)
	}
	return []string{what + " The whole directory is in tables/resource_directory.csv and the resource_directory sheet of " +
		"needsmap.xlsx, where it can be filtered by region, county or service."}
}

// gapMethods states the gap score, every weight and the access measure.
func gapMethods(res *gaps.Result, cfg Config) reports.MethodNote {
	o := res.Options
	bands := make([]string, len(o.Catchment))
	prev := 0.0
	for i, b := range o.Catchment {
		bands[i] = fmt.Sprintf("%g for %g–%g km", b.Weight, prev, b.Km)
		prev = b.Km
	}
	special := ""
	for _, h := range o.HalfSaturationBy {
		special += fmt.Sprintf("; for %s (counted in beds or slots) h = %g and %g", strings.Join(h.Categories, ", "), h.Supply, h.Access)
	}
	return reports.MethodNote{Title: "Gap scores, access and asset maps", Paragraphs: []string{
		fmt.Sprintf("Gap = 100 × need × (1 − (%g·S + %g·C + %g·A)), from 0 (no gap) to 100 (the highest need with no resource in reach). "+
			"Need is the needs ranking's %s for the scope, scaled to 0–1 (a mean or median over the top of the scale; the top-2 share as it is). "+
			"S and A are supply and access per 100,000 residents saturated as x/(x + h), with fixed constants h = %g (supply) and %g (access)%s; "+
			"C is coverage. The constants are fixed in the settings, never taken from the data, so adding a resource can never raise a gap "+
			"and raising need can never lower one; a region with the highest need and nothing in reach has the largest gap (property tests check all three, "+
			"and that the order of the guide's rows changes nothing).",
			o.Weights.Supply, o.Weights.Coverage, o.Weights.Access, cfg.Needs.Metric, o.HalfSaturation.Supply, o.HalfSaturation.Access, special),
		fmt.Sprintf("Supply counts the resources serving the scope: S_j = the capacity (beds or slots) where the guide gives one, else %g; "+
			"statewide services count at %g and telehealth-only ones at %g of S_j. It is shown per 100 survivors served (blank where that count is suppressed, "+
			"since with the supply it would give the count away) and per 100,000 residents. Coverage is the share of the scope's counties with a site "+
			"in the county or within %g km, centroid to centroid.", o.DefaultCapacity, o.StatewideWeight, o.TelehealthWeight, o.CoverageKm),
		fmt.Sprintf("Access is the enhanced two-step floating catchment area (Luo & Qi 2009) over county centroids: for each county j with sites, "+
			"R_j = S_j / Σ_k P_k·W(d_kj); for each county i, A_i = Σ_j R_j·W(d_ij), with P_k the county's population, d the great-circle "+
			"(haversine, R = %g km) distance between centroids, 0 within a county, and W = %s, 0 beyond. A resource listed in several counties "+
			"is placed in each with S_j split equally (multi_county: %s); statewide and telehealth-only services are left out of access. "+
			"A_i is shown per 100,000 residents; a region's access is the population-weighted mean of its counties'.",
			o.EarthRadiusKm, strings.Join(bands, ", "), o.MultiCounty),
		"Population rows (minors, males, foreign born, LGBTQ+) count only resources that say they serve that population; the survey does not rate " +
			"needs per population, so they reuse the scope's need. gap_rank ranks single categories among themselves and a combined category in the " +
			"combined view, competition-style (ties share a rank), comparing gaps at the published six decimals.",
		"Asset maps (after the plan's figures) put a top need in the middle and around it the kinds of organisations in the scope that offer it, " +
			"with how many there are and how many say they are human-trafficking specific and trained; statewide and telehealth services form one node. " +
			"The resource directory publishes organisations' names, counties, services, populations and their own phone and website only: " +
			"a contact person's name, an e-mail address or a street address in the guide is never read.",
	}}
}
