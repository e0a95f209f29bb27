package normalize

import (
	"fmt"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// resColumn is what one column of a resource guide holds: a field, or a
// flag (X/Yes/✓) for one or more service categories.
type resColumn struct {
	field    string
	services []int
}

// resColumnMap is the meaning of each column of one table.
type resColumnMap struct {
	cols   []resColumn
	fields map[string]int // field → column index
	flags  int            // service flag columns
}

// mapResourceColumns decides what each column of t holds. Columns that map
// to nothing — a contact person, an e-mail, a street address, notes — are
// never read.
func mapResourceColumns(t *source.Table, v *Vocabulary, rv *resourceVocab, report func(schema.Problem)) resColumnMap {
	m := resColumnMap{cols: make([]resColumn, len(t.Header)), fields: map[string]int{}}
	seen := map[string]int{}
	for j, h := range t.Header {
		c, ok := classifyResource(h, v, rv)
		if !ok {
			continue
		}
		key := c.field
		if key == "" {
			key = fmt.Sprint("services ", c.services)
		}
		if first, dup := seen[key]; dup {
			if report != nil {
				report(schema.Problem{File: t.File, Sheet: t.Sheet, Row: t.HeaderRow, Column: j + 1, Field: h,
					Reason: fmt.Sprintf("column means the same as column %s; only the first is used", schema.ColumnLetter(first+1))})
			}
			continue
		}
		seen[key] = j
		m.cols[j] = c
		if c.field != "" {
			m.fields[c.field] = j
		} else {
			m.flags++
		}
	}
	return m
}

// classifyResource maps a header: a field name or alias first, then a
// service spelling (a one-column-per-category guide).
func classifyResource(header string, v *Vocabulary, rv *resourceVocab) (resColumn, bool) {
	h := Fold(header)
	if h == "" {
		return resColumn{}, false
	}
	if f, ok := rv.fields[h]; ok {
		return resColumn{field: f}, true
	}
	if cats, ok := rv.service(v, header); ok {
		return resColumn{services: cats}, true
	}
	return resColumn{}, false
}

// usable says why a table cannot be a resource guide, or "" when it can.
func (m resColumnMap) usable() string {
	var missing []string
	if _, ok := m.fields[ResOrganization]; !ok {
		missing = append(missing, "no organization column")
	}
	if _, ok := m.fields[ResServices]; !ok && m.flags == 0 {
		missing = append(missing, "no services column and no column named after a service category")
	}
	return strings.Join(missing, "; ")
}

// HeaderLooksLikeResources is a source.Options.HeaderMatch for resource
// guides: a row naming an organisation column and the services.
func HeaderLooksLikeResources(v *Vocabulary, o ResourceOptions) func([]string) bool {
	rv := compileResourceOptions(o, v)
	return func(cells []string) bool {
		m := mapResourceColumns(&source.Table{Header: cells}, v, rv, nil)
		return m.usable() == ""
	}
}
