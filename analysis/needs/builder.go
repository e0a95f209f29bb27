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
	// hists[scope][view][item]
	hists [][][]hist
	count []int // respondents per scope
	// sectors: statewide histograms per sector, [view][item].
	sectors map[string][][]hist
	borda   []bordaAcc // per scope, single view only
	// Kept only for the bootstrap: per view, items values of each
	// respondent back to back, and each scope's respondent indices.
	keep    bool
	arena   [][]int8
	members [][]int32
	n       int
	scratch [][]int
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
		scopeOf: map[string]int{}, sectors: map[string][][]hist{}, keep: opts.Bootstrap > 0}
	b.scopes = append([]string{StatewideScope}, spec.Regions...)
	for i, s := range b.scopes {
		if _, dup := b.scopeOf[s]; dup {
			return nil, fmt.Errorf("region %q listed twice", s)
		}
		b.scopeOf[s] = i
	}
	b.hists = make([][][]hist, len(b.scopes))
	for s := range b.hists {
		b.hists[s] = b.newHists()
	}
	b.count = make([]int, len(b.scopes))
	b.borda = make([]bordaAcc, len(b.scopes))
	b.members = make([][]int32, len(b.scopes))
	b.arena = make([][]int8, len(views))
	b.scratch = make([][]int, len(views))
	for v := range views {
		b.scratch[v] = make([]int, len(views[v].items))
	}
	return b, nil
}

func (b *Builder) newHists() [][]hist {
	out := make([][]hist, len(b.views))
	for v, vw := range b.views {
		out[v] = make([]hist, len(vw.items))
		for i, it := range vw.items {
			out[v][i] = make(hist, b.maxLevel*it.denom+1)
		}
	}
	return out
}

// Add counts one response. Ratings must hold one value per category (a
// scale value or schema.Missing); regions not in the spec count statewide
// only.
func (b *Builder) Add(r *schema.Response) error {
	if len(r.Ratings) != len(b.spec.Categories) {
		return fmt.Errorf("needs: response has %d ratings, want %d", len(r.Ratings), len(b.spec.Categories))
	}
	for v := range b.views {
		for i := range b.views[v].items {
			val := b.views[v].items[i].value(r.Ratings)
			if val > b.maxLevel*b.views[v].items[i].denom {
				return fmt.Errorf("needs: rating %d is above the scale", val)
			}
			b.scratch[v][i] = val
		}
	}
	b.addScope(0, r)
	for _, name := range r.Regions {
		if s, ok := b.scopeOf[name]; ok && s != 0 {
			b.addScope(s, r)
		}
	}
	if r.Sector != "" {
		sh, ok := b.sectors[r.Sector]
		if !ok {
			sh = b.newHists()
			b.sectors[r.Sector] = sh
		}
		b.addHists(sh)
	}
	if b.keep {
		for v := range b.views {
			for _, val := range b.scratch[v] {
				b.arena[v] = append(b.arena[v], int8(val))
			}
		}
	}
	b.n++
	return nil
}

func (b *Builder) addScope(s int, r *schema.Response) {
	b.count[s]++
	b.addHists(b.hists[s])
	if r.Ranks != nil {
		b.borda[s].add(r.Ranks, len(b.spec.Categories))
	}
	if b.keep {
		b.members[s] = append(b.members[s], int32(b.n))
	}
}

func (b *Builder) addHists(h [][]hist) {
	for v := range b.views {
		for i, val := range b.scratch[v] {
			if val != schema.Missing {
				h[v][i][val]++
			}
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
