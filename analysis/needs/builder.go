package needs

import (
	"fmt"
	"sort"

	"needsmap/data/schema"
)

// Builder accumulates responses one at a time.
type Builder struct {
	spec     Spec
	opts     Options
	views    []view
	maxLevel int
	scopes   []string
	scopeOf  map[string]int
	// hists[scope][view][item]; flat[scope] is the memory they share,
	// item after item, which Add counts into by offset.
	hists [][][]hist
	flat  [][]int64
	// A respondent in one region is counted in single[region] only; the
	// others in multi[region] for each region and in other. finish adds
	// them up into flat: each region is single+multi, the state is other
	// plus every region's single. Half the counting for the usual row.
	single, multi [][]int64
	other         []int64
	count         []int // respondents per scope
	// sectors: statewide histograms per sector, [view][item].
	sectors    map[string][][]hist
	sectorFlat map[string][]int64
	// Add's per-response work, flattened over every view's items: each
	// item's value (vals), where its histogram starts (offs), and its
	// single category when it is a plain one (-1 otherwise).
	vals  []int
	offs  []int
	plain []int
	top   []int // highest value of each item
	its   []*item
	borda []bordaAcc // per scope, single view only
	// Kept only for the bootstrap: per view, items values of each
	// respondent back to back, and each scope's respondent indices.
	keep    bool
	arena   [][]int8
	members [][]int32
	n       int
}

// NewBuilder validates the spec and options and returns an empty builder.
func NewBuilder(spec Spec, opts Options) (*Builder, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	maxLevel, err := levelsSorted(spec.Levels)
	if err != nil {
		return nil, err
	}
	views, err := buildViews(spec)
	if err != nil {
		return nil, err
	}
	b := &Builder{spec: spec, opts: opts, views: views, maxLevel: maxLevel,
		scopeOf: map[string]int{}, sectors: map[string][][]hist{}, sectorFlat: map[string][]int64{},
		keep: opts.Bootstrap > 0}
	b.scopes = append([]string{StatewideScope}, spec.Regions...)
	for i, s := range b.scopes {
		if _, dup := b.scopeOf[s]; dup {
			return nil, fmt.Errorf("region %q listed twice", s)
		}
		b.scopeOf[s] = i
	}
	b.hists = make([][][]hist, len(b.scopes))
	b.flat = make([][]int64, len(b.scopes))
	b.single, b.multi = make([][]int64, len(b.scopes)), make([][]int64, len(b.scopes))
	for s := range b.hists {
		b.hists[s], b.flat[s] = b.newHists()
		b.single[s], b.multi[s] = make([]int64, len(b.flat[s])), make([]int64, len(b.flat[s]))
	}
	b.other = make([]int64, len(b.flat[0]))
	b.count = make([]int, len(b.scopes))
	b.borda = make([]bordaAcc, len(b.scopes))
	b.members = make([][]int32, len(b.scopes))
	b.arena = make([][]int8, len(views))
	off := 0
	for v := range views {
		for i := range views[v].items {
			it := &views[v].items[i]
			p := -1
			if len(it.members) == 1 && it.rule == "" {
				p = it.members[0]
			}
			b.its, b.plain, b.offs = append(b.its, it), append(b.plain, p), append(b.offs, off)
			b.top = append(b.top, maxLevel*it.denom)
			off += maxLevel*it.denom + 1
		}
	}
	b.vals = make([]int, len(b.its))
	return b, nil
}

// newHists returns empty histograms for every view and item, all in one
// backing slice (returned too) in the order of b.offs.
func (b *Builder) newHists() ([][]hist, []int64) {
	size := 0
	for _, vw := range b.views {
		for _, it := range vw.items {
			size += b.maxLevel*it.denom + 1
		}
	}
	flat := make([]int64, size)
	out := make([][]hist, len(b.views))
	off := 0
	for v, vw := range b.views {
		out[v] = make([]hist, len(vw.items))
		for i, it := range vw.items {
			n := b.maxLevel*it.denom + 1
			out[v][i] = hist(flat[off : off+n : off+n])
			off += n
		}
	}
	return out, flat
}

