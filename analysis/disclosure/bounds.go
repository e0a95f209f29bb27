package disclosure

import (
	"errors"
	"math"
	"math/big"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// Interval is the range a reader of the published tables can narrow a
// suppressed cell to, knowing every equation, that a "<k" cell is between
// 1 and k-1 and that every count is 0 or more. Hi is +Inf when unbounded.
type Interval struct {
	Cell   Ref
	Lo, Hi float64
}

// Pinned reports whether only one whole number fits the interval: the
// cell is recoverable even though no equation determines it alone.
func (iv Interval) Pinned() bool {
	const eps = 1e-7
	return math.Floor(iv.Hi+eps) <= math.Ceil(iv.Lo-eps)
}

// Intervals bounds, by linear programming over the published equations,
// every primary suppressed cell that the cheap null-space test (movable)
// could not already show to be free. Cells shown free are left out: the
// result lists the cells worth a closer look, pinned ones among them.
func (s *Set) Intervals(k int) ([]Interval, error) {
	sys := s.system()
	free := sys.movable(k)
	var out []Interval
	for _, comp := range sys.components() {
		for _, u := range comp {
			if !free[u] && sys.unknowns[u].cell().Primary {
				ivs, err := sys.boundOnly(comp, k, sys.unknowns[u])
				if err != nil {
					return nil, err
				}
				out = append(out, ivs...)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Cell.String() < out[j].Cell.String() })
	return out, nil
}

// intervalOf bounds one primary cell, solving only its group of linked
// cells.
func (s *Set) intervalOf(target Ref, k int) (Interval, error) {
	sys := s.system()
	if free := sys.movable(k); free[sys.index[target]] {
		return Interval{Cell: target, Lo: math.Inf(-1), Hi: math.Inf(1)}, nil
	}
	for _, comp := range sys.components() {
		for _, u := range comp {
			if sys.unknowns[u] != target {
				continue
			}
			ivs, err := sys.boundOnly(comp, k, target)
			if err != nil || len(ivs) == 0 {
				return Interval{Cell: target, Lo: math.Inf(-1), Hi: math.Inf(1)}, err
			}
			return ivs[0], nil
		}
	}
	return Interval{Cell: target, Lo: math.Inf(-1), Hi: math.Inf(1)}, nil
}

// components groups the unknowns linked through equations.
func (sys system) components() [][]int {
	parent := make([]int, len(sys.unknowns))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, row := range sys.rows {
		first := -1
		for j, c := range row {
			if c.Sign() == 0 {
				continue
			}
			if first < 0 {
				first = j
			} else {
				parent[find(j)] = find(first)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range parent {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([][]int, len(roots))
	for i, r := range roots {
		out[i] = groups[r]
	}
	return out
}

// boundOnly solves, for each primary cell of one component (or only the
// cell only, when set), min and max of its
// value subject to the equations and the bounds, in the standard form
// lp.Simplex wants: x = lo + y, y >= 0, and for "<k" cells y + slack =
// k-2. Equations whose suppressed side is empty are left out, and
// dependent rows are dropped so the matrix has full row rank.
func (sys system) boundOnly(comp []int, k int, only Ref) ([]Interval, error) {
	lower := make([]float64, len(comp))
	var upper []int // positions in comp of primary cells
	for p, u := range comp {
		if sys.unknowns[u].cell().Primary {
			lower[p] = 1
			upper = append(upper, p)
		}
	}
	rows, rhs := sys.componentRows(comp, lower)
	nv := len(comp) + len(upper)
	var a [][]float64
	var b []float64
	for r, row := range rows {
		full := make([]float64, nv)
		copy(full, row)
		a, b = append(a, full), append(b, rhs[r])
	}
	for s, p := range upper {
		full := make([]float64, nv)
		full[p], full[len(comp)+s] = 1, 1
		a, b = append(a, full), append(b, float64(k-2))
	}
	var out []Interval
	for _, p := range upper {
		if only.Grid != nil && sys.unknowns[comp[p]] != only {
			continue
		}
		lo, err := optimise(a, b, nv, p, 1)
		if err != nil {
			return nil, err
		}
		hi, err := optimise(a, b, nv, p, -1)
		if err != nil {
			return nil, err
		}
		out = append(out, Interval{Cell: sys.unknowns[comp[p]], Lo: lower[p] + lo, Hi: lower[p] - hi})
	}
	return out, nil
}

// componentRows returns the independent equations restricted to comp, with
// the lower bounds moved to the right-hand side.
func (sys system) componentRows(comp []int, lower []float64) ([][]float64, []float64) {
	var aug [][]*big.Rat
	for r, row := range sys.rows {
		keep := false
		for _, u := range comp {
			if row[u].Sign() != 0 {
				keep = true
				break
			}
		}
		if !keep {
			continue
		}
		line := make([]*big.Rat, len(comp)+1)
		rhs := new(big.Rat).Set(sys.rhs[r])
		for p, u := range comp {
			line[p] = new(big.Rat).Set(row[u])
			rhs.Sub(rhs, new(big.Rat).Mul(row[u], big.NewRat(int64(lower[p]), 1)))
		}
		line[len(comp)] = rhs
		aug = append(aug, line)
	}
	pivots := rref(aug, len(comp))
	rows := make([][]float64, len(pivots))
	rhs := make([]float64, len(pivots))
	for r := range pivots {
		rows[r] = make([]float64, len(comp))
		for p := range comp {
			rows[r][p], _ = aug[r][p].Float64()
		}
		rhs[r], _ = aug[r][len(comp)].Float64()
	}
	return rows, rhs
}

// optimise returns min(sign · y_p) subject to a·y = b, y >= 0.
func optimise(a [][]float64, b []float64, nv, p int, sign float64) (float64, error) {
	if len(a) == 0 {
		if sign > 0 {
			return 0, nil
		}
		return math.Inf(-1), nil
	}
	c := make([]float64, nv)
	c[p] = sign
	m := mat.NewDense(len(a), nv, nil)
	for i, row := range a {
		m.SetRow(i, row)
	}
	v, _, err := lp.Simplex(c, m, b, 1e-10, nil)
	switch {
	case errors.Is(err, lp.ErrUnbounded):
		return math.Inf(-1), nil
	case err != nil:
		return 0, err
	}
	return v, nil
}
