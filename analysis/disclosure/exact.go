package disclosure

import (
	"math/big"
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
// the row space of the system (every solution agrees on them). It is an
// exact audit in rational arithmetic for tests and small tables; Protect
// itself relies on the move search, which also covers bounds.
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
