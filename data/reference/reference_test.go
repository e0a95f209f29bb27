package reference

import "testing"

func TestBundled(t *testing.T) {
	g, err := Load(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Counties) != 217 || !g.Approximate {
		t.Fatalf("%d counties, approximate %v", len(g.Counties), g.Approximate)
	}
	regions := map[string]int{}
	for _, c := range g.Counties {
		if c.Region != "" {
			regions[c.Region]++
		}
		if c.State == "MO" && c.Region == "" {
			t.Errorf("Missouri county %s %s has no region", c.FIPS, c.Name)
		}
		if c.Population <= 0 {
			t.Errorf("county %s has no population", c.FIPS)
		}
	}
	if regions["Metro East"] != 13 || regions["St. Louis"] != 3 || len(regions) != 8 {
		t.Errorf("regions = %v", regions)
	}
	facts := map[string]string{"29510": "St. Louis", "29189": "St. Louis", "29183": "St. Louis",
		"29037": "Northwest", "29033": "Kansas City", "17163": "Metro East", "17119": "Metro East"}
	for fips, want := range facts {
		if c, _ := g.County(fips); c.Region != want {
			t.Errorf("%s (%s) is in %q, want %q", fips, c.Name, c.Region, want)
		}
	}
	if c, ok := g.County("17031"); !ok || c.Population != 5087072 || c.Region != "" {
		t.Errorf("Cook County = %+v", c)
	}
	if got := g.CountiesNamed("St. Louis"); len(got) != 2 {
		t.Errorf("St. Louis names %d counties, want city and county", len(got))
	}
	if got := g.CountiesNamed("cass county, mo"); len(got) != 1 || got[0].FIPS != "29037" {
		t.Errorf("cass county, mo = %v", got)
	}
	if c, _ := g.County("29510"); len(c.Neighbours) == 0 {
		t.Error("St. Louis city has no neighbours")
	}
	if g.RegionNames()[0] != "St. Louis" || g.RegionNames()[7] != "Central" {
		t.Errorf("region order = %v", g.RegionNames())
	}
}

func TestNormalizeFIPS(t *testing.T) {
	for in, want := range map[string]string{"1001": "01001", "29510": "29510", " 29510 ": "29510", "abc": "abc", "": ""} {
		if got := NormalizeFIPS(in); got != want {
			t.Errorf("NormalizeFIPS(%q) = %q, want %q", in, got, want)
		}
	}
}
