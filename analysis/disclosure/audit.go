package disclosure

import (
	"fmt"
	"math/big"
	"sort"
)

// system is the linear system a reader of the published tables can set up:
// one unknown per suppressed cell, one row per equation that involves one.
type system struct {
	unknowns []Ref
	index    map[Ref]int
	rows     [][]*big.Rat // coefficients over unknowns
	rhs      []*big.Rat   // what the published cells leave for the unknowns
}

func (s *Set) system() system {
	sys := system{index: map[Ref]int{}}
	for _, g := range s.Grids {
		for i := range g.Cells {
			for j := range g.Cells[i] {
				if g.Cells[i][j].Suppressed {
					r := Ref{g, i, j}
					sys.index[r] = len(sys.unknowns)
					sys.unknowns = append(sys.unknowns, r)
				}
			}
		}
	}
	for _, e := range s.Equations {
		row := make([]*big.Rat, len(sys.unknowns))
		for k := range row {
			row[k] = new(big.Rat)
		}
		rhs := new(big.Rat)
		any := false
		add := func(r Ref, c int64) {
			if k, ok := sys.index[r]; ok {
				row[k].Add(row[k], big.NewRat(c, 1))
				any = true
				return
			}
			rhs.Sub(rhs, big.NewRat(c*int64(r.cell().Value), 1))
		}
		for _, l := range e.Left {
			add(l, 1)
		}
		for _, r := range e.Right {
			add(r, -1)
		}
		if any {
			sys.rows = append(sys.rows, row)
			sys.rhs = append(sys.rhs, rhs)
		}
	}
	return sys
}

// Determined returns the suppressed cells whose value follows exactly from
// the published cells and the equations: those whose unit vector lies in
// the row space of the system (every solution agrees on them).
func (s *Set) Determined() []Ref {
	sys := s.system()
	n := len(sys.unknowns)
	if n == 0 {
		return nil
	}
	pivotCol := rref(sys.rows, n)
	isPivot := map[int]int{}
	for r, c := range pivotCol {
		isPivot[c] = r
	}
	var out []Ref
	for c := 0; c < n; c++ {
		r, ok := isPivot[c]
		if !ok {
			continue
		}
		determined := true
		for f := 0; f < n; f++ {
			if _, piv := isPivot[f]; !piv && sys.rows[r][f].Sign() != 0 {
				determined = false
				break
			}
		}
		if determined {
			out = append(out, sys.unknowns[c])
		}
	}
	return out
}

// rref reduces rows in place to reduced row-echelon form, choosing pivots
// among the first n columns (later columns, such as a right-hand side, are
// carried along), and returns the pivot column of each leading row.
func rref(rows [][]*big.Rat, n int) []int {
	var pivots []int
	r := 0
	for c := 0; c < n && r < len(rows); c++ {
		p := -1
		for i := r; i < len(rows); i++ {
			if rows[i][c].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		rows[r], rows[p] = rows[p], rows[r]
		inv := new(big.Rat).Inv(rows[r][c])
		width := len(rows[r])
		for k := c; k < width; k++ {
			rows[r][k].Mul(rows[r][k], inv)
		}
		for i := range rows {
			if i == r || rows[i][c].Sign() == 0 {
				continue
			}
			f := new(big.Rat).Set(rows[i][c])
			for k := c; k < width; k++ {
				rows[i][k].Sub(rows[i][k], new(big.Rat).Mul(f, rows[r][k]))
			}
		}
		pivots = append(pivots, c)
		r++
	}
	return pivots
}

// auditStep suppresses one more cell for the first recoverable suppressed
// cell: the smallest positive unsuppressed cell of an equation it is in.
func (s *Set) auditStep() []Action {
	det := s.Determined()
	if len(det) == 0 {
		return nil
	}
	return s.protectCell(det[0], " was recoverable across equations")
}

// boundsStep does the same for the first "<k" cell that the equations and
// the bounds (1..k-1 for "<k" cells, 0 or more for any count) pin to one
// whole number, e.g. two "<11" cells that must add up to 2.
func (s *Set) boundsStep(k int) ([]Action, error) {
	ivs, err := s.Intervals(k)
	if err != nil {
		return nil, err
	}
	// Unpin every pinned cell found in this pass, re-checking each (an
	// earlier fix may have freed it) on its own group only: far cheaper
	// than bounding every cell again after each added suppression.
	var acts []Action
	for _, iv := range ivs {
		if !iv.Pinned() {
			continue
		}
		if now, err := s.intervalOf(iv.Cell, k); err != nil || !now.Pinned() {
			if err != nil {
				return acts, err
			}
			continue
		}
		a, err := s.unpin(iv.Cell, k)
		if err != nil {
			return acts, err
		}
		acts = append(acts, a...)
	}
	return acts, nil
}

// maxTrials bounds how many candidate cells unpin tries one by one.
const maxTrials = 24

// unpin hides one more cell so that target is no longer pinned: the
// smallest cell (of the equations linked to target) that does it alone, or
// failing that the smallest candidate, so that repeated steps converge.
func (s *Set) unpin(target Ref, k int) ([]Action, error) {
	cands := s.linkedCandidates(target)
	if len(cands) == 0 {
		return nil, fmt.Errorf("disclosure: %s stays pinned with every linked cell suppressed", target)
	}
	why := "complementary: " + target.String() + " was pinned by its bounds"
	for i, c := range cands {
		if i == maxTrials {
			break
		}
		c.cell().Suppressed = true
		iv, err := s.intervalOf(target, k)
		if err != nil {
			c.cell().Suppressed = false
			return nil, err
		}
		if !iv.Pinned() {
			return []Action{{c.String(), why}}, nil
		}
		c.cell().Suppressed = false
	}
	cands[0].cell().Suppressed = true
	return []Action{{cands[0].String(), why}}, nil
}

// linkedCandidates lists the unsuppressed cells of every equation that
// shares a suppressed cell with target's group of linked cells, best
// first (small positive counts before zeros and large counts).
func (s *Set) linkedCandidates(target Ref) []Ref {
	sys := s.system()
	group := map[Ref]bool{}
	for _, comp := range sys.components() {
		for _, u := range comp {
			if sys.unknowns[u] == target {
				for _, v := range comp {
					group[sys.unknowns[v]] = true
				}
			}
		}
	}
	seen := map[Ref]bool{}
	var out []Ref
	for _, e := range s.Equations {
		linked := false
		for _, r := range e.refs() {
			if group[r] {
				linked = true
				break
			}
		}
		if !linked {
			continue
		}
		for _, r := range e.refs() {
			if !r.cell().Suppressed && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return better(out[i].cell().Value, out[j].cell().Value) })
	return out
}

// protectCell hides the best unsuppressed cell of an equation that
// involves target.
func (s *Set) protectCell(target Ref, why string) []Action {
	var best *Ref
	for _, e := range s.Equations {
		if !involves(e, target) {
			continue
		}
		for _, r := range e.refs() {
			c := r.cell()
			if c.Suppressed {
				continue
			}
			if best == nil || better(c.Value, best.cell().Value) {
				rr := r
				best = &rr
			}
		}
	}
	if best == nil {
		return nil
	}
	best.cell().Suppressed = true
	return []Action{{best.String(), "complementary: " + target.String() + why}}
}

func involves(e Equation, r Ref) bool {
	for _, p := range e.refs() {
		if p == r {
			return true
		}
	}
	return false
}

// better prefers small positive values over zeros and large values.
func better(a, b int) bool {
	if (a == 0) != (b == 0) {
		return a != 0
	}
	return a < b
}
