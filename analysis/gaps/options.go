// Package gaps measures where need is high and supply thin: for each scope
// (statewide and each region), service category (and combined category)
// and population served, it sets the need from the needs ranking against
// the resource guide's supply, coverage and spatial access (the enhanced
// two-step floating catchment area method over county centroids), and
// combines them into a gap score from 0 to 100 whose every component is
// kept beside it.
//
// The score is monotone by construction: adding a resource never raises a
// gap, raising need never lowers one, and a region with the highest need
// and no resource within reach has the largest gap. Every sum runs over
// resources in a canonical order, so the input's row order cannot change a
// result.
package gaps

import (
	"fmt"
	"math"
	"slices"

	"needsmap/data/schema"
)

// Supply units and multi-county placement.
const (
	UnitCapacity = "capacity" // S_j = capacity, or default_capacity when not given
	UnitResource = "resource" // S_j = default_capacity for every resource
	SplitEqually = "split"    // a resource in n counties puts S_j/n in each
	SplitNone    = "full"     // … or S_j in each
)

// Options are the gap-score settings from config. Every weight of the
// score and of the access measure is here.
type Options struct {
	// Weights combine the saturated supply, coverage and access into the
	// score's supply side; they sum to 1.
	Weights Weights `mapstructure:"weights"`
	// HalfSaturation is the supply (and access) per 100,000 residents at
	// which that component reaches 0.5. Fixed constants, never derived
	// from the data: a data-derived scale would let a resource added in
	// one region raise another region's gap.
	HalfSaturation HalfSaturation `mapstructure:"half_saturation"`
	// HalfSaturationBy overrides HalfSaturation for categories whose
	// supply is counted in beds (shelters) rather than organisations.
	HalfSaturationBy []CategoryHalfSaturation `mapstructure:"half_saturation_by_category"`
	// StatewideWeight and TelehealthWeight count a statewide or a
	// telehealth-only resource in each region's supply at this fraction.
	StatewideWeight  float64 `mapstructure:"statewide_weight"`
	TelehealthWeight float64 `mapstructure:"telehealth_weight"`
	// CoverageKm: a county is covered when a county with the service lies
	// within this distance, centroid to centroid (its own county at 0 km).
	CoverageKm float64 `mapstructure:"coverage_km"`
	// Catchment is the E2SFCA distance decay: weight Weight up to Km.
	Catchment     []Step  `mapstructure:"catchment"`
	EarthRadiusKm float64 `mapstructure:"earth_radius_km"`
	// SupplyUnit is "capacity" (default) or "resource".
	SupplyUnit      string  `mapstructure:"supply_unit"`
	DefaultCapacity float64 `mapstructure:"default_capacity"`
	// MultiCounty is "split" (default) or "full".
	MultiCounty string `mapstructure:"multi_county"`
	// Populations get their own rows besides "all" (keys of
	// schema.PopulationKeys).
	Populations []string `mapstructure:"populations"`
	// PartnersOnly restricts the gap table to resources marked as the
	// collaborative's partners (partnership = yes).
	PartnersOnly bool `mapstructure:"partners_only"`
	// TopN is how many gaps each region's report section lists.
	TopN int `mapstructure:"top_n"`
	// MapCategories are the categories mapped; empty maps the statewide
	// top needs, each region's top need and the combined categories.
	MapCategories []string `mapstructure:"map_categories"`
}

// Weights of the supply side of the score.
type Weights struct {
	Supply   float64 `mapstructure:"supply"`
	Coverage float64 `mapstructure:"coverage"`
	Access   float64 `mapstructure:"access"`
}

// HalfSaturation constants, per 100,000 residents.
type HalfSaturation struct {
	Supply float64 `mapstructure:"supply"`
	Access float64 `mapstructure:"access"`
}

// CategoryHalfSaturation sets the constants for some categories.
type CategoryHalfSaturation struct {
	Categories []string `mapstructure:"categories"`
	Supply     float64  `mapstructure:"supply"`
	Access     float64  `mapstructure:"access"`
}

// Step is one band of the catchment: distances up to Km weigh Weight.
type Step struct {
	Km     float64 `mapstructure:"km"`
	Weight float64 `mapstructure:"weight"`
}

// PopulationAll is the population of rows that count every resource.
const PopulationAll = "all"

