// Package trainings summarises the trainings and presentations log by
// region and quarter: events by type, attendance and the distinct
// organisations taking part. Attendees are professionals, not survivors,
// so these counts are not subject to small-cell suppression.
package trainings

import (
	"needsmap/data/schema"
)

// AllQuarters is the Quarter of a scope's total row.
const AllQuarters = -1

// Row is one scope (Statewide or a region) in one quarter, or in the
// whole period (Quarter = AllQuarters).
type Row struct {
	Scope   string
	Quarter int
	Events  int
	ByType  [3]int // schema.TrainingType order
	// Attendance sums the events that recorded it; Reported counts them.
	Attendance, Reported int
	// Organizations counts distinct participating organisations.
	Organizations int
}

// Builder accumulates events.
type Builder struct {
	from, to schema.Date
	regions  []string
	region   map[string]int
	cells    map[[2]int]*cell // (scope index, quarter)
	lo, hi   int
	// Outside counts events dated outside the period.
	Outside int
	// First and Last are the first and last dates counted.
	First, Last schema.Date
}

type cell struct {
	row  Row
	orgs map[string]bool
}

// NewBuilder returns a builder for the regions (report order) and the
// period [from, to] (NoDate: open).
func NewBuilder(regions []string, from, to schema.Date) *Builder {
	b := &Builder{from: from, to: to, regions: regions, region: map[string]int{}, cells: map[[2]int]*cell{},
		lo: 1 << 30, hi: -1 << 30, First: schema.NoDate, Last: schema.NoDate}
	for i, r := range regions {
		b.region[r] = i + 1
	}
	if from != schema.NoDate && to != schema.NoDate {
		b.lo, b.hi = from.Quarter(), to.Quarter()
	}
	return b
}

// Add counts one event. Statewide events count in the Statewide rows only.
func (b *Builder) Add(t *schema.Training) {
	if b.from != schema.NoDate && t.Date < b.from || b.to != schema.NoDate && t.Date > b.to {
		b.Outside++
		return
	}
	if b.First == schema.NoDate || t.Date < b.First {
		b.First = t.Date
	}
	b.Last = max(b.Last, t.Date)
	q := t.Date.Quarter()
	b.lo, b.hi = min(b.lo, q), max(b.hi, q)
	scopes := []int{0}
	if i, ok := b.region[t.Region]; ok {
		scopes = append(scopes, i)
	}
	for _, s := range scopes {
		for _, qq := range []int{q, AllQuarters} {
			b.add(s, qq, t)
		}
	}
}

func (b *Builder) add(scope, q int, t *schema.Training) {
	k := [2]int{scope, q}
	c := b.cells[k]
	if c == nil {
		c = &cell{orgs: map[string]bool{}}
		b.cells[k] = c
	}
	c.row.Events++
	c.row.ByType[t.Type]++
	if t.Attendance >= 0 {
		c.row.Attendance += t.Attendance
		c.row.Reported++
	}
	for _, o := range t.Organizations {
		c.orgs[key(o)] = true
	}
}

// key matches organisation names regardless of case and spacing.
func key(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
		case c == ' ' || c == '.' || c == ',':
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// Rows returns, for Statewide then each region, one row per quarter of
// the period (quarters without events included) and a total row.
func (b *Builder) Rows() []Row {
	var out []Row
	scopes := append([]string{schema.StatewideRegion}, b.regions...)
	for s, name := range scopes {
		for q := b.lo; q <= b.hi; q++ {
			out = append(out, b.row(s, q, name))
		}
		out = append(out, b.row(s, AllQuarters, name))
	}
	return out
}

func (b *Builder) row(scope, q int, name string) Row {
	r := Row{Scope: name, Quarter: q}
	if c := b.cells[[2]int{scope, q}]; c != nil {
		r = c.row
		r.Scope, r.Quarter, r.Organizations = name, q, len(c.orgs)
	}
	return r
}
