package disclosure

import (
	"math/rand/v2"
	"testing"
)

// table builds a grid with row totals in column 0 and a Total row 0, and
// registers both kinds of equations, like a published cross-tabulation.
func table(values [][]int) (*Set, *Grid) {
	rows := make([]string, len(values)+1)
	cols := make([]string, len(values[0])+1)
	rows[0], cols[0] = "Total", "Total"
	for i := range values {
		rows[i+1] = string(rune('A' + i))
	}
	for j := range values[0] {
		cols[j+1] = string(rune('a' + j))
	}
	g := NewGrid("t", rows, cols)
	for i, row := range values {
		for j, v := range row {
			g.Cells[i+1][j+1].Value = v
			g.Cells[i+1][0].Value += v
			g.Cells[0][j+1].Value += v
			g.Cells[0][0].Value += v
		}
	}
	s := &Set{Grids: []*Grid{g}}
	for i := range rows {
		var parts []Ref
		for j := 1; j < len(cols); j++ {
			parts = append(parts, Ref{g, i, j})
		}
		s.Sum(Ref{g, i, 0}, parts...)
	}
	for j := range cols {
		var parts []Ref
		for i := 1; i < len(rows); i++ {
			parts = append(parts, Ref{g, i, j})
		}
		s.Sum(Ref{g, 0, j}, parts...)
	}
	return s, g
}

func TestPrimaryAndComplementary(t *testing.T) {
	s, g := table([][]int{{52, 1, 4}, {98, 3, 0}, {26, 0, 2}})
	acts, err := s.Protect(Options{Suppress: true, K: 11})
	if err != nil {
		t.Fatal(err)
	}
	for i := range g.Cells {
		for j, c := range g.Cells[i] {
			small := c.Value >= 1 && c.Value < 11
			if small && !(c.Suppressed && c.Primary) {
				t.Errorf("cell %s=%d not suppressed", Ref{g, i, j}, c.Value)
			}
			if c.Primary && !small {
				t.Errorf("cell %s=%d primary but not small", Ref{g, i, j}, c.Value)
			}
		}
	}
	if len(acts) == 0 {
		t.Fatal("no actions reported")
	}
	if det := sensitive(s.Determined()); len(det) > 0 {
		t.Errorf("recoverable after protection: %v", det)
	}
	for _, e := range s.Equations {
		n := 0
		for _, r := range e.refs() {
			if r.cell().Suppressed {
				n++
			}
		}
		if n == 1 {
			t.Errorf("equation %s has exactly one suppressed cell", e)
		}
	}
}

func TestZeroIsShownAndOffMeansOff(t *testing.T) {
	s, g := table([][]int{{20, 0}, {30, 15}})
	if _, err := s.Protect(Options{Suppress: true, K: 11}); err != nil {
		t.Fatal(err)
	}
	for i := range g.Cells {
		for j, c := range g.Cells[i] {
			if c.Suppressed {
				t.Errorf("%s suppressed with no small count in the table", Ref{g, i, j})
			}
		}
	}
	s, g = table([][]int{{20, 3}, {30, 15}})
	if acts, _ := s.Protect(Options{Suppress: false, K: 11}); len(acts) != 0 || g.Cells[1][2].Suppressed {
		t.Error("suppression off still suppressed")
	}
}

func TestDeterminedAcrossEquations(t *testing.T) {
	// x + y = 10 and y + z = 10 and x + z = 10: each one alone has two
	// unknowns, together they pin x = y = z = 5.
	g := NewGrid("g", []string{"r"}, []string{"x", "y", "z", "s1", "s2", "s3"})
	for j, v := range []int{5, 5, 5, 10, 10, 10} {
		g.Cells[0][j].Value = v
	}
	for j := 0; j < 3; j++ {
		g.Cells[0][j].Suppressed = true
	}
	s := &Set{Grids: []*Grid{g}}
	r := func(j int) Ref { return Ref{g, 0, j} }
	s.Sum(r(3), r(0), r(1))
	s.Sum(r(4), r(1), r(2))
	s.Sum(r(5), r(0), r(2))
	if det := s.Determined(); len(det) != 3 {
		t.Errorf("determined = %v, want all three", det)
	}
}

func TestInconsistentTablesAreRefused(t *testing.T) {
	s, g := table([][]int{{20, 3}})
	g.Cells[0][0].Value++
	if _, err := s.Protect(Options{Suppress: true, K: 11}); err == nil {
		t.Error("inconsistent totals accepted")
	}
}

// TestProtectRandom is a property test: whatever the counts, after
// protection no suppressed cell is recoverable and every small count is
// hidden.
func TestProtectRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		rows, cols := 1+rng.IntN(6), 1+rng.IntN(5)
		vals := make([][]int, rows)
		for i := range vals {
			vals[i] = make([]int, cols)
			for j := range vals[i] {
				switch rng.IntN(4) {
				case 0:
					vals[i][j] = 0
				case 1:
					vals[i][j] = 1 + rng.IntN(10)
				default:
					vals[i][j] = rng.IntN(200)
				}
			}
		}
		s, g := table(vals)
		if _, err := s.Protect(Options{Suppress: true, K: 11}); err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if det := sensitive(s.Determined()); len(det) > 0 {
			t.Fatalf("trial %d: %v recoverable in %v", trial, det, vals)
		}
		ivs, err := s.Intervals(11)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		for _, iv := range ivs {
			if iv.Pinned() {
				t.Fatalf("trial %d: %s pinned to [%v, %v] in %v", trial, iv.Cell, iv.Lo, iv.Hi, vals)
			}
		}
		for i := range g.Cells {
			for _, c := range g.Cells[i] {
				if c.Value >= 1 && c.Value < 11 && !c.Suppressed {
					t.Fatalf("trial %d: small count shown", trial)
				}
			}
		}
	}
}

// TestBoundsPinnedCell: two "<11" cells adding up to a published 2 must
// both be 1, although no single equation determines either.
func TestBoundsPinnedCell(t *testing.T) {
	s, g := table([][]int{{1, 1, 30}, {40, 50, 60}})
	// Before protection, hide the two small cells only: x + y = 2 via the
	// row total minus the published 30.
	g.Cells[1][1].Suppressed, g.Cells[1][1].Primary = true, true
	g.Cells[1][2].Suppressed, g.Cells[1][2].Primary = true, true
	ivs, err := s.Intervals(11)
	if err != nil {
		t.Fatal(err)
	}
	pinned := 0
	for _, iv := range ivs {
		if iv.Pinned() {
			pinned++
		}
	}
	if pinned != 2 {
		t.Errorf("intervals = %v, want both cells pinned to 1", ivs)
	}
	s, g = table([][]int{{1, 1, 30}, {40, 50, 60}})
	if _, err := s.Protect(Options{Suppress: true, K: 11}); err != nil {
		t.Fatal(err)
	}
	ivs, _ = s.Intervals(11)
	for _, iv := range ivs {
		if iv.Pinned() {
			t.Errorf("%s still pinned to [%v, %v] after protection", iv.Cell, iv.Lo, iv.Hi)
		}
	}
}

// sensitive drops hidden zeros: working one out tells a reader a zero,
// which may be published anyway.
func sensitive(refs []Ref) []Ref {
	var out []Ref
	for _, r := range refs {
		if c := r.cell(); c.Value != 0 || c.Primary {
			out = append(out, r)
		}
	}
	return out
}
