package tables

import (
	"math"

	"needsmap/analysis/needs"
)

// NeedsRanking is tables/needs_ranking.csv, with exactly the published
// columns.
func NeedsRanking(res *needs.Result) *Table {
	t := &Table{Name: "needs_ranking", Title: "Needs ranking",
		Columns: []string{"scope", "view", "category", "label", "n", "median", "mean", "top2", "rank", "rank_low", "rank_high", "p_top3"}}
	for _, r := range res.Rows {
		t.Rows = append(t.Rows, []Cell{T(r.Scope), T(r.View), T(r.Category), T(r.Label), I(r.N),
			F(r.Median), F(r.Mean), F(r.Top2), rank(r.Rank), rank(r.RankLow), rank(r.RankHigh), F(r.PTop)})
	}
	t.Notes = rankingNotes(res)
	return t
}

func rank(n int) Cell {
	if n == 0 {
		return Blank(Int)
	}
	return I(n)
}

func rankingNotes(res *needs.Result) []string {
	notes := []string{"Ranked by " + metricName(res.Metric) + "; exact ties share a rank (competition ranking 1-2-2-4)."}
	if res.Replicates > 0 {
		notes = append(notes, "rank_low/rank_high: "+percent(res.Confidence)+" bootstrap interval of the rank; p_top3: share of replicates in which the item ranked in the top "+itoa(res.TopK)+".")
	} else {
		notes = append(notes, "Bootstrap off: no intervals.")
	}
	return notes
}

func metricName(m string) string {
	switch m {
	case needs.MetricMedian:
		return "median rating (ties broken by the mean)"
	case needs.MetricTop2:
		return "top-2 share (ties broken by the mean)"
	}
	return "mean rating"
}

// NeedsDetail is tables/needs_detail.csv: the distribution over the scale,
// the mean's interval, the rank-order score and the small-sample flag.
func NeedsDetail(res *needs.Result) *Table {
	t := &Table{Name: "needs_detail", Title: "Needs: distribution and intervals",
		Columns: []string{"scope", "view", "category", "label", "n"}}
	for _, l := range res.Levels {
		t.Columns = append(t.Columns, "n_"+itoa(l.Value))
	}
	t.Columns = append(t.Columns, "mean", "mean_low", "mean_high", "borda", "borda_rank", "low_n")
	for _, r := range res.Rows {
		row := []Cell{T(r.Scope), T(r.View), T(r.Category), T(r.Label), I(r.N)}
		for _, c := range r.Dist {
			row = append(row, I(c))
		}
		row = append(row, F(r.Mean), F(r.MeanLow), F(r.MeanHigh), F(r.Borda), rank(r.BordaRank), T(yesNo(r.LowN)))
		t.Rows = append(t.Rows, row)
	}
	levels := "Scale: "
	for i, l := range res.Levels {
		if i > 0 {
			levels += ", "
		}
		levels += itoa(l.Value) + " = " + l.Label
	}
	t.Notes = []string{levels + ".", "low_n: fewer than " + itoa(res.MinRespondents) + " respondents rated the item."}
	return t
}

// NeedsBySector is tables/needs_by_sector.csv: the statewide summaries per
// respondent sector.
func NeedsBySector(res *needs.Result) *Table {
	t := &Table{Name: "needs_by_sector", Title: "Needs by respondent sector (statewide)",
		Columns: []string{"sector", "view", "category", "label", "n", "median", "mean", "top2", "rank", "low_n"}}
	for _, r := range res.Sectors {
		t.Rows = append(t.Rows, []Cell{T(r.Sector), T(r.View), T(r.Category), T(r.Label), I(r.N),
			F(r.Median), F(r.Mean), F(r.Top2), rank(r.Rank), T(yesNo(r.LowN))})
	}
	return t
}

// Scopes is tables/respondents.csv: respondents per scope and the
// small-sample flag.
func Scopes(res *needs.Result) *Table {
	t := &Table{Name: "respondents", Title: "Respondents per scope",
		Columns: []string{"scope", "respondents", "low_n"}}
	for _, s := range res.Scopes {
		t.Rows = append(t.Rows, []Cell{T(s.Name), I(s.Respondents), T(yesNo(s.LowN))})
	}
	t.Notes = []string{"low_n: fewer than " + itoa(res.MinRespondents) + " respondents; read this scope's ranking with care."}
	return t
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func itoa(n int) string { return I(n).String() }

func percent(x float64) string {
	return I(int(math.Round(x*100))).String() + "%"
}
