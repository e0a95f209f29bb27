package normalize

import (
	"fmt"
	"strconv"
	"strings"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// regions resolves the row's region: the region column when given (it wins
// over counties), otherwise the regions of the counties served.
func (rr *rowReader) regions(row *source.Row) ([]string, bool) {
	if name, col, ok := rr.field(row, fRegion); ok && name != "" {
		hit, cached := rr.spelled[name]
		if !cached {
			region, known := rr.s.Vocab.Region(name)
			hit = regionHit{regions: []string{region}, known: known}
			if len(rr.spelled) < maxRegionSpellings {
				rr.spelled[strings.Clone(name)] = hit // the row's text may be reused
			}
		}
		if !hit.known {
			rr.problem(row.Num, col, "unknown region; row not used", clip(name))
			return nil, false
		}
		return hit.regions, true
	}
	counties, col, ok := rr.counties(row)
	if !ok {
		return nil, false
	}
	if len(counties) == 0 {
		rr.problem(row.Num, 0, "no region and no county given; row not used", "")
		return nil, false
	}
	out := rr.regBuf[:0]
	defer func() { rr.regBuf = out[:0] }()
	for _, c := range counties {
		if c.Region == "" {
			rr.problem(row.Num, col, fmt.Sprintf("county %s (%s, %s) is in no region of the region table; row not used", c.FIPS, c.Name, c.State), "")
			return nil, false
		}
		if !contains(out, c.Region) {
			out = append(out, c.Region)
		}
	}
	return out, true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// counties reads the county_fips (or county name) cell: one or more
// counties separated by ';' or ','.
func (rr *rowReader) counties(row *source.Row) ([]schema.County, int, bool) {
	raw, col, ok := rr.field(row, fCountyFIPS)
	byName := false
	if !ok || raw == "" {
		if raw, col, ok = rr.field(row, fCounty); !ok {
			return nil, 0, true
		}
		byName = true
	}
	var out []schema.County
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == ';' || r == ',' || r == '|' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		c, err := rr.county(part, byName)
		if err != nil {
			rr.problem(row.Num, col, err.Error()+"; row not used", clip(part))
			return nil, col, false
		}
		out = append(out, c)
	}
	return out, col, true
}

func (rr *rowReader) county(s string, byName bool) (schema.County, error) {
	if !byName {
		if n, ok := wholeNumber(s); ok && n > 0 {
			s = strconv.Itoa(n)
		}
		if c, ok := rr.s.Geo.County(reference.NormalizeFIPS(s)); ok {
			return c, nil
		}
		return schema.County{}, fmt.Errorf("unknown county FIPS code")
	}
	matches := rr.s.Geo.CountiesNamed(s)
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return schema.County{}, fmt.Errorf("unknown county name")
	}
	return schema.County{}, fmt.Errorf("county name matches %d counties; give county_fips instead", len(matches))
}

// survivors reads the survivor counts. A bad count is ignored (Missing);
// type counts that add up to more than survivors served make the whole
// snapshot of that row unusable, since it cannot be split consistently.
func (rr *rowReader) survivors(row *source.Row) int {
	s := schema.NoSurvivors
	bad := 0
	ptrs := [...]*int{&s.Served, &s.Sex, &s.Labor, &s.Both, &s.IPV, &s.Familial, &s.Pimp, &s.Survival, &s.OtherSex,
		&s.Minor, &s.Adult, &s.LGBTQ, &s.ForeignBorn}
	for i, dst := range ptrs {
		v, col, ok := rr.field(row, fServed+i)
		if !ok || v == "" {
			continue
		}
		n, isNum := wholeNumber(v)
		if !isNum || n < 0 {
			rr.problem(row.Num, col, "count is not a whole number of 0 or more; cell ignored", clip(v))
			bad++
			continue
		}
		*dst = n
	}
	if s.Served != schema.Missing {
		if sum := known(s.Sex) + known(s.Labor) + known(s.Both); sum > s.Served {
			_, col, _ := rr.field(row, fServed)
			rr.problem(row.Num, col, fmt.Sprintf("sex, labor and both add up to %d, more than the %d survivors served; survivor counts of this row ignored", sum, s.Served), "")
			bad++
			s = schema.NoSurvivors
		}
	}
	rr.resp.Survivors = s
	return bad
}

func known(n int) int {
	if n == schema.Missing {
		return 0
	}
	return n
}
