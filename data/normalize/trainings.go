package normalize

import (
	"fmt"
	"strings"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// trainingFields are the trainings log's canonical columns (SPEC), plus
// county for a county name.
var trainingFields = []string{"date", "county_fips", "county", "region", "type", "audience", "attendance", "organizations"}

// TrainingFields lists the canonical trainings-log columns in template
// order.
func TrainingFields() []string {
	return []string{"date", "county_fips", "region", "type", "audience", "attendance", "organizations"}
}

// TypeSpec lists the spellings of one event type.
type TypeSpec struct {
	// Type is training, presentation or event.
	Type   string   `mapstructure:"type"`
	Values []string `mapstructure:"values"`
}

// TrainingOptions say how the trainings and presentations log is read.
type TrainingOptions struct {
	Columns map[string][]string `mapstructure:"columns"`
	Types   []TypeSpec          `mapstructure:"types"`
}

// Validate checks the options.
func (o *TrainingOptions) Validate() error {
	if _, err := newFieldSet("trainings", trainingFields, o.Columns); err != nil {
		return err
	}
	_, err := newTypeVocab(o.Types)
	return err
}

type typeVocab map[string]schema.TrainingType

func newTypeVocab(specs []TypeSpec) (typeVocab, error) {
	v := typeVocab{}
	for i, name := range schema.TrainingTypes {
		v[Fold(name)] = schema.TrainingType(i)
	}
	for i, s := range specs {
		t := -1
		for j, name := range schema.TrainingTypes {
			if name == s.Type {
				t = j
			}
		}
		if t < 0 {
			return nil, fmt.Errorf("trainings.types[%d]: type %q: want %s", i, s.Type, strings.Join(schema.TrainingTypes, ", "))
		}
		for _, val := range s.Values {
			k := Fold(val)
			if prev, dup := v[k]; dup && prev != schema.TrainingType(t) {
				return nil, fmt.Errorf("trainings.types: %q means both %s and %s", val, schema.TrainingTypes[prev], s.Type)
			}
			v[k] = schema.TrainingType(t)
		}
	}
	return v, nil
}

// Trainings reads the trainings and presentations log.
type Trainings struct {
	Vocab   *Vocabulary
	Geo     *reference.Geography
	Options TrainingOptions
	Report  func(schema.Problem)
}

// Read maps the table and streams its rows to emit (the Training is
// reused). Errors are as for Referrals.Read.
func (r *Trainings) Read(t *source.Table, emit func(*schema.Training) error) (Stats, error) {
	st := Stats{File: t.File, Sheet: t.Sheet, Layout: t.Layout, Encoding: t.Encoding}
	fs, err := newFieldSet("trainings", trainingFields, r.Options.Columns)
	if err != nil {
		return st, err
	}
	m, err := mapTable(t, fs, 3, []string{"date", "type", "region|county_fips|county"}, r.Report)
	if err != nil {
		return st, err
	}
	types, err := newTypeVocab(r.Options.Types)
	if err != nil {
		return st, err
	}
	var rec schema.Training
	rec.Source = schema.Position{File: t.File, Sheet: t.Sheet}
	geo := func(s string, byName bool) (schema.County, error) { return lookupCounty(r.Geo, s, byName) }
	err = streamRows(t, r.Report, &st, func(row source.Row) (bool, int, error) {
		if !m.widthOK(row) {
			return false, 0, nil
		}
		rec.Source.Row = row.Num
		ok, bad := r.parse(m, row, &rec, types, geo)
		if !ok {
			return false, 0, nil
		}
		return true, bad, emit(&rec)
	})
	return st, err
}

func (r *Trainings) parse(m *mapped, row source.Row, rec *schema.Training, types typeVocab, geo countyLookup) (bool, int) {
	s, col, _ := m.field(row, "date")
	d, err := ParseDate(s, m.t.Date1904)
	switch {
	case err != nil:
		m.problem(row.Num, col, "date: "+err.Error()+"; row not used", clipDate(s))
		return false, 0
	case d == schema.NoDate:
		m.problem(row.Num, col, "date is empty; row not used", "")
		return false, 0
	case !plausible(d):
		m.problem(row.Num, col, "date "+d.String()+" is outside 1990–2099; row not used", clipDate(s))
		return false, 0
	}
	rec.Date = d
	ts, tcol, _ := m.field(row, "type")
	typ, known := types[Fold(ts)]
	if !known {
		m.problem(row.Num, tcol, "unknown event type (training, presentation or event; add spellings to trainings.types); row not used", clip(ts))
		return false, 0
	}
	rec.Type = typ
	region, fips, ok := m.regionOf(row, r.Vocab, geo, true)
	if !ok {
		return false, 0
	}
	rec.Region, rec.CountyFIPS = region, fips
	rec.Audience = m.text(row, "audience")
	rec.Organizations = organizations(m.text(row, "organizations"), rec.Organizations[:0])
	bad := 0
	rec.Attendance = schema.Missing
	if a, acol, _ := m.field(row, "attendance"); a != "" {
		if n, isNum := wholeNumber(a); isNum && n >= 0 {
			rec.Attendance = n
		} else {
			m.problem(row.Num, acol, "attendance is not a whole number of 0 or more; cell ignored", clip(a))
			bad++
		}
	}
	return true, bad
}

// organizations splits a list of organisations on ";" or new lines (names
// may contain commas: "Outreach, Inc.").
func organizations(s string, out []string) []string {
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '|' }) {
		if p := strings.Join(strings.Fields(part), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
