package referrals

import (
	"math"
	"sort"
	"strconv"

	"needsmap/analysis/disclosure"
	"needsmap/data/schema"
)

// Columns of the region grids (by service, by quarter), in output order.
var Columns = []string{"referrals", "completed", "not_completed", "declined", "pending"}

// NetworkColumns are the network grid's: referrals only. A status
// breakdown per agency pair would be mostly suppressed at any volume
// (most pairs have few declined or pending referrals), and its thousands
// of linked small cells made protecting it cost minutes at a million
// referrals; completion is reported by region and service instead.
var NetworkColumns = []string{"referrals"}

// Column indices into Columns.
const (
	ColReferrals = iota
	ColCompleted
	ColNotCompleted
	ColDeclined
	ColPending
)

// Statewide and AllServices name the total rows.
const (
	Statewide   = "Statewide"
	AllServices = -1
)

// Group is one row of a count grid with its statistics, computed from
// the unsuppressed counts (publishing decides what may be shown).
type Group struct {
	Region  string
	Service int // category index, or AllServices
	Quarter int // running quarter number (quarter table only)
	// Rate is completed / (completed + not completed + declined), with its
	// Wilson interval; NaN when that denominator is 0.
	Rate, Low, High float64
	// Median is the median days from referral to completion over the
	// completed referrals with both dates; NaN when there are none.
	Median float64
	// Timed is how many completed referrals have a duration.
	Timed int64
}

// Pair is one row of the agency network.
type Pair struct {
	Referring, Receiving string
	// Pooled counts the agency pairs folded into this row (0 for a single
	// pair): pairs with fewer referrals than the threshold share one row.
	Pooled int
}

// Result holds the three count grids and their rows' statistics.
type Result struct {
	Regions  []string
	Services int
	// ByService: Statewide then each region; in each, all services then
	// each service with referrals.
	ByService *disclosure.Grid
	Groups    []Group
	// ByQuarter: Statewide then each region, every quarter of the period.
	ByQuarter     *disclosure.Grid
	QuarterGroups []Group
	Quarters      []int
	Network       *disclosure.Grid
	Pairs         []Pair
	// Span is the first and last referral date counted.
	First, Last         schema.Date
	Outside, Duplicates int
	Confidence          float64
}

// Result computes the grids. Network pairs with fewer than poolBelow
// referrals are pooled into one row (0 lists every pair).
func (b *Builder) Result(poolBelow int) *Result {
	res := &Result{Regions: b.regions, Services: b.services, First: b.first, Last: b.last,
		Outside: b.Outside, Duplicates: b.Duplicates, Confidence: b.opts.Confidence}
	z := Z(b.opts.Confidence)
	res.ByService, res.Groups = b.serviceGrid(z)
	res.Quarters = b.quarterRange()
	res.ByQuarter, res.QuarterGroups = b.quarterGrid(res.Quarters, z)
	res.Network, res.Pairs = b.networkGrid(poolBelow)
	return res
}

// serviceGrid lays out region × service with the totals.
func (b *Builder) serviceGrid(z float64) (*disclosure.Grid, []Group) {
	var names []string
	var rows []leaf
	var groups []Group
	add := func(region string, service int, l leaf) {
		names = append(names, region+" / "+serviceName(service))
		rows = append(rows, l)
		groups = append(groups, Group{Region: region, Service: service})
	}
	total := func(ls []leaf) leaf {
		var t leaf
		for _, l := range ls {
			t.n = plus(t.n, l.n)
			t.days = t.days.merge(l.days)
		}
		return t
	}
	state := make([]leaf, b.services)
	for s := range state {
		col := make([]leaf, len(b.regions))
		for r := range b.regions {
			col[r] = b.groups[r*b.services+s]
		}
		state[s] = total(col)
	}
	emit := func(region string, ls []leaf) {
		add(region, AllServices, total(ls))
		for s, l := range ls {
			if sum(l.n) > 0 {
				add(region, s, l)
			}
		}
	}
	emit(Statewide, state)
	for r, name := range b.regions {
		emit(name, b.groups[r*b.services:(r+1)*b.services])
	}
	return grid("referrals_by_region_service", names, rows, groups, z)
}

func serviceName(s int) string {
	if s == AllServices {
		return "all services"
	}
	return "service " + strconv.Itoa(s)
}

// quarterRange lists the quarters of the period: From..To when both are
// set, else the quarters from the first to the last referral.
func (b *Builder) quarterRange() []int {
	lo, hi := math.MaxInt, math.MinInt
	if b.opts.From != schema.NoDate && b.opts.To != schema.NoDate {
		lo, hi = b.opts.From.Quarter(), b.opts.To.Quarter()
	}
	for q, ls := range b.quarters {
		// A quarter whose records were all taken back (see Retract) is
		// not in the data.
		if !emptyLeaves(ls) {
			lo, hi = min(lo, int(q)), max(hi, int(q))
		}
	}
	var out []int
	for q := lo; q <= hi; q++ {
		out = append(out, q)
	}
	return out
}

