package disclosure

import "sort"

// moves holds every cell of every equation as sparse integer rows, for the
// search that proves a suppressed cell free: other counts, within every
// bound a reader knows, that satisfy every published equation and give
// the cell another whole value. Finding one proves the cell cannot be
// recovered, without any linear algebra. The same search, allowed to use a
// few published cells, finds which cells to hide so that a pinned cell
// gets such a move: the hypercube method, generalised to linked tables.
type moves struct {
	cells  []Ref
	index  map[Ref]int
	rows   [][]term // each row's terms: hidden cells first, small counts first
	byCell [][]term // for each cell, its rows (v = row) and coefficients
	value  []int64
	hidden []bool
	lo, hi []int64 // bounds when hidden: 1..k-1 for "<k", 0.. otherwise

	// certified are the cells a move has been found for (the Set's
	// cache, shared by every moves built from it).
	certified map[Ref]bool

	// Search scratch, reused between searches.
	delta  []int64
	resid  []int64
	open   []int // rows out of balance
	change []int // cells changed, in order
}

type term struct {
	v    int
	coef int64
}

// unbounded stands for "no upper bound" on a complementary cell.
const unbounded = int64(1) << 50

func (s *Set) moves(k int) *moves {
	if s.certified == nil {
		s.certified = map[Ref]bool{}
	}
	m := &moves{index: map[Ref]int{}, certified: s.certified}
	for _, e := range s.Equations {
		coef := map[int]int64{}
		for _, l := range e.Left {
			coef[m.add(l, k)]++
		}
		for _, r := range e.Right {
			coef[m.add(r, k)]--
		}
		var row []term
		for v, c := range coef {
			if c != 0 {
				row = append(row, term{v, c})
			}
		}
		m.rows = append(m.rows, row)
	}
	m.byCell = make([][]term, len(m.cells))
	for r, row := range m.rows {
		sort.Slice(row, func(a, b int) bool { return m.before(row[a].v, row[b].v) })
		for _, t := range row {
			m.byCell[t.v] = append(m.byCell[t.v], term{r, t.coef})
		}
	}
	m.delta = make([]int64, len(m.cells))
	m.resid = make([]int64, len(m.rows))
	return m
}

// before orders the cells a search tries: hidden before published, then
// small positive counts, zeros, large counts; then by index.
func (m *moves) before(a, b int) bool {
	if m.hidden[a] != m.hidden[b] {
		return m.hidden[a]
	}
	if m.value[a] != m.value[b] {
		return better(int(m.value[a]), int(m.value[b]))
	}
	return a < b
}

// add returns the index of cell r, registering it on first sight.
func (m *moves) add(r Ref, k int) int {
	if v, ok := m.index[r]; ok {
		return v
	}
	c := r.cell()
	v := len(m.cells)
	m.index[r] = v
	m.cells = append(m.cells, r)
	m.value = append(m.value, int64(c.Value))
	m.hidden = append(m.hidden, c.Suppressed)
	if c.Primary && !c.Masked {
		m.lo, m.hi = append(m.lo, 1), append(m.hi, int64(k-1))
	} else {
		m.lo, m.hi = append(m.lo, 0), append(m.hi, unbounded)
	}
	return v
}

// Search limits. A free cell's move is found within a few hundred tries;
// a pinned one would exhaust any budget, so a cell not shown free in time
// is treated as pinned — which only ever hides more.
const (
	freeBudget   = 20000 // tries per direction when checking a cell
	fixBudget    = 5000  // tries per direction and allowance when fixing one
	maxNewHidden = 6     // published cells one fix may hide
	maxDepth     = 24    // cells one move may change
)

// free reports whether hidden cell v can take another whole value using
// hidden cells only. A move found for one cell changes every cell in it
// by one, so all of them are marked free in the set's certificate cache;
// the cache stays valid as more cells are hidden or bounds relax, since
// the move remains one.
func (m *moves) free(v int) bool {
	if m.certified[m.cells[v]] {
		return true
	}
	moved, ok := m.searchMoved(v, 0, freeBudget)
	for _, c := range moved {
		m.certified[m.cells[c]] = true
	}
	return ok
}

// fix finds a move of cell v that hides at most allow published cells,
// trying fewer first, and returns the published cells it uses.
func (m *moves) fix(v, allow int) ([]int, bool) {
	for n := 1; n <= allow; n++ {
		if cells, ok := m.search(v, n, fixBudget); ok {
			return cells, true
		}
	}
	return nil, false
}

// search looks for a move changing v by one, either way, that uses at
// most allow published cells, within budget tries per direction, and
// returns the published cells it uses.
func (m *moves) search(v, allow, budget int) ([]int, bool) {
	moved, ok := m.searchMoved(v, allow, budget)
	var used []int
	for _, c := range moved {
		if !m.hidden[c] {
			used = append(used, c)
		}
	}
	sort.Ints(used)
	return used, ok
}

// searchMoved is search returning every cell the move changes.
func (m *moves) searchMoved(v, allow, budget int) ([]int, bool) {
	for _, dir := range []int64{1, -1} {
		st := searchState{allow: allow, budget: budget}
		if !m.canStep(&st, v, dir) {
			continue
		}
		m.apply(&st, v, dir)
		ok := m.repair(&st)
		moved := append([]int(nil), m.change...)
		m.reset()
		if ok {
			return moved, true
		}
	}
	return nil, false
}

type searchState struct {
	allow  int // published cells the move may still use
	budget int
}

