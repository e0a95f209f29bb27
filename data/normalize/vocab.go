// Package normalize turns raw input tables into typed schema records. It
// maps headers to fields through the configured aliases, reads values
// through the configured vocabularies (scale labels, region spellings,
// status spellings), resolves counties to regions, and reports every row or
// cell it cannot use as a positioned schema.Problem.
package normalize

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"needsmap/data/schema"
)

// CategorySpec is one service category in config: its canonical key, the
// label reports use, and other spellings accepted in headers, question
// text and referral services.
type CategorySpec struct {
	Key     string   `mapstructure:"key"`
	Label   string   `mapstructure:"label"`
	Aliases []string `mapstructure:"aliases"`
}

// CombinedSpec is a configured group of categories.
type CombinedSpec struct {
	Key     string   `mapstructure:"key"`
	Label   string   `mapstructure:"label"`
	Members []string `mapstructure:"members"`
	// Rule is "max" (default) or "mean" of the members' ratings.
	Rule string `mapstructure:"rule"`
}

// RegionSpec names a region and the other spellings accepted for it.
type RegionSpec struct {
	Name    string   `mapstructure:"name"`
	Aliases []string `mapstructure:"aliases"`
}

// LevelSpec is one point of the need scale.
type LevelSpec struct {
	Value int    `mapstructure:"value"`
	Label string `mapstructure:"label"`
	// Aliases are other labels accepted for this level.
	Aliases []string `mapstructure:"aliases"`
}

// ScaleSpec is the rating scale: its levels, the answers that mean
// "missing", and how numeric answers are coded.
type ScaleSpec struct {
	Levels  []LevelSpec `mapstructure:"levels"`
	Missing []string    `mapstructure:"missing"`
	// NumericBase is the number the lowest level is coded as in numeric
	// exports: 0 (default) or 1 when a survey tool recodes 1..5.
	NumericBase int `mapstructure:"numeric_base"`
}

// Vocabulary is the compiled form of the categories, groups, scale and
// regions: fast, case- and punctuation-insensitive lookups.
type Vocabulary struct {
	Categories []schema.Category
	Combined   []schema.Combined
	Levels     []schema.Level
	Regions    []string

	category map[string]int
	region   map[string]string
	level    map[string]int8
	missing  map[string]bool
	base     int
}

// NewVocabulary checks the specs and compiles them.
func NewVocabulary(cats []CategorySpec, groups []CombinedSpec, scale ScaleSpec, regions []RegionSpec) (*Vocabulary, error) {
	v := &Vocabulary{category: map[string]int{}, region: map[string]string{},
		level: map[string]int8{}, missing: map[string]bool{}, base: scale.NumericBase}
	if err := v.addCategories(cats); err != nil {
		return nil, err
	}
	if err := v.addGroups(groups); err != nil {
		return nil, err
	}
	if err := v.addScale(scale); err != nil {
		return nil, err
	}
	if err := v.addRegions(regions); err != nil {
		return nil, err
	}
	return v, nil
}

func (v *Vocabulary) addCategories(cats []CategorySpec) error {
	if len(cats) == 0 {
		return fmt.Errorf("categories: none configured")
	}
	for i, c := range cats {
		if c.Key == "" || c.Label == "" {
			return fmt.Errorf("categories[%d]: key and label are required", i)
		}
		v.Categories = append(v.Categories, schema.Category{Key: c.Key, Label: c.Label})
		for _, name := range append([]string{c.Key, c.Label}, c.Aliases...) {
			k := Fold(name)
			if prev, dup := v.category[k]; dup && prev != i {
				return fmt.Errorf("categories: %q names both %s and %s", name, cats[prev].Key, c.Key)
			}
			v.category[k] = i
		}
	}
	return nil
}

func (v *Vocabulary) addGroups(groups []CombinedSpec) error {
	for _, g := range groups {
		if g.Key == "" || g.Label == "" || len(g.Members) < 2 {
			return fmt.Errorf("combined %q: key, label and at least two members are required", g.Key)
		}
		rule := g.Rule
		if rule == "" {
			rule = "max"
		}
		if rule != "max" && rule != "mean" {
			return fmt.Errorf("combined %s: rule %q: want max or mean", g.Key, g.Rule)
		}
		for _, m := range g.Members {
			if _, ok := v.CategoryIndex(m); !ok {
				return fmt.Errorf("combined %s: member %q is not a category", g.Key, m)
			}
		}
		v.Combined = append(v.Combined, schema.Combined{Key: g.Key, Label: g.Label, Members: g.Members, Rule: rule})
	}
	return nil
}

