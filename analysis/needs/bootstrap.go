package needs

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

	"needsmap/data/schema"
)

// boot holds the replicate statistics of one scope and view: for each item
// the replicate means (NaN when nobody in the resample rated it) and ranks.
type boot struct {
	means   [][]float64 // [item][replicate]
	medians [][]float64
	top2s   [][]float64
	ranks   [][]int // [item][replicate]
}

// bootstrapAll runs the bootstrap for every scope, in parallel. Each scope
// draws from its own generator seeded by (seed, scope name), so results do
// not depend on scheduling or on which other scopes exist.
func (b *Builder) bootstrapAll() [][]boot {
	if !b.keep {
		return nil
	}
	out := make([][]boot, len(b.scopes))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				out[s] = b.bootstrapScope(s)
			}
		}()
	}
	for s := range b.scopes {
		work <- s
	}
	close(work)
	wg.Wait()
	return out
}

func scopeSeed(seed uint64, scope string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(scope))
	return seed ^ h.Sum64()
}

// bootstrapScope resamples the scope's respondents with replacement, the
// same draw serving every view, and ranks each replicate.
func (b *Builder) bootstrapScope(s int) []boot {
	members := b.members[s]
	if len(members) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(b.opts.Seed, scopeSeed(b.opts.Seed, b.scopes[s])))
	reps := b.opts.Bootstrap
	res := make([]boot, len(b.views))
	scratch := make([][]hist, len(b.views))
	for v, vw := range b.views {
		res[v] = boot{means: make([][]float64, len(vw.items)), medians: make([][]float64, len(vw.items)),
			top2s: make([][]float64, len(vw.items)), ranks: make([][]int, len(vw.items))}
		for i := range vw.items {
			res[v].means[i] = make([]float64, reps)
			res[v].medians[i] = make([]float64, reps)
			res[v].top2s[i] = make([]float64, reps)
			res[v].ranks[i] = make([]int, reps)
		}
		scratch[v] = make([]hist, len(vw.items))
		for i, it := range vw.items {
			scratch[v][i] = make(hist, b.maxLevel*it.denom+1)
		}
	}
	draw := make([]int32, len(members))
	keys := []rankKey{}
	for r := 0; r < reps; r++ {
		for i := range draw {
			draw[i] = members[rng.IntN(len(members))]
		}
		for v, vw := range b.views {
			width := len(vw.items)
			h := scratch[v]
			for i := range h {
				clear(h[i])
			}
			arena := b.arena[v]
			for _, m := range draw {
				row := arena[int(m)*width : int(m)*width+width]
				for i, val := range row {
					if val != schema.Missing {
						h[i][val]++
					}
				}
			}
			keys = keys[:0]
			for i, it := range vw.items {
				sum := h[i].summary(it.denom, b.maxLevel, false)
				res[v].means[i][r] = sum.Mean
				res[v].medians[i][r] = sum.Median
				res[v].top2s[i][r] = sum.Top2
				keys = append(keys, metricKey(b.opts.Metric, sum))
			}
			for i, rk := range competitionRanks(keys) {
				if rk == 0 {
					rk = width // unrated in this resample: ranked last
				}
				res[v].ranks[i][r] = rk
			}
		}
	}
	return res
}

// apply writes the intervals into rows (in item order).
func (bt boot) apply(rows []Row, opts Options) {
	alpha := (1 - opts.Confidence) / 2
	for i := range rows {
		rows[i].Draws = &Draws{Mean: bt.means[i], Median: bt.medians[i], Top2: bt.top2s[i]}
		means := finite(bt.means[i])
		if len(means) > 0 {
			rows[i].MeanLow = quantile7(means, alpha)
			rows[i].MeanHigh = quantile7(means, 1-alpha)
		}
		ranks := append([]int(nil), bt.ranks[i]...)
		sort.Ints(ranks)
		rows[i].RankLow = quantile1(ranks, alpha)
		rows[i].RankHigh = quantile1(ranks, 1-alpha)
		in := 0
		for _, rk := range ranks {
			if rk <= opts.TopK {
				in++
			}
		}
		rows[i].PTop = float64(in) / float64(len(ranks))
	}
}

func finite(xs []float64) []float64 {
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			out = append(out, x)
		}
	}
	sort.Float64s(out)
	return out
}

// quantile7 is the linearly interpolated sample quantile of sorted xs
// (Hyndman & Fan type 7, R's default).
func quantile7(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-lo)*(xs[i+1]-xs[i])
}

// quantile1 is the inverse of the empirical distribution function of
// sorted xs (Hyndman & Fan type 1), so a rank interval stays an integer.
func quantile1(xs []int, p float64) int {
	k := int(math.Ceil(p*float64(len(xs)) - 1e-9))
	if k < 1 {
		k = 1
	}
	if k > len(xs) {
		k = len(xs)
	}
	return xs[k-1]
}
