package normalize

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// resRow parses the rows of one table into resources.
type resRow struct {
	r      *Resources
	t      *source.Table
	m      resColumnMap
	place  place
	strict bool // CSV rows must match the header width
	bad    int  // cells ignored in the current row
}

func (rr *resRow) problem(row, col int, reason, value string) {
	p := schema.Problem{File: rr.t.File, Sheet: rr.t.Sheet, Row: row, Column: col, Reason: reason, Value: value}
	if col > 0 && col <= len(rr.t.Header) {
		p.Field = rr.t.Header[col-1]
	}
	rr.r.Report(p)
}

// field returns a field's trimmed cell and 1-based column.
func (rr *resRow) field(row source.Row, f string) (string, int, bool) {
	j, ok := rr.m.fields[f]
	if !ok {
		return "", 0, false
	}
	return strings.TrimSpace(row.Cell(j)), j + 1, true
}

// parse reads one row. It returns false when the row is not used (a
// problem says why) and the number of cells ignored otherwise.
func (rr *resRow) parse(row source.Row) (schema.Resource, int, bool) {
	rr.bad = 0
	if rr.strict && len(row.Cells) != len(rr.t.Header) &&
		!(len(row.Cells) > len(rr.t.Header) && blankFrom(&row, len(rr.t.Header))) {
		rr.problem(row.Num, 0, fmt.Sprintf("ragged row: %d cells, the header has %d; row not used", len(row.Cells), len(rr.t.Header)), "")
		return schema.Resource{}, 0, false
	}
	res := schema.Resource{Source: schema.Position{File: rr.t.File, Sheet: rr.t.Sheet, Row: row.Num}}
	org, col, _ := rr.field(row, ResOrganization)
	if org == "" {
		rr.problem(row.Num, col, "no organisation named; row not used (a need with no provider is a gap, not a resource)", "")
		return res, 0, false
	}
	res.Organization = strings.Join(strings.Fields(org), " ")
	res.Sector, _, _ = rr.field(row, ResSector)
	if res.Sector == "" {
		res.Sector = rr.place.sector
	}
	res.Telehealth = rr.tri(row, ResTelehealth) == schema.Yes
	if !rr.locate(row, &res) || !rr.services(row, &res) {
		return res, 0, false
	}
	rr.populations(row, &res)
	res.HTSpecific = rr.tri(row, ResHTSpecific)
	res.Trained = rr.tri(row, ResTrained)
	rr.partnership(row, &res)
	rr.capacity(row, &res)
	rr.contacts(row, &res)
	if first, dup := rr.r.seen[resourceKey(&res)]; dup {
		rr.problem(row.Num, 0, fmt.Sprintf("duplicate of %s; row not used", positionText(first, rr.t)), "")
		return res, 0, false
	}
	rr.r.seen[resourceKey(&res)] = res.Source
	return res, rr.bad, true
}

func positionText(p schema.Position, t *source.Table) string {
	if p.Sheet != "" && p.Sheet != t.Sheet {
		return fmt.Sprintf("sheet %q row %d", p.Sheet, p.Row)
	}
	return "row " + strconv.Itoa(p.Row)
}

// resourceKey identifies a row's content, to find duplicate rows.
func resourceKey(r *schema.Resource) string {
	return fmt.Sprint(Fold(r.Organization), r.Counties, r.Statewide, r.Telehealth, r.Services, r.Populations, r.Capacity)
}

// tri reads a yes/no field; a cell that is neither is reported and
// treated as unknown.
func (rr *resRow) tri(row source.Row, f string) schema.Tri {
	s, col, ok := rr.field(row, f)
	if !ok {
		return schema.Unknown
	}
	t, ok := yesNo(s)
	if !ok {
		rr.problem(row.Num, col, "not yes or no; read as not stated", clipMark(s))
		rr.bad++
	}
	return t
}

// locate reads the county cells; without them the sheet's county or the
// default county applies. Unknown counties are reported one by one; a row
// left with no place is not used, unless it is telehealth-only.
func (rr *resRow) locate(row source.Row, res *schema.Resource) bool {
	var cells []string
	var cols []int
	for _, f := range []string{ResCountyFIPS, ResCounty} {
		if s, col, ok := rr.field(row, f); ok && s != "" {
			cells, cols = append(cells, s), append(cols, col)
		}
	}
	known := false
	for i, s := range cells {
		for _, part := range listParts(s) {
			locs, unknown := resolveCommas(part, func(p string) (loc, bool) {
				l, err := rr.r.locationPart(p)
				return l, err == nil
			})
			for _, u := range unknown {
				_, err := rr.r.locationPart(u)
				rr.problem(row.Num, cols[i], fmt.Sprintf("%v; this county ignored", err), clip(u))
				rr.bad++
			}
			for _, l := range locs {
				known = true
				res.Counties = append(res.Counties, l.counties...)
				res.Statewide = res.Statewide || l.statewide
				res.Telehealth = res.Telehealth || l.telehealth
			}
		}
	}
	if len(cells) == 0 {
		res.Counties, res.Statewide = append(res.Counties, rr.place.counties...), rr.place.statewide
		known = len(res.Counties) > 0 || res.Statewide
	}
	slices.Sort(res.Counties)
	res.Counties = slices.Compact(res.Counties)
	if res.Statewide {
		res.Counties = nil // statewide wins: it is counted as remote
	}
	if known || res.Telehealth && len(cells) == 0 {
		return true
	}
	col := 0
	if len(cols) > 0 {
		col = cols[0]
	}
	rr.problem(row.Num, col, "no usable county (give county_fips, a county name or Statewide; "+
		"name the sheet after the county; or set resources.default_county); row not used", "")
	return false
}

