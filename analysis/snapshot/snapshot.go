// Package snapshot summarises the survivors providers reported serving in
// the past twelve months — per region and statewide, by trafficking type,
// sex-trafficking subtype and age — as the needs assessment's demographic
// snapshot did, with every count registered for disclosure control.
package snapshot

import (
	"needsmap/analysis/disclosure"
	"needsmap/data/schema"
)

// Columns of the count grid, in output order.
var Columns = []string{
	"survivors", "sex", "labor", "both", "type_not_reported",
	"ipv", "familial", "pimp", "survival", "other_sex", "subtype_not_reported",
	"minor", "adult", "age_not_reported", "lgbtq", "foreign_born",
}

// Column indices into Columns.
const (
	ColSurvivors = iota
	ColSex
	ColLabor
	ColBoth
	ColTypeNotReported
	ColIPV
	ColFamilial
	ColPimp
	ColSurvival
	ColOtherSex
	ColSubtypeNotReported
	ColMinor
	ColAdult
	ColAgeNotReported
	ColLGBTQ
	ColForeignBorn
)

// SeveralRegions is the row of providers whose counties span regions: their
// survivors cannot be placed in one region, but still add to the state.
const SeveralRegions = "Several regions"

// Result is the snapshot: one grid row per scope (Statewide first).
type Result struct {
	Grid *disclosure.Grid
	// Respondents reporting survivors, per grid row.
	Respondents []int
}

// Builder accumulates responses.
type Builder struct {
	scratch []int // split's row
	regions []string
	index   map[string]int
	rows    [][]int
	resp    []int
}

// NewBuilder returns a builder for the given regions (in report order).
func NewBuilder(regions []string) *Builder {
	b := &Builder{regions: regions, index: map[string]int{}}
	for i, r := range regions {
		b.index[r] = i + 1
	}
	b.rows = make([][]int, len(regions)+2) // Statewide, regions..., several
	for i := range b.rows {
		b.rows[i] = make([]int, len(Columns))
	}
	b.resp = make([]int, len(b.rows))
	return b
}

// Add counts one response; responses without survivors served are skipped.
func (b *Builder) Add(r *schema.Response) {
	s := r.Survivors
	if s.Served == schema.Missing {
		return
	}
	row := b.split(s)
	target := len(b.rows) - 1
	if len(r.Regions) == 1 {
		if i, ok := b.index[r.Regions[0]]; ok {
			target = i
		}
	}
	// Each response lands in exactly one row after Statewide, so
	// Statewide is their sum, made in Result.
	b.resp[target]++
	for c, v := range row {
		b.rows[target][c] += v
	}
}

// split turns one provider's report into grid columns whose parts always
// add up: what is not broken down goes to a not_reported column.
func (b *Builder) split(s schema.Survivors) []int {
	if b.scratch == nil {
		b.scratch = make([]int, len(Columns))
	}
	row := b.scratch // Add only adds it up: one row, reused
	clear(row)
	row[ColSurvivors] = s.Served
	row[ColSex], row[ColLabor], row[ColBoth] = known(s.Sex), known(s.Labor), known(s.Both)
	row[ColTypeNotReported] = s.Served - row[ColSex] - row[ColLabor] - row[ColBoth]
	sexTotal := row[ColSex] + row[ColBoth]
	subs := []int{known(s.IPV), known(s.Familial), known(s.Pimp), known(s.Survival), known(s.OtherSex)}
	if sum(subs) > sexTotal {
		subs = make([]int, len(subs)) // inconsistent subtypes: treat as not reported
	}
	copy(row[ColIPV:ColSubtypeNotReported], subs)
	row[ColSubtypeNotReported] = sexTotal - sum(subs)
	row[ColMinor], row[ColAdult] = known(s.Minor), known(s.Adult)
	if row[ColMinor]+row[ColAdult] > s.Served {
		row[ColMinor], row[ColAdult] = 0, 0
	}
	row[ColAgeNotReported] = s.Served - row[ColMinor] - row[ColAdult]
	row[ColLGBTQ], row[ColForeignBorn] = min(known(s.LGBTQ), s.Served), min(known(s.ForeignBorn), s.Served)
	return row
}

func known(n int) int {
	if n == schema.Missing {
		return 0
	}
	return n
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// Result returns the grid; the "Several regions" row appears only when
// some provider's survivors could not be placed in one region.
func (b *Builder) Result() Result {
	clear(b.rows[0])
	b.resp[0] = 0
	for i := 1; i < len(b.rows); i++ {
		b.resp[0] += b.resp[i]
		for c, v := range b.rows[i] {
			b.rows[0][c] += v
		}
	}
	names := append([]string{"Statewide"}, b.regions...)
	rows := b.rows[:len(b.rows)-1]
	resp := b.resp[:len(b.resp)-1]
	if b.resp[len(b.resp)-1] > 0 {
		names = append(names, SeveralRegions)
		rows, resp = b.rows, b.resp
	}
	g := disclosure.NewGrid("survivors_served", names, Columns)
	for i, row := range rows {
		for c, v := range row {
			g.Cells[i][c].Value = v
		}
	}
	return Result{Grid: g, Respondents: append([]int(nil), resp...)}
}

// Register adds the snapshot's additive relations to a disclosure set:
// each row's breakdowns add up to its totals, and each column's regions add
// up to Statewide.
func (r Result) Register(set *disclosure.Set) {
	g := r.Grid
	set.Grids = append(set.Grids, g)
	ref := func(row, col int) disclosure.Ref { return disclosure.Ref{Grid: g, Row: row, Col: col} }
	for i := range g.Rows {
		set.Sum(ref(i, ColSurvivors), ref(i, ColSex), ref(i, ColLabor), ref(i, ColBoth), ref(i, ColTypeNotReported))
		set.Equal([]disclosure.Ref{ref(i, ColSex), ref(i, ColBoth)},
			[]disclosure.Ref{ref(i, ColIPV), ref(i, ColFamilial), ref(i, ColPimp), ref(i, ColSurvival), ref(i, ColOtherSex), ref(i, ColSubtypeNotReported)})
		set.Sum(ref(i, ColSurvivors), ref(i, ColMinor), ref(i, ColAdult), ref(i, ColAgeNotReported))
	}
	for c := range g.Cols {
		parts := make([]disclosure.Ref, 0, len(g.Rows)-1)
		for i := 1; i < len(g.Rows); i++ {
			parts = append(parts, ref(i, c))
		}
		set.Sum(ref(0, c), parts...)
	}
}
