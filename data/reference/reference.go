// Package reference loads the county and region tables: the bundled Missouri
// and Illinois counties (FIPS, centroid, neighbours, 2023 population) and the
// approximate default county → region table, or a coalition's own files.
//
// Counties are keyed on FIPS because names repeat (St. Louis city 29510 and
// St. Louis County 29189).
package reference

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"needsmap/data/schema"
)

//go:embed counties_mo_il.csv county_population_mo_il.csv county_adjacency_mo_il.csv regions_mo_il.csv counties_mo_il.geojson
var files embed.FS

// DefaultRegionsNote is shown wherever the bundled region table is used.
const DefaultRegionsNote = "Regions use needsmap's approximate default county table " +
	"(built from the strategic plan's stated facts and geography); replace it with the coalition's official table."

// Options chooses the reference files. Empty paths select the bundled ones.
type Options struct {
	Counties   string `mapstructure:"counties"`
	Population string `mapstructure:"population"`
	Adjacency  string `mapstructure:"adjacency"`
	Regions    string `mapstructure:"regions"`
	Shapes     string `mapstructure:"shapes"`
}

// Geography is the county table with each county's region.
type Geography struct {
	Counties []schema.County // sorted by FIPS
	Regions  []schema.Region // in the order first seen in the region table
	// Approximate is true when the bundled default region table is used.
	Approximate bool
	// Sources names the files read, for the report's data-quality section.
	Sources []string

	byFIPS map[string]int
	byName map[string][]int // lower-case "name" and "name, state"
}

// Load reads the reference tables chosen by opts.
func Load(opts Options) (*Geography, error) {
	g := &Geography{byFIPS: map[string]int{}, byName: map[string][]int{}}
	if err := g.readCounties(opts.Counties); err != nil {
		return nil, err
	}
	if err := g.readPopulation(opts.Population); err != nil {
		return nil, err
	}
	if err := g.readAdjacency(opts.Adjacency); err != nil {
		return nil, err
	}
	if err := g.readRegions(opts.Regions); err != nil {
		return nil, err
	}
	g.Approximate = opts.Regions == ""
	return g, nil
}

// County returns the county with the given FIPS code.
func (g *Geography) County(fips string) (schema.County, bool) {
	i, ok := g.byFIPS[NormalizeFIPS(fips)]
	if !ok {
		return schema.County{}, false
	}
	return g.Counties[i], true
}

// CountiesNamed returns the counties whose name (optionally "Name, ST" or
// "Name County") matches, case-insensitively. Several may match.
func (g *Geography) CountiesNamed(name string) []schema.County {
	key := nameKey(name)
	var out []schema.County
	for _, i := range g.byName[key] {
		out = append(out, g.Counties[i])
	}
	return out
}

// RegionNames lists the regions in table order.
func (g *Geography) RegionNames() []string {
	out := make([]string, len(g.Regions))
	for i, r := range g.Regions {
		out[i] = r.Name
	}
	return out
}

// Region returns the region with the given name (exact match).
func (g *Geography) Region(name string) (schema.Region, bool) {
	for _, r := range g.Regions {
		if r.Name == name {
			return r, true
		}
	}
	return schema.Region{}, false
}

// NormalizeFIPS left-pads a numeric county code to five digits, so a FIPS
// that lost its leading zero in a spreadsheet ("1001") still matches.
func NormalizeFIPS(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) >= 5 {
		return s
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return s
		}
	}
	return strings.Repeat("0", 5-len(s)) + s
}

// nameKey folds "Saint Louis County, MO", "st louis, mo" and "St. Louis"
// alike; the state part is kept when given.
func nameKey(s string) string {
	name, state, hasState := strings.Cut(strings.ToLower(s), ",")
	name = strings.Join(strings.Fields(name), " ")
	name = strings.TrimSuffix(name, " county")
	for _, p := range []string{"saint ", "st "} {
		if strings.HasPrefix(name, p) {
			name = "st. " + name[len(p):]
		}
	}
	if hasState {
		return name + ", " + strings.TrimSpace(state)
	}
	return name
}

func open(path, bundled string) ([]byte, string, error) {
	if path == "" {
		b, err := files.ReadFile(bundled)
		return b, "bundled " + bundled, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, path, fmt.Errorf("read %s: %w", path, err)
	}
	return b, path, nil
}