// Validate checks the options against the category and group keys and
// fills defaults.
func (o *Options) Validate(keys []string) error {
	if o.SupplyUnit == "" {
		o.SupplyUnit = UnitCapacity
	}
	if o.MultiCounty == "" {
		o.MultiCounty = SplitEqually
	}
	if o.DefaultCapacity == 0 {
		o.DefaultCapacity = 1
	}
	if o.EarthRadiusKm == 0 {
		o.EarthRadiusKm = 6371.0088
	}
	if len(o.Catchment) == 0 {
		o.Catchment = []Step{{40, 1}, {80, 0.68}, {120, 0.22}}
	}
	if o.TopN <= 0 {
		o.TopN = 5
	}
	checks := []error{o.validateScore(), o.validateCatchment(), o.validateEnums(), o.validateKeys(keys)}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	return nil
}

func (o *Options) validateScore() error {
	w := o.Weights
	if w.Supply < 0 || w.Coverage < 0 || w.Access < 0 || math.Abs(w.Supply+w.Coverage+w.Access-1) > 1e-9 {
		return fmt.Errorf("gaps.weights: supply %v, coverage %v and access %v must be 0 or more and sum to 1", w.Supply, w.Coverage, w.Access)
	}
	hs := append([]CategoryHalfSaturation{{Categories: []string{"(default)"}, Supply: o.HalfSaturation.Supply, Access: o.HalfSaturation.Access}}, o.HalfSaturationBy...)
	for _, h := range hs {
		if !(h.Supply > 0) || !(h.Access > 0) {
			return fmt.Errorf("gaps.half_saturation %v: supply and access must be more than 0", h.Categories)
		}
	}
	if o.StatewideWeight < 0 || o.StatewideWeight > 1 || o.TelehealthWeight < 0 || o.TelehealthWeight > 1 {
		return fmt.Errorf("gaps.statewide_weight and telehealth_weight must be between 0 and 1")
	}
	if o.CoverageKm < 0 || o.DefaultCapacity < 0 {
		return fmt.Errorf("gaps.coverage_km and default_capacity must be 0 or more")
	}
	return nil
}

func (o *Options) validateCatchment() error {
	prev := Step{Km: 0, Weight: 1}
	for i, s := range o.Catchment {
		if s.Km <= prev.Km || s.Weight < 0 || s.Weight > prev.Weight {
			return fmt.Errorf("gaps.catchment[%d]: bands need increasing km and weights from 1 down to 0", i)
		}
		prev = s
	}
	if o.EarthRadiusKm <= 0 {
		return fmt.Errorf("gaps.earth_radius_km must be more than 0")
	}
	return nil
}

func (o *Options) validateEnums() error {
	if o.SupplyUnit != UnitCapacity && o.SupplyUnit != UnitResource {
		return fmt.Errorf("gaps.supply_unit %q: want capacity or resource", o.SupplyUnit)
	}
	if o.MultiCounty != SplitEqually && o.MultiCounty != SplitNone {
		return fmt.Errorf("gaps.multi_county %q: want split or full", o.MultiCounty)
	}
	for _, p := range o.Populations {
		if _, ok := schema.PopulationByKey(p); !ok {
			return fmt.Errorf("gaps.populations: %q: want one of %v", p, schema.PopulationKeys)
		}
	}
	return nil
}

func (o *Options) validateKeys(keys []string) error {
	for _, h := range o.HalfSaturationBy {
		for _, c := range h.Categories {
			if !slices.Contains(keys, c) {
				return fmt.Errorf("gaps.half_saturation_by_category: unknown category %q", c)
			}
		}
	}
	for _, c := range o.MapCategories {
		if !slices.Contains(keys, c) {
			return fmt.Errorf("gaps.map_categories: unknown category %q", c)
		}
	}
	return nil
}

// halfSaturation returns the constants for a category or group key.
func (o *Options) halfSaturation(key string) HalfSaturation {
	for _, h := range o.HalfSaturationBy {
		if slices.Contains(h.Categories, key) {
			return HalfSaturation{Supply: h.Supply, Access: h.Access}
		}
	}
	return o.HalfSaturation
}

// decay is the catchment weight at distance d km: the weight of the first
// band whose upper bound is d or more, 0 beyond the last.
func (o *Options) decay(d float64) float64 {
	for _, s := range o.Catchment {
		if d <= s.Km {
			return s.Weight
		}
	}
	return 0
}
