package schema

// Tri is a yes/no answer that may be missing.
type Tri int8

// Tri values. Unknown is the zero value: a blank cell.
const (
	Unknown Tri = iota
	Yes
	No
)

// String is "yes", "no" or "" for Unknown.
func (t Tri) String() string {
	switch t {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return ""
}

// Population is a group a resource serves.
type Population uint8

// Populations a resource guide records, as bits of a PopulationSet.
const (
	Adult Population = 1 << iota
	Minor
	Male
	Female
	LGBTQ
	ForeignBorn
)

// PopulationKeys are the canonical keys of the populations, in bit order.
var PopulationKeys = []string{"adult", "minor", "male", "female", "lgbtq", "foreign_born"}

// PopulationByKey returns the population with a canonical key.
func PopulationByKey(key string) (Population, bool) {
	for i, k := range PopulationKeys {
		if k == key {
			return Population(1 << i), true
		}
	}
	return 0, false
}

// PopulationSet is a set of populations; 0 means none was stated.
type PopulationSet uint8

// Has reports whether p is in the set.
func (s PopulationSet) Has(p Population) bool { return s&PopulationSet(p) != 0 }

// Keys lists the canonical keys of the set, in bit order.
func (s PopulationSet) Keys() []string {
	var out []string
	for i, k := range PopulationKeys {
		if s&(1<<i) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// Resource is one organisation and service site of a resource guide.
//
// A resource either has a place — the counties it is listed in — or is
// remote: Statewide (serves the whole state from anywhere) or a telehealth
// service with no site. Contact fields are the organisation's own; a
// contact person's name, an e-mail address or a street address is never
// read into a Resource.
type Resource struct {
	Organization string
	// Sector is the kind of organisation ("Behavioral health center"),
	// "" when the guide does not say.
	Sector string
	// Counties are the FIPS codes of the counties the site is listed in,
	// sorted and unique; empty for a remote resource.
	Counties  []string
	Statewide bool
	// Telehealth is true when the resource offers services remotely; with
	// no county it is a telehealth-only resource.
	Telehealth bool
	// Services are category indices (configuration order), sorted and
	// unique.
	Services    []int
	Populations PopulationSet
	HTSpecific  Tri
	Trained     Tri
	// Capacity is beds or slots; 0 when not given.
	Capacity    float64
	Phone       string
	Website     string
	Partnership Tri
	Source      Position
}

// Remote reports whether the resource has no place: Statewide or
// telehealth only.
func (r *Resource) Remote() bool { return r.Statewide || len(r.Counties) == 0 }

// Offers reports whether the resource offers category c.
func (r *Resource) Offers(c int) bool {
	for _, s := range r.Services {
		if s == c {
			return true
		}
	}
	return false
}