// Add counts one response. Ratings must hold one value per category (a
// scale value or schema.Missing); regions not in the spec count statewide
// only.
func (b *Builder) Add(r *schema.Response) error {
	if len(r.Ratings) != len(b.spec.Categories) {
		return fmt.Errorf("needs: response has %d ratings, want %d", len(r.Ratings), len(b.spec.Categories))
	}
	vals, top := b.vals[:len(b.plain)], b.top[:len(b.plain)]
	for k, p := range b.plain {
		var val int
		if p >= 0 {
			val = int(r.Ratings[p])
		} else {
			val = b.its[k].value(r.Ratings)
		}
		if val > top[k] || val < schema.Missing {
			return fmt.Errorf("needs: rating %d is outside the scale", val)
		}
		vals[k] = val
	}
	// The usual response names one region: count it and the state in
	// one pass.
	if len(r.Regions) == 1 {
		if s, ok := b.scopeOf[r.Regions[0]]; ok && s != 0 {
			b.addScopes(0, s, r)
		} else {
			b.addScope(0, r)
		}
	} else {
		b.addScope(0, r)
		for _, name := range r.Regions {
			if s, ok := b.scopeOf[name]; ok && s != 0 {
				b.addScope(s, r)
			}
		}
	}
	if r.Sector != "" {
		sf, ok := b.sectorFlat[r.Sector]
		if !ok {
			b.sectors[r.Sector], sf = b.newHists()
			b.sectorFlat[r.Sector] = sf
		}
		b.addHists(sf)
	}
	if b.keep {
		k := 0
		for v := range b.views {
			for range b.views[v].items {
				b.arena[v] = append(b.arena[v], int8(b.vals[k]))
				k++
			}
		}
	}
	b.n++
	return nil
}

func (b *Builder) addScope(s int, r *schema.Response) {
	b.count[s]++
	if s == 0 {
		b.addHists(b.other)
	} else {
		b.addHists(b.multi[s])
	}
	if r.Ranks != nil {
		b.borda[s].add(r.Ranks, len(b.spec.Categories))
	}
	if b.keep {
		b.members[s] = append(b.members[s], int32(b.n))
	}
}

// addScopes is addScope for the state (s1 = 0) and the respondent's only
// region s2 at once.
func (b *Builder) addScopes(s1, s2 int, r *schema.Response) {
	for _, s := range [2]int{s1, s2} {
		b.count[s]++
		if r.Ranks != nil {
			b.borda[s].add(r.Ranks, len(b.spec.Categories))
		}
		if b.keep {
			b.members[s] = append(b.members[s], int32(b.n))
		}
	}
	f, offs := b.single[s2], b.offs[:len(b.vals)]
	for k, val := range b.vals {
		if val != schema.Missing {
			f[offs[k]+val]++
		}
	}
}

// finish adds the partial counts up into the histograms Result reads.
func (b *Builder) finish() {
	copy(b.flat[0], b.other)
	for s := 1; s < len(b.flat); s++ {
		for i := range b.flat[s] {
			b.flat[s][i] = b.single[s][i] + b.multi[s][i]
			b.flat[0][i] += b.single[s][i]
		}
	}
}

func (b *Builder) addHists(flat []int64) {
	for k, val := range b.vals {
		if val != schema.Missing {
			flat[b.offs[k]+val]++
		}
	}
}

// Result computes summaries, ranks and (when configured) bootstrap
// intervals for every scope and view.
func (b *Builder) Result() Result {
	res := Result{Metric: b.opts.Metric, Replicates: b.opts.Bootstrap, Seed: b.opts.Seed,
		Confidence: b.opts.Confidence, TopK: b.opts.TopK, TopN: b.opts.TopN,
		MinRespondents: b.opts.MinRespondents, Levels: b.spec.Levels, Combined: b.spec.Combined}
	for s, name := range b.scopes {
		res.Scopes = append(res.Scopes, ScopeInfo{Name: name, Respondents: b.count[s],
			LowN: b.count[s] < b.opts.MinRespondents})
	}
	b.finish()
	boots := b.bootstrapAll()
	for s, name := range b.scopes {
		for v := range b.views {
			rows := b.rankedRows(name, v, b.hists[s][v])
			if boots != nil && boots[s] != nil {
				boots[s][v].apply(rows, b.opts)
			}
			if v == 0 {
				b.borda[s].apply(rows)
			}
			res.Rows = append(res.Rows, sortRows(rows)...)
		}
	}
	res.Sectors = b.sectorRows()
	for name := range b.sectors {
		res.SectorNames = append(res.SectorNames, name)
	}
	sort.Strings(res.SectorNames)
	return res
}

// rankedRows summarises and ranks one scope and view.
func (b *Builder) rankedRows(scope string, v int, h []hist) []Row {
	items := b.views[v].items
	rows := make([]Row, len(items))
	keys := make([]rankKey, len(items))
	for i, it := range items {
		sum := h[i].summarise(it.denom, b.maxLevel)
		rows[i] = Row{Scope: scope, View: b.views[v].name, Category: it.key, Label: it.label,
			Summary: sum, LowN: sum.N < b.opts.MinRespondents}
		rows[i].clearIntervals()
		keys[i] = metricKey(b.opts.Metric, sum)
	}
	for i, r := range competitionRanks(keys) {
		rows[i].Rank = r
	}
	return rows
}

func (b *Builder) sectorRows() []Row {
	names := make([]string, 0, len(b.sectors))
	for name := range b.sectors {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []Row
	for _, name := range names {
		for v := range b.views {
			rows := b.rankedRows(StatewideScope, v, b.sectors[name][v])
			for i := range rows {
				rows[i].Sector = name
			}
			out = append(out, sortRows(rows)...)
		}
	}
	return out
}