func emptyLeaves(ls []leaf) bool {
	for _, l := range ls {
		if sum(l.n) != 0 {
			return false
		}
	}
	return true
}

func (b *Builder) quarterGrid(quarters []int, z float64) (*disclosure.Grid, []Group) {
	var names []string
	var rows []leaf
	var groups []Group
	for i := -1; i < len(b.regions); i++ {
		region := Statewide
		if i >= 0 {
			region = b.regions[i]
		}
		for _, q := range quarters {
			var l leaf
			for r, ql := range b.quarters[int32(q)] {
				if i < 0 || r == i {
					l.n = plus(l.n, ql.n)
					l.days = l.days.merge(ql.days)
				}
			}
			names = append(names, region+" / "+schema.QuarterLabel(q))
			rows = append(rows, l)
			groups = append(groups, Group{Region: region, Service: AllServices, Quarter: q})
		}
	}
	return grid("referrals_by_quarter", names, rows, groups, z)
}

// grid fills a count grid from leaves and computes each row's statistics.
func grid(name string, names []string, rows []leaf, groups []Group, z float64) (*disclosure.Grid, []Group) {
	g := disclosure.NewGrid(name, names, Columns)
	for i, l := range rows {
		setCounts(g, i, l.n)
		c, d := l.n[schema.StatusCompleted], l.n[schema.StatusCompleted]+l.n[schema.StatusNotCompleted]+l.n[schema.StatusDeclined]
		groups[i].Rate, groups[i].Low, groups[i].High = math.NaN(), math.NaN(), math.NaN()
		if d > 0 {
			groups[i].Rate = float64(c) / float64(d)
			groups[i].Low, groups[i].High = Wilson(int(c), int(d), z)
		}
		groups[i].Median = l.days.median()
		groups[i].Timed = sum64(l.days)
	}
	return g, groups
}

func setCounts(g *disclosure.Grid, row int, n counts) {
	g.Cells[row][ColReferrals].Value = int(sum(n))
	for k, st := range schema.ReferralStatuses {
		g.Cells[row][ColCompleted+k].Value = int(n[st])
	}
}

// networkGrid lists referring → receiving agency pairs by name.
func (b *Builder) networkGrid(poolBelow int) (*disclosure.Grid, []Pair) {
	type row struct {
		p  Pair
		n  int64
		id [2]int32
	}
	rows := make([]row, 0, len(b.pairs))
	var pooled row
	pooled.p = Pair{Referring: "(other agency pairs)", Receiving: "(each with fewer referrals)"}
	for k, i := range b.pairs {
		n := b.pairN[i]
		if n == 0 {
			continue
		}
		if n < int64(poolBelow) {
			pooled.n += n
			pooled.p.Pooled++
			continue
		}
		rows = append(rows, row{p: Pair{Referring: b.agencies.names[k[0]], Receiving: b.agencies.names[k[1]]}, n: n, id: k})
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch {
		case a.p.Referring != b.p.Referring:
			return a.p.Referring < b.p.Referring
		case a.p.Receiving != b.p.Receiving:
			return a.p.Receiving < b.p.Receiving
		case a.id[0] != b.id[0]:
			return a.id[0] < b.id[0]
		}
		return a.id[1] < b.id[1]
	})
	if pooled.p.Pooled > 0 {
		rows = append(rows, pooled)
	}
	names := make([]string, len(rows))
	pairs := make([]Pair, len(rows))
	for i, r := range rows {
		names[i], pairs[i] = r.p.Referring+" → "+r.p.Receiving, r.p
	}
	g := disclosure.NewGrid("referral_network", names, NetworkColumns)
	for i, r := range rows {
		g.Cells[i][ColReferrals].Value = int(r.n)
	}
	return g, pairs
}

func plus(a, b counts) counts {
	for i := range a {
		a[i] += b[i]
	}
	return a
}

func sum(n counts) int64 {
	var t int64
	for _, v := range n {
		t += v
	}
	return t
}

func sum64(h histogram) int64 {
	var t int64
	for _, v := range h {
		t += v
	}
	return t
}

// Unmet returns the ByService rows of a region and a service that no
// resource serving the region offers, by offered(region, service).
func (r *Result) Unmet(offered func(region string, service int) bool) []int {
	var out []int
	for i, g := range r.Groups {
		if g.Region != Statewide && g.Service != AllServices && !offered(g.Region, g.Service) {
			out = append(out, i)
		}
	}
	return out
}
