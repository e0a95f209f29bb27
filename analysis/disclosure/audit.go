package disclosure

import "fmt"

// freeStep hides more cells until every suppressed cell is provably free:
// the move search finds, for each, other counts within every bound that
// satisfy every published equation and give the cell another whole value.
// A cell pinned by the totals and bounds — two "<11" cells that must add
// up to 2, a cell one equation determines — has no such move, so the
// search, allowed a few published cells, finds the move with the fewest
// and smallest of them, and those are hidden too. Hiding a cell only adds
// unknowns, so a cell once free stays free.
func (s *Set) freeStep(k int) ([]Action, error) {
	var hidden []Ref
	for _, g := range s.Grids {
		for i := range g.Cells {
			for j := range g.Cells[i] {
				if g.Cells[i][j].Suppressed {
					hidden = append(hidden, Ref{g, i, j})
				}
			}
		}
	}
	m := s.moves(k)
	var acts []Action
	for _, target := range hidden {
		v, linked := m.index[target]
		// A hidden zero that a reader can work out tells them a zero,
		// which may be published anyway; only the cells it protects matter.
		if !linked || target.cell().Value == 0 && !target.cell().Primary || m.free(v) {
			continue
		}
		a, err := s.release(target, m, k)
		acts = append(acts, a...)
		if err != nil {
			return acts, err
		}
		m = s.moves(k)
	}
	return acts, nil
}

// mask handles a cell still pinned with every linked cell hidden: it is
// the "<k" symbols themselves that give it away (ten "<11" parts of a
// "<11" total must all be 1). Showing the target, then its nearest "<k"
// neighbours, as "*" — hidden, any count — drops the bounds a reader
// could use, until the target is free.
func (s *Set) mask(target Ref, m *moves, k int, acts []Action) ([]Action, error) {
	why := "shown as * rather than <k: its bounds would give " + target.String() + " away"
	for _, v := range m.neighbourhood(m.index[target], len(m.cells)) {
		c := m.cells[v].cell()
		if !c.Primary || c.Masked {
			continue
		}
		c.Masked = true
		acts = append(acts, Action{m.cells[v].String(), why})
		m = s.moves(k)
		if m.free(m.index[target]) {
			return acts, nil
		}
	}
	return acts, fmt.Errorf("disclosure: %s could be worked out from the totals with every linked cell hidden", target)
}

// release hides cells until target is free: the published cells of the
// smallest move found, or, when no small move exists, every published
// cell of the equations around it, over a widening neighbourhood.
func (s *Set) release(target Ref, m *moves, k int) ([]Action, error) {
	why := "complementary: otherwise " + target.String() + " could be worked out from the totals"
	hide := func(cells []int) []Action {
		var out []Action
		for _, c := range cells {
			m.cells[c].cell().Suppressed = true
			out = append(out, Action{m.cells[c].String(), why})
		}
		return out
	}
	if cells, ok := m.fix(m.index[target], maxNewHidden); ok {
		return hide(cells), nil
	}
	var acts []Action
	for size := 24; ; size *= 4 {
		cells := m.publishedAround(m.index[target], size)
		if len(cells) == 0 && size > len(m.cells) {
			return s.mask(target, m, k, acts)
		}
		acts = append(acts, hide(cells)...)
		m = s.moves(k)
		if m.free(m.index[target]) {
			return acts, nil
		}
	}
}

// better prefers small positive values over zeros and large values.
func better(a, b int) bool {
	if (a == 0) != (b == 0) {
		return a != 0
	}
	return a < b
}
