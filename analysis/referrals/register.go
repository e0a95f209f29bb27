package referrals

import "needsmap/analysis/disclosure"

// Register adds the grids and every additive relation among them to a
// disclosure set, so suppression holds across the three tables:
//
//   - each row: referrals = completed + not completed + declined + pending;
//   - by service: each region's all-services row is the sum of its
//     services, and each Statewide row the sum of the regions' rows;
//   - by quarter: each quarter's Statewide row is the sum of the regions',
//     and a region's quarters add up to its all-services row of the
//     by-service table (the two tables share their totals);
//   - network: the pairs' referrals (with the pooled row) add up to the
//     Statewide all-services referrals.
func (r *Result) Register(set *disclosure.Set) {
	set.Grids = append(set.Grids, r.ByService, r.ByQuarter, r.Network)
	for _, g := range []*disclosure.Grid{r.ByService, r.ByQuarter} {
		for i := range g.Rows {
			set.Sum(ref(g, i, ColReferrals), ref(g, i, ColCompleted), ref(g, i, ColNotCompleted),
				ref(g, i, ColDeclined), ref(g, i, ColPending))
		}
	}
	total := r.totalRows()
	r.registerServices(set, total)
	r.registerQuarters(set, total)
	parts := make([]disclosure.Ref, len(r.Network.Rows))
	for i := range parts {
		parts[i] = ref(r.Network, i, ColReferrals)
	}
	if len(parts) > 0 {
		set.Sum(ref(r.ByService, total[Statewide], ColReferrals), parts...)
	}
}

func ref(g *disclosure.Grid, row, col int) disclosure.Ref {
	return disclosure.Ref{Grid: g, Row: row, Col: col}
}

// totalRows maps each scope to its all-services row of ByService.
func (r *Result) totalRows() map[string]int {
	out := map[string]int{}
	for i, g := range r.Groups {
		if g.Service == AllServices {
			out[g.Region] = i
		}
	}
	return out
}

func (r *Result) registerServices(set *disclosure.Set, total map[string]int) {
	g := r.ByService
	scopes := append([]string{Statewide}, r.Regions...)
	byScope := map[string][]int{}
	byService := make([][]int, r.Services) // service → region rows (not Statewide)
	state := make([]int, r.Services)       // service → Statewide row, -1 when none
	for s := range state {
		state[s] = -1
	}
	for i, gr := range r.Groups {
		if gr.Service == AllServices {
			continue
		}
		byScope[gr.Region] = append(byScope[gr.Region], i)
		if gr.Region == Statewide {
			state[gr.Service] = i
		} else {
			byService[gr.Service] = append(byService[gr.Service], i)
		}
	}
	regionTotals := make([]int, len(r.Regions))
	for i, name := range r.Regions {
		regionTotals[i] = total[name]
	}
	for c := range Columns {
		for _, scope := range scopes {
			set.Sum(ref(g, total[scope], c), refs(g, byScope[scope], c)...)
		}
		set.Sum(ref(g, total[Statewide], c), refs(g, regionTotals, c)...)
		for s, rows := range byService {
			if state[s] >= 0 {
				set.Sum(ref(g, state[s], c), refs(g, rows, c)...)
			}
		}
	}
}

func (r *Result) registerQuarters(set *disclosure.Set, total map[string]int) {
	g := r.ByQuarter
	scopes := append([]string{Statewide}, r.Regions...)
	rows := map[string][]int{}
	byQuarter := map[int][]int{}
	stateQ := map[int]int{}
	for i, gr := range r.QuarterGroups {
		rows[gr.Region] = append(rows[gr.Region], i)
		if gr.Region == Statewide {
			stateQ[gr.Quarter] = i
		} else {
			byQuarter[gr.Quarter] = append(byQuarter[gr.Quarter], i)
		}
	}
	for c := range Columns {
		for _, scope := range scopes {
			if len(rows[scope]) > 0 {
				set.Sum(ref(r.ByService, total[scope], c), refs(g, rows[scope], c)...)
			}
		}
		for _, q := range r.Quarters {
			set.Sum(ref(g, stateQ[q], c), refs(g, byQuarter[q], c)...)
		}
	}
}

func refs(g *disclosure.Grid, rows []int, col int) []disclosure.Ref {
	out := make([]disclosure.Ref, len(rows))
	for i, r := range rows {
		out[i] = ref(g, r, col)
	}
	return out
}

// RateShown reports whether a row's completion rate and interval may be
// published: a rate with completed, not completed and declined all
// published cannot reveal a hidden count. Every table and chart uses it.
func RateShown(g *disclosure.Grid, row int) bool {
	c := g.Cells[row]
	return !c[ColCompleted].Suppressed && !c[ColNotCompleted].Suppressed && !c[ColDeclined].Suppressed
}

// MedianShown reports whether a row's median days may be published: its
// completed count must be.
func MedianShown(g *disclosure.Grid, row int) bool {
	return !g.Cells[row][ColCompleted].Suppressed
}
