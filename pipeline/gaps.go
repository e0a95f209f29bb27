package pipeline

import (
	"context"
	"fmt"
	"slices"

	"needsmap/analysis/gaps"
	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// gapsStage scores needs against the resource guide (issue 3): the gap
// table, access by county, the resource directory, the heat map, county
// maps, asset maps and a section per region.
type gapsStage struct {
	resources []schema.Resource
	result    *gaps.Result
	shapes    []schema.Shape
	// pending is the stage's charts being drawn (see prepareCharts).
	pending chartFuture
}

func (s *gapsStage) analyse(ctx context.Context, env *stageEnv) error {
	cfg := env.Config
	in, ok := inputFor(cfg, "resources", cfg.Inputs.Resources, "resources.csv")
	if !ok {
		return nil
	}
	geo := env.Results.geo
	env.Log.Info("reading resource guide", "file", in.name)
	rs, info, err := readResources(cfg, in, env.Vocab, geo, env.Report)
	env.AddInput(info)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	env.Log.Info("resource guide read", "rows", info.Read, "kept", info.Kept, "rejected", info.Rejected)
	b, name, err := reference.Shapes(cfg.Reference)
	if err != nil {
		return fmt.Errorf("reference data: %w", err)
	}
	if s.shapes, err = reference.ParseShapes(b, name); err != nil {
		return fmt.Errorf("reference data: %w", err)
	}
	input := gaps.Input{Counties: geo.Counties, Regions: env.Results.regions, Categories: env.Vocab.Categories,
		Combined: env.Vocab.Combined, Resources: rs}
	if env.Results.needs != nil {
		input.Need = gaps.NeedFrom(env.Results.needs)
	}
	if env.Results.snapshot != nil {
		input.Survivors = survivorsIn(env.Results.snapshot)
	}
	s.resources = rs
	env.Offered = offeredIn(rs, geo)
	s.result, err = gaps.Analyse(input, cfg.Gaps)
	return err
}

// offeredIn says whether a resource serving a region — located in one of
// its counties, or statewide — offers a service, for the referral stage's
// unmet referrals. Telehealth-only services do not count: a survivor
// referred for shelter or transport needs a place.
func offeredIn(rs []schema.Resource, geo *reference.Geography) func(region string, service int) bool {
	offered := map[string]map[int]bool{}
	statewide := map[int]bool{}
	for _, r := range rs {
		if r.Statewide {
			for _, svc := range r.Services {
				statewide[svc] = true
			}
			continue
		}
		for _, fips := range r.Counties {
			c, ok := geo.County(fips)
			if !ok || c.Region == "" {
				continue
			}
			if offered[c.Region] == nil {
				offered[c.Region] = map[int]bool{}
			}
			for _, svc := range r.Services {
				offered[c.Region][svc] = true
			}
		}
	}
	return func(region string, service int) bool { return statewide[service] || offered[region][service] }
}

// survivorsIn reads survivors served per scope from the snapshot; a scope
// no provider reported for is unknown.
func survivorsIn(sr *snapshot.Result) func(string) (int, bool) {
	return func(scope string) (int, bool) {
		i := slices.Index(sr.Grid.Rows, scope)
		if i < 0 || sr.Respondents[i] == 0 {
			return 0, false
		}
		return sr.Grid.Cells[i][snapshot.ColSurvivors].Value, true
	}
}

// hiddenScopes are the scopes whose survivors count is not published
// (suppressed, primary or complementary): their supply per 100 survivors
// is blanked, since with the published supply it would give the count
// away.
func hiddenScopes(sr *snapshot.Result) map[string]bool {
	out := map[string]bool{}
	if sr == nil {
		return out
	}
	for i, name := range sr.Grid.Rows {
		if sr.Grid.Cells[i][snapshot.ColSurvivors].Suppressed {
			out[name] = true
		}
	}
	return out
}

func (s *gapsStage) publish(env *stageEnv, rep *reports.Report) error {
	if s.result == nil {
		return nil
	}
	res := s.result
	hidden := hiddenScopes(env.Results.snapshot)
	dir := tables.ResourceDirectory(s.resources, env.Results.geo.Counties, env.Results.regions, env.Vocab.Categories)
	rep.Tables = append(rep.Tables, tables.GapScores(res, hidden), tables.AccessByCounty(res), dir)
	cs, err := s.charts(env)
	if err != nil {
		return err
	}
	rep.Charts = append(rep.Charts, cs.all...)
	for _, scope := range res.Scopes {
		need := ""
		if nr := env.Results.needs; nr != nil {
			if top := nr.Top(scope, needs.ViewSingle, 1); len(top) > 0 {
				need = top[0].Category
			}
		}
		rep.Sections = append(rep.Sections, gapSection(res, scope, need, hidden[scope], cs.byScope[scope], s.resources))
		if top := res.Top(scope, gaps.PopulationAll, 1); len(top) > 0 {
			rep.KeyFigures = append(rep.KeyFigures, reports.KeyFigure{Scope: scope, Label: "Largest gap",
				Value: fmt.Sprintf("%.0f", top[0].Gap), Note: top[0].Item.Label + " (0–100)"})
		}
		d := tables.RegionDirectory(dir, scope)
		rep.Sections = append(rep.Sections, reports.Section{Key: "directory", Scope: scope, Title: directoryTitle(scope),
			Paragraphs: directoryText(scope, len(d.Rows)), Tables: []*tables.Table{d}})
	}
	rep.Methods = append(rep.Methods, gapMethods(res, env.Config))
	return nil
}

// topNeeds lists the item keys of a scope's top needs: the combined view
// statewide (as the plan's statewide asset maps), the single view in a
// region.
func topNeeds(nr *needs.Result, scope string) []string {
	view := needs.ViewSingle
	if scope == needs.StatewideScope {
		view = needs.ViewCombined
	}
	var out []string
	for _, r := range nr.Top(scope, view, nr.TopN) {
		out = append(out, r.Category)
	}
	return out
}

// mapKeys are the categories mapped statewide: the configured list, or
// the statewide top five, each region's top need and the combined
// categories.
func mapKeys(cfg Config, res *gaps.Result, nr *needs.Result, groups []schema.Combined) []string {
	if len(cfg.Gaps.MapCategories) > 0 {
		return cfg.Gaps.MapCategories
	}
	var out []string
	add := func(k string) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if nr != nil {
		for _, r := range nr.Top(needs.StatewideScope, needs.ViewSingle, 5) {
			add(r.Category)
		}
		for _, region := range res.Scopes[1:] {
			for _, r := range nr.Top(region, needs.ViewSingle, 1) {
				add(r.Category)
			}
		}
	}
	for _, g := range groups {
		add(g.Key)
	}
	return out
}
