package disclosure

import (
	"math"
	"math/big"
)

// movable reports, for each unknown, whether the true counts can be moved
// along one direction of the system's null space far enough to change that
// unknown by a whole unit while every count stays within its bounds. Such
// a cell is certainly not pinned; only the others need a linear program.
// This is a cheap sufficient test: the truth is always a feasible point.
func (sys system) movable(k int) []bool {
	n := len(sys.unknowns)
	out := make([]bool, n)
	rows := make([][]*big.Rat, len(sys.rows))
	for i, r := range sys.rows {
		rows[i] = make([]*big.Rat, n)
		for j := range r {
			rows[i][j] = new(big.Rat).Set(r[j])
		}
	}
	pivots := rref(rows, n)
	pivotRow := map[int]int{}
	for r, c := range pivots {
		pivotRow[c] = r
	}
	for f := 0; f < n; f++ {
		if _, isPivot := pivotRow[f]; isPivot {
			continue
		}
		dir := make([]float64, n)
		dir[f] = 1
		for c, r := range pivotRow {
			v, _ := rows[r][f].Float64()
			dir[c] = -v
		}
		sys.markMovable(dir, k, out)
	}
	return out
}

// markMovable finds how far the truth can move along dir (both ways)
// within bounds and marks the unknowns that change by at least one.
func (sys system) markMovable(dir []float64, k int, out []bool) {
	up, down := math.Inf(1), math.Inf(1)
	for i, d := range dir {
		if d == 0 {
			continue
		}
		c := sys.unknowns[i].cell()
		x := float64(c.Value)
		lo, hi := 0.0, math.Inf(1)
		if c.Primary {
			lo, hi = 1, float64(k-1)
		}
		if d > 0 {
			up = math.Min(up, (hi-x)/d)
			down = math.Min(down, (x-lo)/d)
		} else {
			up = math.Min(up, (x-lo)/-d)
			down = math.Min(down, (hi-x)/-d)
		}
	}
	step := math.Max(up, down)
	for i, d := range dir {
		if d != 0 && math.Abs(d)*step >= 1-1e-9 {
			out[i] = true
		}
	}
}
