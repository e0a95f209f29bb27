package tables

import (
	"bytes"
	"strings"
	"testing"

	"needsmap/analysis/gaps"
	"needsmap/data/schema"
)

func gapResult(t *testing.T) *gaps.Result {
	t.Helper()
	counties := []schema.County{
		{FIPS: "00001", Name: "Alpha", State: "MO", Lat: 0, Lon: 0, Population: 1000, Region: "North"},
		{FIPS: "00002", Name: "Beta", State: "MO", Lat: 0, Lon: 0.5, Population: 2000, Region: "South"},
	}
	cats := []schema.Category{{Key: "shelter", Label: "Shelter"}, {Key: "legal", Label: "Legal aid"}}
	rs := []schema.Resource{
		{Organization: "=Evil Shelter", Counties: []string{"00001", "00002"}, Services: []int{0, 1}, Capacity: 12,
			Populations: schema.PopulationSet(schema.Adult | schema.Female), HTSpecific: schema.Yes, Phone: "(573) 555-0101",
			Website: "https://evil.example.org"},
		{Organization: "Hotline", Statewide: true, Services: []int{1}},
		{Organization: "Tele", Telehealth: true, Services: []int{0}},
	}
	in := gaps.Input{Counties: counties, Regions: []string{"North", "South"}, Categories: cats, Resources: rs,
		Need:      func(scope, key string) float64 { return 0.5 },
		Survivors: func(scope string) (int, bool) { return 20, true }}
	res, err := gaps.Analyse(in, gaps.Options{Weights: gaps.Weights{Supply: 0.25, Coverage: 0.25, Access: 0.5},
		HalfSaturation: gaps.HalfSaturation{Supply: 1, Access: 1}, StatewideWeight: 0.25, TelehealthWeight: 0.5, CoverageKm: 40,
		Populations: []string{"minor"}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func csvOf(t *testing.T, tab *Table) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, tab); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGapScoresTable(t *testing.T) {
	res := gapResult(t)
	tab := GapScores(res, map[string]bool{"South": true})
	out := csvOf(t, tab)
	if !strings.HasPrefix(out, "scope,category,population,need,supply_per_100_survivors,supply_per_100k,coverage,access,gap,gap_rank\n") {
		t.Fatalf("header: %s", out[:120])
	}
	// 3 scopes × 2 populations × 2 categories.
	if len(tab.Rows) != 12 {
		t.Errorf("%d rows", len(tab.Rows))
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		f := strings.Split(line, ",")
		if f[0] == "South" && f[4] != "" {
			t.Errorf("South's survivors are suppressed, so its supply per 100 survivors must be blank: %s", line)
		}
		if f[0] == "North" && f[4] == "" {
			t.Errorf("North's supply per 100 survivors is published: %s", line)
		}
	}
	if !strings.Contains(strings.Join(tab.Notes, " "), "blank where the scope's survivors count is suppressed") {
		t.Errorf("notes: %v", tab.Notes)
	}
}

func TestAccessByCountyTable(t *testing.T) {
	tab := AccessByCounty(gapResult(t))
	out := csvOf(t, tab)
	if !strings.HasPrefix(out, "county_fips,county,region,category,access\n00001,\"Alpha, MO\",North,shelter,") || len(tab.Rows) != 4 {
		t.Errorf("table:\n%s", out)
	}
}

func TestResourceDirectory(t *testing.T) {
	res := gapResult(t)
	dir := ResourceDirectory(res.Resources, res.Counties, []string{"North", "South"}, []schema.Category{{Key: "shelter", Label: "Shelter"}, {Key: "legal", Label: "Legal aid"}})
	out := csvOf(t, dir)
	want := "region,county_fips,county,organization,sector,services,populations,ht_specific,trained,telehealth,capacity,partnership,phone,website\n" +
		"Statewide,,Statewide,Hotline,,Legal aid,,,,no,,,,\n" +
		"Statewide,,Telehealth (no site),Tele,,Shelter,,,,yes,,,,\n" +
		"North,00001,\"Alpha, MO\",'=Evil Shelter,,Shelter; Legal aid,adult; female,yes,,no,12,,(573) 555-0101,https://evil.example.org\n" +
		"South,00002,\"Beta, MO\",'=Evil Shelter,,Shelter; Legal aid,adult; female,yes,,no,12,,(573) 555-0101,https://evil.example.org\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	north := RegionDirectory(dir, "North")
	if len(north.Rows) != 1 || north.Rows[0][6].Text != "evil.example.org" || north.Rows[0][4].Text != "yes / –" ||
		!strings.Contains(north.Rows[0][5].Text, "555\u2011") {
		t.Errorf("region directory: %+v", north.Rows)
	}
}

func TestTopGaps(t *testing.T) {
	res := gapResult(t)
	tab := TopGaps(res, "North", true)
	if len(tab.Rows) != 2 || tab.Rows[0][1].Int != 1 || !tab.Rows[0][6].Missing {
		t.Errorf("top gaps: %+v", tab.Rows)
	}
}
