package normalize

import (
	"fmt"
	"sort"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// Survey fields read from columns, besides ratings and ranks.
const (
	FieldRespondentID = "respondent_id"
	FieldRegion       = "region"
	FieldCountyFIPS   = "county_fips"
	FieldCounty       = "county"
	FieldSector       = "sector"
	FieldServed       = "survivors_served"
)

// countFields are the survivor counts, in schema.Survivors order.
var countFields = []string{"n_sex", "n_labor", "n_both", "n_ipv", "n_familial", "n_pimp",
	"n_survival", "n_other_sex", "n_minor", "n_adult", "n_lgbtq", "n_foreign_born"}

// surveyFields lists every field a survey column can map to.
func surveyFields() []string {
	return append([]string{FieldRespondentID, FieldRegion, FieldCountyFIPS, FieldCounty, FieldSector, FieldServed}, countFields...)
}

// QuestionSpec maps a survey-tool column to a category or field. Match is
// compared (case- and punctuation-insensitively) with the column id, the
// Qualtrics ImportId and the question text. With neither Category nor
// Field, Match names a matrix question whose rows are categories by label
// ("<Match> - Transportation"), read as ratings or, with kind rank, ranks.
type QuestionSpec struct {
	Match    string `mapstructure:"match"`
	Category string `mapstructure:"category"`
	// Kind is "rating" (default) or "rank" for a rank-order item.
	Kind  string `mapstructure:"kind"`
	Field string `mapstructure:"field"`
}

// SurveyOptions say how survey columns map to fields.
type SurveyOptions struct {
	// Sheet picks a workbook sheet; empty takes the first that maps.
	Sheet string `mapstructure:"sheet"`
	// Columns lists, per canonical field, other header spellings.
	Columns map[string][]string `mapstructure:"columns"`
	// NeedPrefix and RankPrefix mark rating and rank-order columns by
	// category key: need_mental_health, rank_mental_health.
	NeedPrefix string         `mapstructure:"need_prefix"`
	RankPrefix string         `mapstructure:"rank_prefix"`
	Questions  []QuestionSpec `mapstructure:"questions"`
}

// Validate checks the options against the vocabulary and fills defaults.
func (o *SurveyOptions) Validate(v *Vocabulary) error {
	if o.NeedPrefix == "" {
		o.NeedPrefix = "need_"
	}
	if o.RankPrefix == "" {
		o.RankPrefix = "rank_"
	}
	known := map[string]bool{}
	for _, f := range surveyFields() {
		known[f] = true
	}
	for f := range o.Columns {
		if !known[f] {
			return fmt.Errorf("survey.columns: unknown field %q (known: %s)", f, strings.Join(surveyFields(), ", "))
		}
	}
	for i, q := range o.Questions {
		if q.Match == "" || (q.Category != "" && q.Field != "") {
			return fmt.Errorf("survey.questions[%d]: give match and at most one of category or field", i)
		}
		if q.Category != "" {
			if _, ok := v.CategoryIndex(q.Category); !ok {
				return fmt.Errorf("survey.questions[%d]: unknown category %q", i, q.Category)
			}
		}
		if q.Field != "" && !known[q.Field] {
			return fmt.Errorf("survey.questions[%d]: unknown field %q", i, q.Field)
		}
		if q.Kind != "" && q.Kind != "rating" && q.Kind != "rank" {
			return fmt.Errorf("survey.questions[%d]: kind %q: want rating or rank", i, q.Kind)
		}
	}
	return nil
}

// colKind says what a column holds.
type colKind int

const (
	colIgnored colKind = iota
	colField
	colRating
	colRank
)

type column struct {
	kind     colKind
	field    string
	category int
}

// columnMap is the meaning of each column of one table.
type columnMap struct {
	cols    []column
	fields  map[string]int // field → column index
	ratings int
	ranks   int
}

// mapColumns decides what each column of t holds and reports duplicates.
func mapColumns(t *source.Table, v *Vocabulary, o SurveyOptions, report func(schema.Problem)) columnMap {
	aliases := fieldAliases(o)
	m := columnMap{cols: make([]column, len(t.Header)), fields: map[string]int{}}
	seen := map[string]int{}
	for j := range t.Header {
		c := classify(t, j, v, o, aliases)
		if c.kind == colIgnored {
			continue
		}
		key := c.key(v)
		if first, dup := seen[key]; dup {
			report(schema.Problem{File: t.File, Sheet: t.Sheet, Row: t.HeaderRow, Column: j + 1, Field: t.Header[j],
				Reason: fmt.Sprintf("column maps to %s like column %s; only the first is used", key, schema.ColumnLetter(first+1))})
			continue
		}
		seen[key] = j
		m.cols[j] = c
		switch c.kind {
		case colField:
			m.fields[c.field] = j
		case colRating:
			m.ratings++
		case colRank:
			m.ranks++
		}
	}
	return m
}

func (c column) key(v *Vocabulary) string {
	switch c.kind {
	case colRating:
		return "the rating of " + v.Categories[c.category].Key
	case colRank:
		return "the rank of " + v.Categories[c.category].Key
	}
	return c.field
}

func fieldAliases(o SurveyOptions) map[string]string {
	out := map[string]string{}
	for _, f := range surveyFields() {
		out[Fold(f)] = f
	}
	fields := make([]string, 0, len(o.Columns))
	for f := range o.Columns {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		for _, a := range o.Columns[f] {
			out[Fold(a)] = f
		}
	}
	return out
}

// classify applies the mapping rules in order: explicit questions, field
// aliases, need_/rank_ prefixes, then (for survey-tool exports) the row
// label of a matrix question, then a header equal to a category label.
func classify(t *source.Table, j int, v *Vocabulary, o SurveyOptions, aliases map[string]string) column {
	header := Fold(t.Header[j])
	ids := []string{header}
	if t.ImportIDs != nil && j < len(t.ImportIDs) && t.ImportIDs[j] != "" {
		ids = append(ids, Fold(t.ImportIDs[j]), Fold(strings.SplitN(t.ImportIDs[j], "#", 2)[0]))
	}
	if t.Questions != nil && j < len(t.Questions) && t.Questions[j] != "" {
		ids = append(ids, Fold(t.Questions[j]))
	}
	for _, q := range o.Questions {
		if c, ok := matchQuestion(q, ids, t, j, v); ok {
			return c
		}
	}
	if f, ok := aliases[header]; ok {
		return column{kind: colField, field: f}
	}
	if rest, ok := strings.CutPrefix(header, Fold(o.NeedPrefix)+" "); ok {
		if c, ok := v.CategoryIndex(rest); ok {
			return column{kind: colRating, category: c}
		}
	}
	if rest, ok := strings.CutPrefix(header, Fold(o.RankPrefix)+" "); ok {
		if c, ok := v.CategoryIndex(rest); ok {
			return column{kind: colRank, category: c}
		}
	}
	if t.Questions != nil && j < len(t.Questions) {
		if i := strings.LastIndex(t.Questions[j], " - "); i >= 0 {
			if c, ok := v.CategoryIndex(t.Questions[j][i+3:]); ok {
				return column{kind: colRating, category: c}
			}
		}
	}
	if c, ok := v.CategoryIndex(t.Header[j]); ok {
		return column{kind: colRating, category: c}
	}
	return column{}
}

// matchQuestion applies one survey.questions entry to column j.
func matchQuestion(q QuestionSpec, ids []string, t *source.Table, j int, v *Vocabulary) (column, bool) {
	mq := Fold(q.Match)
	if q.Category == "" && q.Field == "" {
		if t.Questions == nil || j >= len(t.Questions) {
			return column{}, false
		}
		row, ok := strings.CutPrefix(Fold(t.Questions[j]), mq+" ")
		c, known := v.CategoryIndex(row)
		if !ok || !known {
			return column{}, false
		}
		if q.Kind == "rank" {
			return column{kind: colRank, category: c}, true
		}
		return column{kind: colRating, category: c}, true
	}
	for _, id := range ids {
		if id == mq {
			return questionColumn(q, v), true
		}
	}
	return column{}, false
}

func questionColumn(q QuestionSpec, v *Vocabulary) column {
	if q.Field != "" {
		return column{kind: colField, field: q.Field}
	}
	c, _ := v.CategoryIndex(q.Category)
	if q.Kind == "rank" {
		return column{kind: colRank, category: c}
	}
	return column{kind: colRating, category: c}
}

// usable says why a table cannot be a survey, or "" when it can.
func (m columnMap) usable() string {
	var missing []string
	if m.ratings == 0 {
		missing = append(missing, "no need-rating column (need_<category>, a category label, or a survey.questions mapping)")
	}
	_, r := m.fields[FieldRegion]
	_, c := m.fields[FieldCountyFIPS]
	_, n := m.fields[FieldCounty]
	if !r && !c && !n {
		missing = append(missing, "no region or county_fips column")
	}
	return strings.Join(missing, "; ")
}

// HeaderLooksLikeSurvey is a source.Options.HeaderMatch for surveys: a row
// that names a region or county and at least one need column.
func HeaderLooksLikeSurvey(v *Vocabulary, o SurveyOptions) func([]string) bool {
	return func(cells []string) bool {
		t := &source.Table{Header: cells}
		m := mapColumns(t, v, o, func(schema.Problem) {})
		return m.usable() == ""
	}
}
