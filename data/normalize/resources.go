package normalize

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// Resources reads resource guides in any of the accepted layouts: a long
// table (one row per organisation and site; services as a delimited list
// or one column per category marked X/Yes/✓), a workbook with one sheet
// per county (the sheet name is the county), and the resource-mapping
// workbook's external-resource tables (need, provider, partnership,
// trained, serves adult/minor/male/foreign born). One Resources reads
// every table of a guide, so duplicates are found across sheets.
type Resources struct {
	Vocab   *Vocabulary
	Geo     *reference.Geography
	Options ResourceOptions
	// Report receives every problem, in file order.
	Report func(schema.Problem)

	rv   *resourceVocab
	seen map[string]schema.Position
}

// ErrNoResourceColumns is wrapped by the error for a table that has no
// organisation or services columns.
var ErrNoResourceColumns = errors.New("not a resource guide")

// Read maps the table's columns and passes each usable resource to emit.
// It fails only when the table cannot be used at all.
func (r *Resources) Read(t *source.Table, emit func(schema.Resource)) (Stats, error) {
	if r.rv == nil {
		r.rv = compileResourceOptions(r.Options, r.Vocab)
		r.seen = map[string]schema.Position{}
	}
	st := Stats{File: t.File, Sheet: t.Sheet, Layout: t.Layout, Encoding: t.Encoding}
	m := mapResourceColumns(t, r.Vocab, r.rv, r.Report)
	if why := m.usable(); why != "" {
		return st, &schema.FatalError{File: where(t), Reason: why, Err: ErrNoResourceColumns}
	}
	rr := &resRow{r: r, t: t, m: m, strict: t.Sheet == ""}
	rr.place = r.tablePlace(t, m)
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var re *source.RowError
			if !errors.As(err, &re) {
				return st, fmt.Errorf("read %s: %w", where(t), err)
			}
			st.Read++
			st.Rejected++
			r.Report(unreadable(t, re))
			continue
		}
		st.Read++
		res, cells, ok := rr.parse(row)
		if !ok {
			st.Rejected++
			continue
		}
		st.Cells += cells
		st.Kept++
		emit(res)
	}
	return st, nil
}

// place is where a table's rows are when they name no county themselves:
// the county a sheet is named after, or the configured default county.
type place struct {
	counties  []string
	statewide bool
	sector    string // a sheet named after a sector (the mapping workbook)
}

// genericSheet matches sheet names that say nothing about a sector: a
// spreadsheet program's default name, or the name of the guide itself (the
// template's data sheet is "Resources").
var genericSheet = regexp.MustCompile(`^(?i)((sheet|tabelle|feuil|hoja|foglio|blad)\s*\d*|resources?|resource (guide|directory)|directory)$`)

// tablePlace resolves the sheet name (a county, "Statewide", or for a
// table with no sector column, a sector) and the default county.
func (r *Resources) tablePlace(t *source.Table, m resColumnMap) place {
	var p place
	if t.Sheet != "" {
		if loc, ok := r.location(t.Sheet); ok {
			p.counties, p.statewide = loc.counties, loc.statewide
			return p
		}
		if _, hasSector := m.fields[ResSector]; !hasSector && !genericSheet.MatchString(strings.TrimSpace(t.Sheet)) {
			p.sector = strings.TrimSpace(t.Sheet)
		}
	}
	if d := strings.TrimSpace(r.Options.DefaultCounty); d != "" {
		if loc, ok := r.location(d); ok {
			p.counties, p.statewide = loc.counties, loc.statewide
		}
	}
	return p
}

// loc is a resolved location cell part.
type loc struct {
	counties   []string
	statewide  bool
	telehealth bool
}

// location resolves a whole cell or sheet name as one place.
func (r *Resources) location(s string) (loc, bool) {
	l, err := r.locationPart(s)
	return l, err == nil
}

// locationPart resolves one part of a county cell: a FIPS code, a county
// name ("Madison, IL", "St. Louis city"), a Statewide word or a telehealth
// word.
func (r *Resources) locationPart(s string) (loc, error) {
	s = strings.TrimSpace(s)
	k := Fold(s)
	switch {
	case r.rv.statewide[k]:
		return loc{statewide: true}, nil
	case r.rv.telehealth[k]:
		return loc{telehealth: true}, nil
	}
	if c, ok := templateCounty(r.Geo, s); ok {
		return loc{counties: []string{c.FIPS}}, nil
	}
	if n, ok := wholeNumber(s); ok && n > 0 {
		if c, ok := r.Geo.County(reference.NormalizeFIPS(fmt.Sprint(n))); ok {
			return loc{counties: []string{c.FIPS}}, nil
		}
		return loc{}, fmt.Errorf("unknown county FIPS code")
	}
	c, err := countyByName(r.Geo, s)
	if err != nil {
		return loc{}, err
	}
	return loc{counties: []string{c.FIPS}}, nil
}

// templateCounty reads a county as the templates' drop-down offers it,
// "29019 Boone County, MO": a known FIPS code, a space, then that
// county's name.
func templateCounty(geo *reference.Geography, s string) (schema.County, bool) {
	code, rest, ok := strings.Cut(s, " ")
	if !ok || len(code) != 5 {
		return schema.County{}, false
	}
	if _, isNum := wholeNumber(code); !isNum {
		return schema.County{}, false
	}
	c, found := geo.County(code)
	if !found || !strings.HasPrefix(Fold(rest), Fold(c.Name)) {
		return schema.County{}, false
	}
	return c, true
}

// countyByName resolves a county name. "St. Louis" names both St. Louis
// city and St. Louis County; "… city" picks the independent city (county
// code 510 and up) and "… County" the county. A name shared across
// states ("Scott") means the one county of that name inside the regions,
// when there is exactly one.
func countyByName(geo *reference.Geography, s string) (schema.County, error) {
	name := strings.TrimSpace(s)
	lower := strings.ToLower(name)
	wantCity := false
	if i := strings.LastIndex(lower, " city"); i > 0 && (i+5 == len(lower) || lower[i+5] == ',') {
		wantCity, name = true, name[:i]+name[i+5:]
	}
	wantCounty := strings.HasSuffix(lower, " county") || strings.Contains(lower, " county,")
	matches := geo.CountiesNamed(name)
	if len(matches) > 1 && (wantCity || wantCounty) {
		var keep []schema.County
		for _, c := range matches {
			if isCity := len(c.FIPS) == 5 && c.FIPS[2:] >= "510"; isCity == wantCity {
				keep = append(keep, c)
			}
		}
		matches = keep
	}
	if len(matches) > 1 {
		matches = inRegions(matches)
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return schema.County{}, fmt.Errorf("unknown county")
	}
	return schema.County{}, fmt.Errorf("county name matches %d counties; add the state (\"Madison, IL\") or give the FIPS code", len(matches))
}

// inRegions keeps the counties that are in a region, when exactly one is;
// otherwise all of them, so the caller reports the ambiguity.
func inRegions(cs []schema.County) []schema.County {
	var in []schema.County
	for _, c := range cs {
		if c.Region != "" {
			in = append(in, c)
		}
	}
	if len(in) == 1 {
		return in
	}
	return cs
}
