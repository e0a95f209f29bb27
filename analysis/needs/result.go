package needs

import (
	"math"

	"needsmap/data/schema"
)

// Row is one item in one scope and view (and, for sector breakdowns, one
// sector).
type Row struct {
	Scope    string
	Sector   string // "" except in Result.Sectors
	View     string
	Category string
	Label    string
	Summary
	Rank int // competition rank; 0 when nobody rated the item
	// Bootstrap results; NaN or 0 when the bootstrap is off.
	MeanLow, MeanHigh float64
	RankLow, RankHigh int
	PTop              float64 // probability of a rank within the top K
	// Rank-order (Borda) score and its rank; NaN/0 when the export has no
	// rank-order question or in the combined view.
	Borda     float64
	BordaRank int
	// LowN is true when fewer than the configured minimum rated the item.
	LowN bool
	// Draws are the bootstrap replicates' statistics (nil when the
	// bootstrap is off), for comparisons such as wave over wave.
	Draws *Draws
}

// Draws holds one statistic per bootstrap replicate, in replicate order;
// NaN where nobody in the resample rated the item.
type Draws struct {
	Mean, Median, Top2 []float64
}

func (r *Row) clearIntervals() {
	r.MeanLow, r.MeanHigh, r.PTop, r.Borda = math.NaN(), math.NaN(), math.NaN(), math.NaN()
}

// ScopeInfo describes one scope.
type ScopeInfo struct {
	Name        string
	Respondents int
	LowN        bool // fewer respondents than the configured minimum
}

// Result is the needs ranking of a wave.
type Result struct {
	Scopes      []ScopeInfo
	Rows        []Row // by scope (Statewide first), view, rank, category
	Sectors     []Row // statewide, by sector, view, rank, category
	SectorNames []string

	// Combined lists the configured groups and their rules, for the
	// methods section.
	Combined []schema.Combined

	Metric         string
	Replicates     int
	Seed           uint64
	Confidence     float64
	TopK, TopN     int
	MinRespondents int
	Levels         []schema.Level
}

// Scope returns the rows of one scope and view, in rank order.
func (r *Result) Scope(scope, view string) []Row {
	var out []Row
	for _, row := range r.Rows {
		if row.Scope == scope && row.View == view {
			out = append(out, row)
		}
	}
	return out
}

// Top returns the rows of a scope and view whose rank is among the first n
// distinct ranks, so tied items all show: with ranks 1,1,3,3,5 and n = 3
// it returns all five, as the plan's regional figures did.
func (r *Result) Top(scope, view string, n int) []Row {
	var out []Row
	distinct, last := 0, -1
	for _, row := range r.Scope(scope, view) {
		if row.Rank == 0 {
			break
		}
		if row.Rank != last {
			distinct++
			last = row.Rank
		}
		if distinct > n {
			break
		}
		out = append(out, row)
	}
	return out
}

// ScopeInfo returns the description of a scope.
func (r *Result) ScopeInfo(name string) (ScopeInfo, bool) {
	for _, s := range r.Scopes {
		if s.Name == name {
			return s, true
		}
	}
	return ScopeInfo{}, false
}

// bordaAcc sums rank-order points per category: a respondent who ranks m
// items gives the item in position p (1 = most needed) maxPos+1-p points.
type bordaAcc struct {
	points      []int64
	respondents int
	maxPos      int
	positions   [][]int32 // per category, positions given (for maxPos)
}

func (a *bordaAcc) add(ranks []int8, n int) {
	if a.positions == nil {
		a.positions = make([][]int32, n)
	}
	any := false
	for c, p := range ranks {
		if c >= n || p <= 0 {
			continue
		}
		any = true
		a.positions[c] = append(a.positions[c], int32(p))
		if int(p) > a.maxPos {
			a.maxPos = int(p)
		}
	}
	if any {
		a.respondents++
	}
}

// apply sets Borda scores (mean points per respondent who answered the
// rank-order question) and ranks on the single-view rows.
func (a *bordaAcc) apply(rows []Row) {
	if a.respondents == 0 {
		return
	}
	keys := make([]rankKey, len(rows))
	for i := range rows {
		var pts int64
		for _, p := range a.positions[i] {
			pts += int64(a.maxPos + 1 - int(p))
		}
		rows[i].Borda = float64(pts) / float64(a.respondents)
		keys[i] = rankKey{rows[i].Borda, rows[i].Borda, true}
	}
	for i, rk := range competitionRanks(keys) {
		rows[i].BordaRank = rk
	}
}