// services reads the services list and the one-column-per-category
// flags. Unknown services are reported; a row with no known service is
// not used.
func (rr *resRow) services(row source.Row, res *schema.Resource) bool {
	s, col, _ := rr.field(row, ResServices)
	for _, part := range listParts(s) {
		found, unknown := resolveCommas(part, func(p string) ([]int, bool) { return rr.r.rv.service(rr.r.Vocab, p) })
		for _, cats := range found {
			res.Services = append(res.Services, cats...)
		}
		for _, u := range unknown {
			rr.problem(row.Num, col, "unknown service; ignored", clip(u))
			rr.bad++
		}
	}
	for j, c := range rr.m.cols {
		if c.field != "" || len(c.services) == 0 {
			continue
		}
		v := row.Cell(j)
		t, ok := yesNo(v)
		if !ok {
			rr.problem(row.Num, j+1, "service mark is not X, yes or no; ignored", clipMark(v))
			rr.bad++
		}
		if t == schema.Yes {
			res.Services = append(res.Services, c.services...)
		}
	}
	slices.Sort(res.Services)
	res.Services = slices.Compact(res.Services)
	if len(res.Services) == 0 {
		rr.problem(row.Num, col, "no known service; row not used", "")
		return false
	}
	return true
}

// populations reads the populations list and the serves_* flags.
func (rr *resRow) populations(row source.Row, res *schema.Resource) {
	s, col, _ := rr.field(row, ResPopulations)
	for _, part := range listParts(s) {
		found, unknown := resolveCommas(part, func(p string) (schema.Population, bool) {
			pop, ok := rr.r.rv.populations[Fold(p)]
			return pop, ok
		})
		for _, p := range found {
			res.Populations |= schema.PopulationSet(p)
		}
		for _, u := range unknown {
			if all := Fold(u); all == "all" || all == "everyone" || all == "any" {
				res.Populations = 1<<len(schema.PopulationKeys) - 1
				continue
			}
			rr.problem(row.Num, col, "unknown population; ignored", clip(u))
			rr.bad++
		}
	}
	for i, k := range schema.PopulationKeys {
		if rr.tri(row, servesPrefix+k) == schema.Yes {
			res.Populations |= 1 << i
		}
	}
}

func (rr *resRow) partnership(row source.Row, res *schema.Resource) {
	s, col, ok := rr.field(row, ResPartnership)
	if !ok {
		return
	}
	t, ok := partnership(s)
	if !ok {
		// The cell may hold a person's name: never echo it.
		rr.problem(row.Num, col, "partnership does not start with yes or no; read as not stated", "")
		rr.bad++
	}
	res.Partnership = t
}

func (rr *resRow) capacity(row source.Row, res *schema.Resource) {
	s, col, _ := rr.field(row, ResCapacity)
	c, ok := capacity(s)
	if !ok {
		rr.problem(row.Num, col, "capacity is not a number of 0 or more; read as not given", clip(s))
		rr.bad++
	}
	res.Capacity = c
}

// contacts keeps the organisation's phone and website only when they look
// like one; anything else (a person's name, an e-mail address) is dropped
// unseen.
func (rr *resRow) contacts(row source.Row, res *schema.Resource) {
	if s, col, _ := rr.field(row, ResPhone); s != "" {
		if phoneOK(s) {
			res.Phone = s
		} else {
			rr.problem(row.Num, col, "not a phone number; not published", "")
			rr.bad++
		}
	}
	if s, col, _ := rr.field(row, ResWebsite); s != "" {
		if websiteOK(s) {
			res.Website = s
		} else {
			rr.problem(row.Num, col, "not a web address; not published", "")
			rr.bad++
		}
	}
}

// clipMark reports a yes/no cell that is neither: a short code is shown,
// anything longer withheld, since such cells are where a guide writes
// "Yes - ask for Jane".
func clipMark(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 12 || strings.ContainsAny(s, " \t") {
		return "(text withheld)"
	}
	return clip(s)
}
