package normalize

import (
	"fmt"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// mapped is a table whose header has been mapped to fields: what the
// trainings and logic-model readers share.
type mapped struct {
	t      *source.Table
	header []string
	cols   map[string]int
	report func(schema.Problem)
}

// mapTable finds the header (a row naming at least want fields), maps it
// and checks the required fields; required entries like "region|county_fips"
// accept any of their alternatives.
func mapTable(t *source.Table, fs fieldSet, want int, required []string, report func(schema.Problem)) (*mapped, error) {
	header, hrow, ok, err := fs.findHeader(t, want)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s: %w: none of its first rows names %d %s columns (%s)", where(t), ErrNotInput, want, fs.input,
			strings.Join(fs.fields, ", "))
	}
	m := &mapped{t: t, header: header, cols: fs.mapHeader(t, header, hrow, report), report: report}
	var missing []string
	for _, r := range required {
		found := false
		for _, alt := range strings.Split(r, "|") {
			if _, ok := m.cols[alt]; ok {
				found = true
			}
		}
		if !found {
			missing = append(missing, strings.ReplaceAll(r, "|", " or "))
		}
	}
	if len(missing) > 0 {
		return nil, &schema.FatalError{File: where(t), Reason: "sheet not used: no column for " + strings.Join(missing, ", ")}
	}
	return m, nil
}

func (m *mapped) problem(row, col int, reason, value string) {
	p := schema.Problem{File: m.t.File, Sheet: m.t.Sheet, Row: row, Column: col, Reason: reason, Value: value}
	if col > 0 && col <= len(m.header) {
		p.Field = m.header[col-1]
	}
	m.report(p)
}

// field returns the trimmed cell of a field and its 1-based column.
func (m *mapped) field(row source.Row, f string) (string, int, bool) {
	j, ok := m.cols[f]
	if !ok {
		return "", 0, false
	}
	return strings.TrimSpace(row.Cell(j)), j + 1, true
}

// widthOK rejects a CSV row whose cell count differs from the header's,
// unless the extra cells are empty.
func (m *mapped) widthOK(row source.Row) bool {
	want := len(m.header)
	if n := row.Len(); m.t.Sheet != "" || n == want || n > want && blankFrom(&row, want) {
		return true
	}
	m.problem(row.Num, 0, fmt.Sprintf("ragged row: %d cells, the header has %d; row not used", row.Len(), want), "")
	return false
}

// text returns a free-text field with runs of white space collapsed.
func (m *mapped) text(row source.Row, f string) string {
	s, _, _ := m.field(row, f)
	return strings.Join(strings.Fields(s), " ")
}

// regionOf resolves a region column ("Statewide" and "State" allowed when
// statewide is true) or, failing that, a county column. ok is false when
// the row cannot be placed; the problem is reported.
func (m *mapped) regionOf(row source.Row, v *Vocabulary, geo countyLookup, statewide bool) (region, fips string, ok bool) {
	var county schema.County
	raw, ccol, has := m.field(row, "county_fips")
	byName := false
	if !has || raw == "" {
		raw, ccol, has = m.field(row, "county")
		byName = true
	}
	var cerr error
	if has && raw != "" {
		county, cerr = geo(raw, byName)
	}
	if name, col, has := m.field(row, "region"); has && name != "" {
		switch r, known := v.Region(name); {
		case known:
			region = r
		case statewide && isStatewide(name):
			region = schema.StatewideRegion
		default:
			m.problem(row.Num, col, "unknown region; row not used", clip(name))
			return "", "", false
		}
	}
	if cerr != nil {
		if region == "" {
			m.problem(row.Num, ccol, cerr.Error()+"; row not used", clip(raw))
			return "", "", false
		}
		m.problem(row.Num, ccol, cerr.Error()+"; cell ignored", clip(raw))
	}
	if region == "" {
		if county.Region == "" {
			m.problem(row.Num, ccol, "no region and no county of a region given; row not used", "")
			return "", "", false
		}
		region = county.Region
	}
	return region, county.FIPS, true
}

type countyLookup func(s string, byName bool) (schema.County, error)

func isStatewide(s string) bool {
	switch Fold(s) {
	case "statewide", "state", "state wide", "all regions", "state level":
		return true
	}
	return false
}