// canStep reports whether cell v may change by d: unchanged so far,
// within its bounds, and hidden or within the allowance.
func (m *moves) canStep(st *searchState, v int, d int64) bool {
	if m.delta[v] != 0 {
		return false
	}
	if x := m.value[v] + d; x < m.lo[v] || x > m.hi[v] {
		return false
	}
	return m.hidden[v] || st.allow > 0
}

func (m *moves) apply(st *searchState, v int, step int64) {
	if !m.hidden[v] {
		st.allow--
	}
	m.delta[v] = step
	m.change = append(m.change, v)
	for _, t := range m.byCell[v] {
		m.shift(t.v, t.coef*step)
	}
}

func (m *moves) undo(st *searchState, v int) {
	step := m.delta[v]
	for _, t := range m.byCell[v] {
		m.shift(t.v, -t.coef*step)
	}
	m.delta[v] = 0
	m.change = m.change[:len(m.change)-1]
	if !m.hidden[v] {
		st.allow++
	}
}

// shift adds x to row r's imbalance, keeping the list of open rows.
func (m *moves) shift(r int, x int64) {
	was := m.resid[r]
	m.resid[r] += x
	switch {
	case was == 0 && m.resid[r] != 0:
		m.open = append(m.open, r)
	case was != 0 && m.resid[r] == 0:
		for i, o := range m.open {
			if o == r {
				m.open = append(m.open[:i], m.open[i+1:]...)
				break
			}
		}
	}
}

func (m *moves) reset() {
	for _, c := range m.change {
		m.delta[c] = 0
	}
	for _, r := range m.open {
		m.resid[r] = 0
	}
	m.change, m.open = m.change[:0], m.open[:0]
}

// repair balances the open row with the fewest ways out by changing one
// more cell by one, depth first, undoing what leads nowhere.
func (m *moves) repair(st *searchState) bool {
	if len(m.open) == 0 {
		return true
	}
	if len(m.change) >= maxDepth {
		return false
	}
	r := m.mostConstrained(st)
	if r < 0 {
		return false
	}
	for _, o := range m.ranked(st, r) {
		if st.budget <= 0 {
			return false
		}
		st.budget--
		m.apply(st, o.v, o.step)
		if m.repair(st) {
			return true
		}
		m.undo(st, o.v)
	}
	return false
}

// choice is one way to balance a row, scored by what it does elsewhere.
type choice struct {
	v     int
	step  int64
	score int
}

// ranked lists the cells that could balance row r, best first: those that
// also balance other open rows (closing the move, as the corners of a
// rectangle or cube do) before those that open new ones; then hidden
// before published and small counts before large (the rows' own order).
func (m *moves) ranked(st *searchState, r int) []choice {
	need := -m.resid[r]
	var out []choice
	for _, t := range m.rows[r] {
		if st.allow == 0 && !m.hidden[t.v] {
			break // a row lists its hidden cells first
		}
		step, ok := m.option(st, t, need)
		if !ok {
			continue
		}
		score := 0
		for _, rt := range m.byCell[t.v] {
			if rt.v == r {
				continue
			}
			switch x := m.resid[rt.v]; {
			case x == 0:
				score--
			case (x > 0) != (rt.coef*step > 0):
				score += 2
			default:
				score -= 2
			}
		}
		out = append(out, choice{t.v, step, score})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].score > out[b].score })
	return out
}

// option is the step cell t.v would take to balance need, if it can.
func (m *moves) option(st *searchState, t term, need int64) (int64, bool) {
	if need%t.coef != 0 {
		return 0, false
	}
	step := need / t.coef
	if step != 1 && step != -1 {
		return 0, false
	}
	return step, m.canStep(st, t.v, step)
}

// mostConstrained picks the open row with the fewest options (the lowest
// row on ties, so the search is deterministic); -1 when one has none.
func (m *moves) mostConstrained(st *searchState) int {
	best, bestN := -1, 0
	for _, r := range m.open {
		need, n := -m.resid[r], 0
		for _, t := range m.rows[r] {
			if st.allow == 0 && !m.hidden[t.v] {
				break // a row lists its hidden cells first
			}
			if _, ok := m.option(st, t, need); ok {
				n++
			}
			if best >= 0 && (n > bestN || n == bestN && r > best) {
				break // counted far enough: this row cannot be chosen
			}
		}
		if n == 0 {
			return -1
		}
		if best < 0 || n < bestN || n == bestN && r < best {
			best, bestN = r, n
		}
	}
	return best
}

// neighbourhood collects up to max cells nearest v through shared
// equations, breadth first, sorted.
func (m *moves) neighbourhood(v, max int) []int {
	seen := map[int]bool{v: true}
	out := []int{v}
	for i := 0; i < len(out) && len(out) < max; i++ {
		for _, rt := range m.byCell[out[i]] {
			for _, t := range m.rows[rt.v] {
				if !seen[t.v] && len(out) < max {
					seen[t.v] = true
					out = append(out, t.v)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}

// publishedAround lists the published cells of the equations of cell v and
// of its nearest size hidden neighbours.
func (m *moves) publishedAround(v, size int) []int {
	seen := map[int]bool{}
	var out []int
	for _, u := range m.neighbourhood(v, size) {
		if !m.hidden[u] && u != v {
			continue
		}
		for _, rt := range m.byCell[u] {
			for _, t := range m.rows[rt.v] {
				if !m.hidden[t.v] && !seen[t.v] {
					seen[t.v] = true
					out = append(out, t.v)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}
