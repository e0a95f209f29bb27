// Command genregions writes the default county → region table
// (data/reference/regions_mo_il.csv) from the county centroids.
//
// No authoritative county list for the Missouri anti-trafficking regions is
// public. The seeds fix a few facts (St. Louis = St. Louis city, St. Louis
// County and St. Charles County; Cass County is in the Northwest; the Kansas
// City region reaches Carroll County; Metro East is 13 Illinois counties
// around St. Louis). Every other Missouri county goes to the region of its
// nearest anchor county (great-circle distance between centroids), and
// Metro East is the 13 Illinois counties nearest to St. Louis city. The
// result is an approximate default to be replaced by a coalition's table.
//
// Run from the repository root: go run ./data/reference/internal/genregions
package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"math"
	"os"
	"sort"
	"strconv"
)

type county struct {
	fips, state, name string
	lat, lon          float64
}

// fixed holds the assignments the source documents state outright.
var fixed = map[string]string{
	"29510": "St. Louis", // St. Louis city
	"29189": "St. Louis", // St. Louis County
	"29183": "St. Louis", // St. Charles County
	"29037": "Northwest", // Cass County
	"29033": "Kansas City",
	"29095": "Kansas City", // Jackson County
}

// anchors are the regional centres the plan names (Kirksville, Hannibal,
// St. Joseph, Columbia, Jefferson City, Springfield, Joplin, Cape Girardeau,
// Poplar Bluff, Kansas City).
var anchors = []struct{ fips, region string }{
	{"29095", "Kansas City"}, {"29047", "Kansas City"}, {"29165", "Kansas City"},
	{"29021", "Northwest"}, {"29147", "Northwest"},
	{"29001", "Northeast"}, {"29127", "Northeast"},
	{"29019", "Central"}, {"29051", "Central"},
	{"29077", "Southwest"}, {"29097", "Southwest"},
	{"29031", "Southeast"}, {"29023", "Southeast"}, {"29187", "Southeast"},
}

const metroEastCount = 13

func main() {
	counties, err := load("data/reference/counties_mo_il.csv")
	if err != nil {
		log.Fatal(err)
	}
	byFIPS := map[string]county{}
	for _, c := range counties {
		byFIPS[c.fips] = c
	}
	var rows []row
	stl := byFIPS["29510"]
	var il []county
	for _, c := range counties {
		switch {
		case c.state == "IL":
			il = append(il, c)
		case fixed[c.fips] != "":
			rows = append(rows, row{c, fixed[c.fips], "stated in the strategic plan"})
		default:
			region, anchor := nearest(c, byFIPS)
			rows = append(rows, row{c, region, "approximate: nearest anchor " + byFIPS[anchor].name + " County"})
		}
	}
	sort.SliceStable(il, func(i, j int) bool { return dist(il[i], stl) < dist(il[j], stl) })
	for _, c := range il[:metroEastCount] {
		rows = append(rows, row{c, "Metro East", fmt.Sprintf("approximate: one of the %d Illinois counties nearest St. Louis city", metroEastCount)})
	}
	// Rows are grouped by region in the order the plan presents them, so the
	// file reads region by region and fixes the report's region order.
	rank := map[string]int{}
	for i, r := range regionOrder {
		rank[r] = i
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rank[rows[i].region] != rank[rows[j].region] {
			return rank[rows[i].region] < rank[rows[j].region]
		}
		return rows[i].c.fips < rows[j].c.fips
	})
	out := csv.NewWriter(os.Stdout)
	defer out.Flush()
	if err := out.Write([]string{"fips", "state", "county", "region", "basis"}); err != nil {
		log.Fatal(err)
	}
	for _, r := range rows {
		if err := out.Write([]string{r.c.fips, r.c.state, r.c.name, r.region, r.basis}); err != nil {
			log.Fatal(err)
		}
	}
}

type row struct {
	c             county
	region, basis string
}

var regionOrder = []string{"St. Louis", "Metro East", "Southeast", "Southwest", "Northwest", "Northeast", "Kansas City", "Central"}

func nearest(c county, byFIPS map[string]county) (region, anchor string) {
	best := math.Inf(1)
	for _, a := range anchors {
		if d := dist(c, byFIPS[a.fips]); d < best {
			best, region, anchor = d, a.region, a.fips
		}
	}
	return region, anchor
}

func dist(a, b county) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dlat := (b.lat - a.lat) * rad
	dlon := (b.lon - a.lon) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(a.lat*rad)*math.Cos(b.lat*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

func load(path string) ([]county, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []county
	for _, r := range recs[1:] {
		lat, _ := strconv.ParseFloat(r[3], 64)
		lon, _ := strconv.ParseFloat(r[4], 64)
		out = append(out, county{fips: r[0], state: r[1], name: r[2], lat: lat, lon: lon})
	}
	return out, nil
}
