// Package disclosure applies small-cell suppression to counts of survivors
// and referrals before anything is rendered.
//
// The rule (after the CMS cell-size policy): a count from 1 to k-1 is
// published as "<k"; zero may be shown. Complementary cells are then
// suppressed until no suppressed cell can be recovered from the published
// totals: every additive relation (a total equals the sum of its parts, in
// one table or across tables of a report) is registered as an Equation,
// and a suppressed cell counts as recoverable when its value follows from
// the published cells through those equations.
package disclosure

import (
	"fmt"
)

// Options is the suppression setting from config.
type Options struct {
	// Suppress turns suppression on (default). --no-suppression turns it
	// off for internal analysis, and every output says so.
	Suppress bool `mapstructure:"suppress"`
	// K is the threshold: counts 1..K-1 are suppressed (default 11).
	K int `mapstructure:"k"`
}

// Validate checks the options.
func (o *Options) Validate() error {
	if o.K == 0 {
		o.K = 11
	}
	if o.K < 2 {
		return fmt.Errorf("disclosure.k %d: want 2 or more", o.K)
	}
	return nil
}

// Cell is one published count.
type Cell struct {
	Value      int
	Suppressed bool
	// Primary is true for cells suppressed because they are small;
	// complementary ones have Suppressed without Primary.
	Primary bool
	// Masked is set on a primary cell published as "*" instead of "<k",
	// where the bounds "<k" states would let a reader work a count out.
	Masked bool
}

// Grid is a named table of counts, addressed by row and column.
type Grid struct {
	Name  string
	Rows  []string
	Cols  []string
	Cells [][]Cell
}

// NewGrid returns a zeroed grid.
func NewGrid(name string, rows, cols []string) *Grid {
	g := &Grid{Name: name, Rows: rows, Cols: cols, Cells: make([][]Cell, len(rows))}
	// One array for all rows: a grid can have a row per agency pair.
	cells := make([]Cell, len(rows)*len(cols))
	for i := range g.Cells {
		g.Cells[i] = cells[i*len(cols) : (i+1)*len(cols) : (i+1)*len(cols)]
	}
	return g
}

// Ref addresses one cell of one grid.
type Ref struct {
	Grid     *Grid
	Row, Col int
}

func (r Ref) cell() *Cell { return &r.Grid.Cells[r.Row][r.Col] }

// String names the cell for reports.
func (r Ref) String() string {
	return fmt.Sprintf("%s[%s, %s]", r.Grid.Name, r.Grid.Rows[r.Row], r.Grid.Cols[r.Col])
}

// Equation states sum(Left) = sum(Right); a total and its parts is the
// usual case (Left = {total}).
type Equation struct {
	Left, Right []Ref
}

func (e Equation) refs() []Ref { return append(append([]Ref(nil), e.Left...), e.Right...) }

func (e Equation) String() string {
	if len(e.Left) > 0 {
		return e.Left[0].String()
	}
	return "an equation"
}

// Set is every grid of a report and the equations linking their cells.
type Set struct {
	Grids     []*Grid
	Equations []Equation

	// certified caches the hidden cells proven free (see moves.free).
	certified map[Ref]bool
}

// Sum adds the equation total = sum(parts).
func (s *Set) Sum(total Ref, parts ...Ref) {
	s.Equations = append(s.Equations, Equation{Left: []Ref{total}, Right: parts})
}

// Equal adds the equation sum(left) = sum(right).
func (s *Set) Equal(left, right []Ref) {
	s.Equations = append(s.Equations, Equation{Left: left, Right: right})
}

// Action records one suppression, for the data-quality section.
type Action struct {
	Cell   string
	Reason string
}

// Protect suppresses small cells and their complements in place and
// returns what it suppressed. With Suppress off it does nothing.
func (s *Set) Protect(opts Options) ([]Action, error) {
	if !opts.Suppress {
		return nil, nil
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	var acts []Action
	for _, g := range s.Grids {
		for i := range g.Cells {
			for j := range g.Cells[i] {
				c := &g.Cells[i][j]
				if c.Value >= 1 && c.Value < opts.K {
					c.Suppressed, c.Primary = true, true
					acts = append(acts, Action{Ref{g, i, j}.String(), fmt.Sprintf("count below %d", opts.K)})
				}
			}
		}
	}
	for round := 0; ; round++ {
		if round > 10000 {
			return acts, fmt.Errorf("disclosure: suppression did not settle")
		}
		added := s.complementStep()
		if len(added) == 0 {
			var err error
			if added, err = s.freeStep(opts.K); err != nil {
				return acts, err
			}
		}
		if len(added) == 0 {
			return acts, nil
		}
		acts = append(acts, added...)
	}
}

// check verifies that every equation holds, so the published tables are
// consistent before anything is hidden.
func (s *Set) check() error {
	for _, e := range s.Equations {
		if l, r := total(e.Left), total(e.Right); l != r {
			return fmt.Errorf("disclosure: %s: the two sides of an additive relation differ (%d and %d)", e, l, r)
		}
	}
	return nil
}

func total(refs []Ref) int {
	sum := 0
	for _, r := range refs {
		sum += r.cell().Value
	}
	return sum
}

// complementStep finds equations with exactly one suppressed cell (which
// would be recoverable by subtraction) and suppresses a partner in each.
func (s *Set) complementStep() []Action {
	var acts []Action
	for _, e := range s.Equations {
		n := 0
		for _, r := range e.refs() {
			if r.cell().Suppressed {
				n++
			}
		}
		if n != 1 {
			continue
		}
		if p, ok := partner(e); ok {
			p.cell().Suppressed = true
			acts = append(acts, Action{p.String(), "complementary: protects a suppressed cell related to " + e.String()})
		}
	}
	return acts
}

// partner picks the cell to hide next in an equation: the smallest
// positive unsuppressed cell (least information lost), else a zero.
func partner(e Equation) (Ref, bool) {
	var best *Ref
	for _, r := range e.refs() {
		if r.cell().Suppressed {
			continue
		}
		if best == nil || better(r.cell().Value, best.cell().Value) {
			rr := r
			best = &rr
		}
	}
	if best == nil {
		return Ref{}, false
	}
	return *best, true
}
