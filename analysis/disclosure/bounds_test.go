package disclosure

import (
	"errors"
	"fmt"
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

// Intervals lists the "<k" cells that the move search could not prove
// free, each with the interval linear programming gives it (over its
// group of linked cells, or a neighbourhood when that already frees it).
// Pinned ones among them are recoverable.
func (s *Set) Intervals(k int) ([]Interval, error) {
	m := s.moves(k)
	var out []Interval
	for v, r := range m.cells {
		if !m.hidden[v] || !r.cell().Primary || m.free(v) {
			continue
		}
		iv, err := m.rangeOf(v, k)
		if err != nil {
			return nil, err
		}
		out = append(out, iv)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Cell.String() < out[j].Cell.String() })
	return out, nil
}

// rangeOf bounds cell v, first over small neighbourhoods of linked cells
// with every other cell held at its true value — any point found there is
// feasible for the whole system, so a range of one or more proves the cell
// free — then over its whole group when that is small enough.
func (m *moves) rangeOf(v, k int) (Interval, error) {
	group := m.hiddenOnly(m.neighbourhood(v, math.MaxInt))
	for _, size := range []int{24, 60} {
		if size >= len(group) {
			break
		}
		iv, err := m.bound(m.hiddenOnly(m.neighbourhood(v, size)), v, k)
		if err != nil || !iv.Pinned() {
			return iv, err
		}
	}
	return m.bound(group, v, k)
}

// bound solves min and max of cell v over the cells vars (the rest held at
// their true values) in the standard form lp.Simplex wants: x = lo + y,
// y >= 0, and for "<k" cells y + slack = k-2. Dependent rows are dropped
// so the matrix has full row rank.
func (m *moves) bound(vars []int, v, k int) (Interval, error) {
	pos := make(map[int]int, len(vars))
	var upper []int
	for p, u := range vars {
		pos[u] = p
		if m.cells[u].cell().Primary {
			upper = append(upper, p)
		}
	}
	rows, rhs := m.localRows(vars, pos)
	nv := len(vars) + len(upper)
	var a [][]float64
	var b []float64
	for r, row := range rows {
		full := make([]float64, nv)
		copy(full, row)
		a, b = append(a, full), append(b, rhs[r])
	}
	for s, p := range upper {
		full := make([]float64, nv)
		full[p], full[len(vars)+s] = 1, 1
		a, b = append(a, full), append(b, float64(k-2))
	}
	p := pos[v]
	if len(rows) == 0 && !m.cells[v].cell().Primary {
		// In no equation with other hidden cells and unbounded above.
		return Interval{Cell: m.cells[v], Lo: 0, Hi: math.Inf(1)}, nil
	}
	lo, err := optimise(a, b, nv, p, 1)
	if err != nil {
		return Interval{}, fmt.Errorf("disclosure: bounding %s: %w", m.cells[v], err)
	}
	hi, err := optimise(a, b, nv, p, -1)
	if err != nil {
		return Interval{}, fmt.Errorf("disclosure: bounding %s: %w", m.cells[v], err)
	}
	l := float64(m.lo[v])
	return Interval{Cell: m.cells[v], Lo: l + lo, Hi: l - hi}, nil
}

// localRows returns the independent equations that involve vars, with the
// other cells at their true values and the lower bounds moved to the
// right-hand side.
func (m *moves) localRows(vars []int, pos map[int]int) ([][]float64, []float64) {
	seen := map[int]bool{}
	var aug [][]*big.Rat
	for _, u := range vars {
		for _, rt := range m.byCell[u] {
			r := rt.v
			if seen[r] {
				continue
			}
			seen[r] = true
			line := make([]*big.Rat, len(vars)+1)
			for i := range line {
				line[i] = new(big.Rat)
			}
			// The row balances at the true counts, so with the cells
			// outside vars held there, the cells in vars must keep their
			// own sum: Σ coef·(x - lo) = Σ coef·(value - lo).
			var rhs int64
			for _, t := range m.rows[r] {
				if p, in := pos[t.v]; in {
					line[p].SetInt64(t.coef)
					rhs += t.coef * (m.value[t.v] - m.lo[t.v])
				}
			}
			line[len(vars)].SetInt64(rhs)
			aug = append(aug, line)
		}
	}
	pivots := rref(aug, len(vars))
	rows := make([][]float64, len(pivots))
	rhs := make([]float64, len(pivots))
	for r := range pivots {
		rows[r] = make([]float64, len(vars))
		for p := range vars {
			rows[r][p], _ = aug[r][p].Float64()
		}
		rhs[r], _ = aug[r][len(vars)].Float64()
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
	am := mat.NewDense(len(a), nv, nil)
	for i, row := range a {
		am.SetRow(i, row)
	}
	v, _, err := lp.Simplex(c, am, b, 1e-10, nil)
	switch {
	case errors.Is(err, lp.ErrUnbounded):
		return math.Inf(-1), nil
	case err != nil:
		return 0, err
	}
	return v, nil
}

// hiddenOnly keeps the suppressed cells: published ones are known.
func (m *moves) hiddenOnly(vars []int) []int {
	var out []int
	for _, v := range vars {
		if m.hidden[v] {
			out = append(out, v)
		}
	}
	return out
}
