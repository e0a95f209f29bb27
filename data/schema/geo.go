package schema

// County is one county or county-equivalent, keyed on its five-digit FIPS
// code (names repeat: St. Louis city and St. Louis County).
type County struct {
	FIPS       string
	Name       string
	State      string
	Lat, Lon   float64 // centroid, degrees
	AreaSqKm   float64
	Population int // 0 when unknown
	Neighbours []string
	Region     string // "" when the county is in no region
}

// Region is a planning region: a named set of counties.
type Region struct {
	Name     string
	Counties []string // FIPS codes, sorted
}