func (v *Vocabulary) addScale(scale ScaleSpec) error {
	if len(scale.Levels) < 2 {
		return fmt.Errorf("scale: at least two levels are required")
	}
	if scale.NumericBase != 0 && scale.NumericBase != 1 {
		return fmt.Errorf("scale.numeric_base %d: want 0 or 1", scale.NumericBase)
	}
	for i, l := range scale.Levels {
		if l.Value != i {
			return fmt.Errorf("scale.levels[%d]: value %d, want %d (levels are 0, 1, 2, … in order)", i, l.Value, i)
		}
		v.Levels = append(v.Levels, schema.Level{Value: l.Value, Label: l.Label})
		for _, name := range append([]string{l.Label}, l.Aliases...) {
			v.level[Fold(name)] = int8(l.Value)
		}
	}
	for _, m := range scale.Missing {
		v.missing[Fold(m)] = true
		v.missing[strings.ToLower(strings.TrimSpace(m))] = true
	}
	v.missing[""] = true
	return nil
}

func (v *Vocabulary) addRegions(regions []RegionSpec) error {
	for _, r := range regions {
		if r.Name == "" {
			return fmt.Errorf("regions: a region has no name")
		}
		v.Regions = append(v.Regions, r.Name)
		for _, name := range append([]string{r.Name}, r.Aliases...) {
			k := Fold(name)
			if prev, dup := v.region[k]; dup && prev != r.Name {
				return fmt.Errorf("regions: %q names both %s and %s", name, prev, r.Name)
			}
			v.region[k] = r.Name
		}
	}
	return nil
}

// CategoryIndex finds a category by key, label or alias.
func (v *Vocabulary) CategoryIndex(s string) (int, bool) {
	i, ok := v.category[Fold(s)]
	return i, ok
}

// Region finds a region by name or alias.
func (v *Vocabulary) Region(s string) (string, bool) {
	r, ok := v.region[Fold(s)]
	return r, ok
}

// errOutOfScale and errUnknownAnswer are the two ways a rating cell fails.
var (
	errOutOfScale    = fmt.Errorf("value outside the scale")
	errUnknownAnswer = fmt.Errorf("answer is not a label of the scale")
	errNotWhole      = fmt.Errorf("value is not a whole point of the scale")
)

// Rating reads one rating cell: a number on the scale (allowing "3.0"), a
// level label, or a missing answer. It returns schema.Missing for missing.
func (v *Vocabulary) Rating(cell string) (int8, error) {
	top := len(v.Levels) - 1
	if len(cell) == 1 && cell[0] >= '0' && cell[0] <= '9' {
		return v.scalePoint(int(cell[0]-'0'), top)
	}
	s := strings.TrimSpace(cell)
	if s == "" || v.missing[strings.ToLower(s)] {
		return schema.Missing, nil
	}
	if n, ok := wholeNumber(s); ok {
		return v.scalePoint(n, top)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return schema.Missing, errNotWhole
	}
	k := Fold(s)
	if v.missing[k] {
		return schema.Missing, nil
	}
	if l, ok := v.level[k]; ok {
		return l, nil
	}
	return schema.Missing, errUnknownAnswer
}

func (v *Vocabulary) scalePoint(n, top int) (int8, error) {
	n -= v.base
	if n < 0 || n > top {
		return schema.Missing, errOutOfScale
	}
	return int8(n), nil
}

// wholeNumber parses "3", "3.0", "-1" or "12.00" as an integer.
func wholeNumber(s string) (int, bool) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if strings.Trim(s[i+1:], "0") != "" {
			return 0, false
		}
		s = s[:i]
	}
	if s == "" || s == "-" {
		return 0, false
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e8 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// Fold normalises a header, label or answer for matching: lower case,
// curly quotes and dashes made plain, runs of space, underscore and hyphen
// collapsed to one space, and trimmed.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '`', '\u00b4':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\ufeff':
			continue
		}
		if r == '_' || r == '-' || r == '\u2013' || r == '\u2014' || unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
