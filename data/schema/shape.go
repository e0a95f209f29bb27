package schema

// LonLat is a point in degrees.
type LonLat struct{ Lon, Lat float64 }

// Ring is a closed line of points (first and last equal).
type Ring []LonLat

// Shape is the outline of one county for maps: polygons, each an exterior
// ring followed by its holes.
type Shape struct {
	FIPS     string
	Polygons [][]Ring
}