// table reads a CSV with a header and returns rows as maps keyed by the
// lower-case header, with the 1-based line of each row.
func table(b []byte, name string, required ...string) ([]map[string]string, []int, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	idx := map[string]int{}
	for i, h := range head {
		idx[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, req := range required {
		if _, ok := idx[req]; !ok {
			return nil, nil, fmt.Errorf("%s: missing column %q", name, req)
		}
	}
	var rows []map[string]string
	var lines []int
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		m := make(map[string]string, len(idx))
		for h, i := range idx {
			if i < len(rec) {
				m[h] = strings.TrimSpace(rec[i])
			}
		}
		rows = append(rows, m)
		lines = append(lines, line)
	}
	return rows, lines, nil
}

func (g *Geography) readCounties(path string) error {
	b, name, err := open(path, "counties_mo_il.csv")
	if err != nil {
		return err
	}
	g.Sources = append(g.Sources, name)
	rows, lines, err := table(b, name, "fips", "state", "county_name", "centroid_lat", "centroid_lon")
	if err != nil {
		return err
	}
	for i, r := range rows {
		c := schema.County{FIPS: NormalizeFIPS(r["fips"]), State: r["state"], Name: r["county_name"]}
		if c.Lat, err = strconv.ParseFloat(r["centroid_lat"], 64); err != nil {
			return fmt.Errorf("%s row %d: centroid_lat: %w", name, lines[i], err)
		}
		if c.Lon, err = strconv.ParseFloat(r["centroid_lon"], 64); err != nil {
			return fmt.Errorf("%s row %d: centroid_lon: %w", name, lines[i], err)
		}
		if a := r["area_sq_km"]; a != "" {
			if c.AreaSqKm, err = strconv.ParseFloat(a, 64); err != nil {
				return fmt.Errorf("%s row %d: area_sq_km: %w", name, lines[i], err)
			}
		}
		if _, dup := g.byFIPS[c.FIPS]; dup {
			return fmt.Errorf("%s row %d: duplicate fips %s", name, lines[i], c.FIPS)
		}
		g.byFIPS[c.FIPS] = len(g.Counties)
		g.Counties = append(g.Counties, c)
	}
	sort.Slice(g.Counties, func(i, j int) bool { return g.Counties[i].FIPS < g.Counties[j].FIPS })
	for i, c := range g.Counties {
		g.byFIPS[c.FIPS] = i
		for _, k := range []string{nameKey(c.Name), nameKey(c.Name + ", " + c.State)} {
			g.byName[k] = append(g.byName[k], i)
		}
	}
	return nil
}

func (g *Geography) readPopulation(path string) error {
	b, name, err := open(path, "county_population_mo_il.csv")
	if err != nil {
		return err
	}
	g.Sources = append(g.Sources, name)
	rows, lines, err := table(b, name, "fips", "population")
	if err != nil {
		return err
	}
	for i, r := range rows {
		idx, ok := g.byFIPS[NormalizeFIPS(r["fips"])]
		if !ok {
			return fmt.Errorf("%s row %d: unknown fips %s", name, lines[i], r["fips"])
		}
		n, err := strconv.Atoi(r["population"])
		if err != nil || n < 0 {
			return fmt.Errorf("%s row %d: population %q is not a count", name, lines[i], r["population"])
		}
		g.Counties[idx].Population = n
	}
	return nil
}

func (g *Geography) readAdjacency(path string) error {
	b, name, err := open(path, "county_adjacency_mo_il.csv")
	if err != nil {
		return err
	}
	g.Sources = append(g.Sources, name)
	rows, lines, err := table(b, name, "fips_a", "fips_b")
	if err != nil {
		return err
	}
	for i, r := range rows {
		a, okA := g.byFIPS[NormalizeFIPS(r["fips_a"])]
		c, okB := g.byFIPS[NormalizeFIPS(r["fips_b"])]
		if !okA || !okB {
			return fmt.Errorf("%s row %d: unknown fips in pair %s-%s", name, lines[i], r["fips_a"], r["fips_b"])
		}
		g.Counties[a].Neighbours = append(g.Counties[a].Neighbours, g.Counties[c].FIPS)
		g.Counties[c].Neighbours = append(g.Counties[c].Neighbours, g.Counties[a].FIPS)
	}
	for i := range g.Counties {
		sort.Strings(g.Counties[i].Neighbours)
	}
	return nil
}

func (g *Geography) readRegions(path string) error {
	b, name, err := open(path, "regions_mo_il.csv")
	if err != nil {
		return err
	}
	g.Sources = append(g.Sources, name)
	rows, lines, err := table(b, name, "fips", "region")
	if err != nil {
		return err
	}
	order := map[string]int{}
	for i, r := range rows {
		idx, ok := g.byFIPS[NormalizeFIPS(r["fips"])]
		if !ok {
			return fmt.Errorf("%s row %d: unknown fips %s", name, lines[i], r["fips"])
		}
		region := r["region"]
		if region == "" {
			continue
		}
		if prev := g.Counties[idx].Region; prev != "" && prev != region {
			return fmt.Errorf("%s row %d: county %s is in both %s and %s", name, lines[i], r["fips"], prev, region)
		}
		g.Counties[idx].Region = region
		if _, seen := order[region]; !seen {
			order[region] = len(g.Regions)
			g.Regions = append(g.Regions, schema.Region{Name: region})
		}
	}
	for _, c := range g.Counties {
		if c.Region != "" {
			ri := order[c.Region]
			g.Regions[ri].Counties = append(g.Regions[ri].Counties, c.FIPS)
		}
	}
	if len(g.Regions) == 0 {
		return fmt.Errorf("%s: no county has a region", name)
	}
	return nil
}

// Shapes returns the raw GeoJSON of the county shapes (bundled or from
// opts.Shapes) for the map charts.
func Shapes(opts Options) ([]byte, string, error) {
	return open(opts.Shapes, "counties_mo_il.geojson")
}
