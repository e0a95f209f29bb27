package needs

import (
	"math"
	"slices"
	"sort"
)

// rankKey orders items: a higher primary wins, then a higher secondary.
// Invalid items (no answers) are not ranked.
type rankKey struct {
	primary, secondary float64
	valid              bool
}

func metricKey(metric string, s Summary) rankKey {
	if s.N == 0 {
		return rankKey{}
	}
	switch metric {
	case MetricMedian:
		return rankKey{s.Median, s.Mean, true}
	case MetricTop2:
		return rankKey{s.Top2, s.Mean, true}
	default:
		return rankKey{s.Mean, s.Mean, true}
	}
}

func (a rankKey) beats(b rankKey) bool {
	if a.primary != b.primary {
		return a.primary > b.primary
	}
	return a.secondary > b.secondary
}

// competitionRanks gives each valid item 1 + the number of items that beat
// it, so exact ties share a rank and the next rank is skipped (1-2-2-4).
// Invalid items get rank 0.
func competitionRanks(keys []rankKey) []int {
	order := make([]int, 0, len(keys))
	for i, k := range keys {
		if k.valid {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case keys[a].beats(keys[b]):
			return -1
		case keys[b].beats(keys[a]):
			return 1
		}
		return 0
	})
	ranks := make([]int, len(keys))
	for pos, i := range order {
		if pos > 0 && !keys[order[pos-1]].beats(keys[i]) {
			ranks[i] = ranks[order[pos-1]]
			continue
		}
		ranks[i] = pos + 1
	}
	return ranks
}

// sortRows orders rows by rank (unranked last), then by category key.
func sortRows(rows []Row) []Row {
	sort.SliceStable(rows, func(i, j int) bool {
		ri, rj := rows[i].Rank, rows[j].Rank
		if ri == 0 {
			ri = math.MaxInt
		}
		if rj == 0 {
			rj = math.MaxInt
		}
		if ri != rj {
			return ri < rj
		}
		return rows[i].Category < rows[j].Category
	})
	return rows
}
