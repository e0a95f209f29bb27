package normalize

import (
	"fmt"
	"sort"
	"strings"

	"needsmap/data/schema"
)

// Resource guide fields read from columns.
const (
	ResOrganization = "organization"
	ResSector       = "sector"
	ResCountyFIPS   = "county_fips"
	ResCounty       = "county"
	ResServices     = "services"
	ResPopulations  = "populations"
	ResHTSpecific   = "ht_specific"
	ResTrained      = "trained"
	ResTelehealth   = "telehealth"
	ResCapacity     = "capacity"
	ResPhone        = "phone"
	ResWebsite      = "website"
	ResPartnership  = "partnership"
	// servesPrefix marks one-column-per-population flags: serves_minor.
	servesPrefix = "serves_"
)

// resourceFields lists every field a resource-guide column can map to.
func resourceFields() []string {
	out := []string{ResOrganization, ResSector, ResCountyFIPS, ResCounty, ResServices, ResPopulations,
		ResHTSpecific, ResTrained, ResTelehealth, ResCapacity, ResPhone, ResWebsite, ResPartnership}
	for _, k := range schema.PopulationKeys {
		out = append(out, servesPrefix+k)
	}
	return out
}

// ServiceSpec maps a service spelling that is not a category key, label or
// alias — a need of the resource-mapping workbook such as "Substance use
// resources" — to one or more categories.
type ServiceSpec struct {
	Match      string   `mapstructure:"match"`
	Categories []string `mapstructure:"categories"`
}

// PopulationSpec lists the spellings accepted for one population.
type PopulationSpec struct {
	Key     string   `mapstructure:"key"`
	Aliases []string `mapstructure:"aliases"`
}

// ResourceOptions say how a resource guide's columns and values are read.
type ResourceOptions struct {
	// Columns lists, per canonical field, other header spellings.
	Columns map[string][]string `mapstructure:"columns"`
	// Services maps further service spellings to categories.
	Services []ServiceSpec `mapstructure:"services"`
	// Populations lists spellings of the populations served, by key
	// (adult, minor, male, female, lgbtq, foreign_born).
	Populations []PopulationSpec `mapstructure:"populations"`
	// Statewide lists the words that mark a resource serving the whole
	// state instead of a county.
	Statewide []string `mapstructure:"statewide"`
	// Telehealth lists the words that, in place of a county, mark a
	// telehealth-only resource.
	Telehealth []string `mapstructure:"telehealth"`
	// DefaultCounty is the county (FIPS or name) of rows that name none,
	// e.g. a collaborative's own external-resource workbook; "" rejects
	// them.
	DefaultCounty string `mapstructure:"default_county"`
}

// Validate checks the options against the vocabulary.
func (o *ResourceOptions) Validate(v *Vocabulary) error {
	known := map[string]bool{}
	for _, f := range resourceFields() {
		known[f] = true
	}
	for f := range o.Columns {
		if !known[f] {
			return fmt.Errorf("resources.columns: unknown field %q (known: %s)", f, strings.Join(resourceFields(), ", "))
		}
	}
	for i, s := range o.Services {
		if s.Match == "" || len(s.Categories) == 0 {
			return fmt.Errorf("resources.services[%d]: give match and at least one category", i)
		}
		for _, c := range s.Categories {
			if _, ok := v.CategoryIndex(c); !ok {
				return fmt.Errorf("resources.services[%d] (%s): unknown category %q", i, s.Match, c)
			}
		}
	}
	for i, p := range o.Populations {
		if _, ok := schema.PopulationByKey(p.Key); !ok {
			return fmt.Errorf("resources.populations[%d]: key %q: want one of %s", i, p.Key, strings.Join(schema.PopulationKeys, ", "))
		}
	}
	return nil
}

// resourceVocab is the compiled form of the options.
type resourceVocab struct {
	fields      map[string]string // folded header → field
	services    map[string][]int  // folded spelling → categories (explicit specs)
	populations map[string]schema.Population
	statewide   map[string]bool
	telehealth  map[string]bool
}

func compileResourceOptions(o ResourceOptions, v *Vocabulary) *resourceVocab {
	rv := &resourceVocab{fields: map[string]string{}, services: map[string][]int{},
		populations: map[string]schema.Population{}, statewide: map[string]bool{}, telehealth: map[string]bool{}}
	for _, f := range resourceFields() {
		rv.fields[Fold(f)] = f
	}
	fields := make([]string, 0, len(o.Columns))
	for f := range o.Columns {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		for _, a := range o.Columns[f] {
			rv.fields[Fold(a)] = f
		}
	}
	for _, s := range o.Services {
		var cats []int
		for _, c := range s.Categories {
			i, _ := v.CategoryIndex(c)
			cats = append(cats, i)
		}
		rv.services[Fold(s.Match)] = cats
	}
	for i, k := range schema.PopulationKeys {
		rv.populations[Fold(k)] = schema.Population(1 << i)
	}
	for _, p := range o.Populations {
		pop, _ := schema.PopulationByKey(p.Key)
		for _, a := range p.Aliases {
			rv.populations[Fold(a)] = pop
		}
	}
	for _, w := range o.Statewide {
		rv.statewide[Fold(w)] = true
	}
	for _, w := range o.Telehealth {
		rv.telehealth[Fold(w)] = true
	}
	return rv
}

// service finds the categories a spelling names: an explicit spec first,
// then a category key, label or alias.
func (rv *resourceVocab) service(v *Vocabulary, s string) ([]int, bool) {
	if cats, ok := rv.services[Fold(s)]; ok {
		return cats, true
	}
	if c, ok := v.CategoryIndex(s); ok {
		return []int{c}, true
	}
	return nil, false
}
