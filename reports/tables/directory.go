package tables

import (
	"cmp"
	"slices"
	"strings"

	"needsmap/data/schema"
)

// Directory places in place of a county.
const (
	DirStatewide  = "Statewide"
	DirTelehealth = "Telehealth (no site)"
	DirOutside    = "Outside the regions"
)

// directoryColumns of tables/resource_directory.csv.
var directoryColumns = []string{"region", "county_fips", "county", "organization", "sector", "services", "populations",
	"ht_specific", "trained", "telehealth", "capacity", "partnership", "phone", "website"}

// ResourceDirectory is tables/resource_directory.csv: the resource guide
// searchable by county — one row per resource and county it is listed in,
// by region (in report order), county and organisation; statewide and
// telehealth-only services first under "Statewide". Only organisations'
// own contact fields are kept; no person's name, e-mail or street address
// is ever read.
func ResourceDirectory(rs []schema.Resource, counties []schema.County, regions []string, cats []schema.Category) *Table {
	byFIPS := map[string]schema.County{}
	for _, c := range counties {
		byFIPS[c.FIPS] = c
	}
	order := map[string]int{DirStatewide: 0}
	for i, r := range regions {
		order[r] = i + 1
	}
	order[DirOutside] = len(regions) + 1
	type entry struct {
		region, fips, county string
		res                  *schema.Resource
	}
	var es []entry
	for i := range rs {
		r := &rs[i]
		if r.Remote() {
			place := DirStatewide
			if !r.Statewide {
				place = DirTelehealth
			}
			es = append(es, entry{DirStatewide, "", place, r})
			continue
		}
		for _, f := range r.Counties {
			c := byFIPS[f]
			region := c.Region
			if region == "" {
				region = DirOutside
			}
			es = append(es, entry{region, f, c.Name + ", " + c.State, r})
		}
	}
	slices.SortStableFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(order[a.region], order[b.region]), cmp.Compare(a.county, b.county),
			cmp.Compare(a.fips, b.fips), cmp.Compare(a.res.Organization, b.res.Organization))
	})
	t := &Table{Name: "resource_directory", Title: "Resource directory, by region and county", Columns: directoryColumns}
	for _, e := range es {
		r := e.res
		capacity := Blank(Int)
		if r.Capacity > 0 {
			capacity = F(r.Capacity)
			if r.Capacity == float64(int(r.Capacity)) {
				capacity = I(int(r.Capacity))
			}
		}
		t.Rows = append(t.Rows, []Cell{T(e.region), T(e.fips), T(e.county), T(r.Organization), T(r.Sector),
			T(serviceLabels(r.Services, cats)), T(strings.Join(r.Populations.Keys(), "; ")), T(r.HTSpecific.String()),
			T(r.Trained.String()), T(yesNo(r.Telehealth)), capacity, T(r.Partnership.String()), T(r.Phone), T(r.Website)})
	}
	t.Notes = []string{"One row per resource and county it is listed in; statewide and telehealth-only services are listed under Statewide.",
		"Contact fields are the organisations' own phone and website. A contact person's name, an e-mail address or a street address in the guide is never read or published."}
	return t
}

func serviceLabels(svc []int, cats []schema.Category) string {
	out := make([]string, 0, len(svc))
	for _, c := range svc {
		if c >= 0 && c < len(cats) {
			out = append(out, cats[c].Label)
		}
	}
	return strings.Join(out, "; ")
}

// RegionDirectory is the part of the directory for one region ("Statewide"
// for the statewide and telehealth services), with the columns a reader
// needs, for the report's section: web addresses without their scheme,
// and phone numbers that do not break across lines.
func RegionDirectory(dir *Table, region string) *Table {
	col := func(name string) int { return dir.Column(name) }
	reg, county, org, svc, pops := col("region"), col("county"), col("organization"), col("services"), col("populations")
	ht, trained, phone, web := col("ht_specific"), col("trained"), col("phone"), col("website")
	t := &Table{Name: "directory_" + region, Title: "Resource directory, " + region,
		Columns: []string{"county", "organization", "services", "populations", "HT-specific / trained", "phone", "website"}}
	for _, row := range dir.Rows {
		if row[reg].Text != region {
			continue
		}
		t.Rows = append(t.Rows, []Cell{row[county], row[org], row[svc], T(strings.ReplaceAll(row[pops].Text, ";", ",")),
			T(orDash(row[ht].Text) + " / " + orDash(row[trained].Text)), T(unbreakable(row[phone].Text)), T(bareURL(row[web].Text))})
	}
	return t
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// unbreakable swaps spaces and hyphens for their non-breaking forms.
func unbreakable(s string) string {
	return strings.NewReplacer(" ", "\u00a0", "-", "\u2011").Replace(s)
}

func bareURL(s string) string {
	for _, p := range []string{"https://", "http://"} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimSuffix(s, "/")
}
