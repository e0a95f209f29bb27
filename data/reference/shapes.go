package reference

import (
	"encoding/json"
	"fmt"
	"sort"

	"needsmap/data/schema"
)

// geoJSON is the part of a GeoJSON FeatureCollection the maps need.
type geoJSON struct {
	Features []struct {
		ID         any              `json:"id"`
		Properties map[string]any   `json:"properties"`
		Geometry   *geoJSONGeometry `json:"geometry"`
	} `json:"features"`
}

type geoJSONGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// ParseShapes reads county outlines from GeoJSON (Polygon and MultiPolygon
// features). A feature's county is its "fips" property, else its id;
// codes are padded to five digits. Shapes come back sorted by FIPS.
func ParseShapes(b []byte, name string) ([]schema.Shape, error) {
	var doc geoJSON
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var out []schema.Shape
	for i, f := range doc.Features {
		fips := NormalizeFIPS(str(f.Properties["fips"]))
		if fips == "" {
			fips = NormalizeFIPS(str(f.ID))
		}
		if fips == "" || f.Geometry == nil {
			return nil, fmt.Errorf("%s: feature %d has no fips property or id, or no geometry", name, i+1)
		}
		polys, err := polygons(f.Geometry)
		if err != nil {
			return nil, fmt.Errorf("%s: feature %s: %w", name, fips, err)
		}
		out = append(out, schema.Shape{FIPS: fips, Polygons: polys})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FIPS < out[j].FIPS })
	return out, nil
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return fmt.Sprintf("%.0f", x)
	}
	return ""
}

func polygons(g *geoJSONGeometry) ([][]schema.Ring, error) {
	switch g.Type {
	case "Polygon":
		var c [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		return [][]schema.Ring{rings(c)}, nil
	case "MultiPolygon":
		var c [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, err
		}
		out := make([][]schema.Ring, len(c))
		for i, p := range c {
			out[i] = rings(p)
		}
		return out, nil
	}
	return nil, fmt.Errorf("geometry %q: want Polygon or MultiPolygon", g.Type)
}

func rings(c [][][2]float64) []schema.Ring {
	out := make([]schema.Ring, len(c))
	for i, r := range c {
		ring := make(schema.Ring, len(r))
		for j, p := range r {
			ring[j] = schema.LonLat{Lon: p[0], Lat: p[1]}
		}
		out[i] = ring
	}
	return out
}
