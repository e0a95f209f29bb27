// Package referrals measures referral follow-through: volume by region,
// service, quarter and agency pair, completion rates with Wilson
// intervals, median days to completion, and referrals for services no
// resource in the region offers.
//
// Referrals are folded into counters as they are read — per group a count
// per status and a histogram of days to completion — so memory does not
// grow with the number of rows. When several files are read, one referral
// recorded by both the referring and the receiving agency is counted once
// (see Builder.Add); only then are compact keys of the records kept.
package referrals

import (
	"needsmap/data/schema"
)

// Options for the analysis.
type Options struct {
	// Confidence is the level of the Wilson intervals (0.95).
	Confidence float64
	// WindowDays: records of different files are one referral when their
	// referral dates are at most this many days apart (and client,
	// service and both agencies match).
	WindowDays int
	// From and To bound the reporting period by referral date (NoDate:
	// open).
	From, To schema.Date
	// Dedup turns duplicate matching on; it is needed only when more than
	// one file is read.
	Dedup bool
}

// status indices into counts: completed, not completed, declined, pending.
const nStatus = 5

type counts [nStatus]int64 // index by schema.ReferralStatus

// leaf is the finest group of one table: counts by status and the
// histogram of days to completion.
type leaf struct {
	n    counts
	days histogram
}

// state is what one referral contributed, so a duplicate found later can
// take it back and add the merged record instead.
type state struct {
	group   int32 // region*services + service
	quarter int32 // running quarter number
	pair    int32
	status  schema.ReferralStatus
	days    int32 // -1: no duration
}

// tally is the counts of a set of referrals: per region × service, per
// quarter × region, and per agency pair (only the number: the network
// shows no more).
type tally struct {
	nRegions, nServices int
	groups              []leaf
	quarters            map[int32][]leaf // quarter → per region
	qlo                 int32            // qdense holds quarters qlo… (a faster view of quarters)
	qdense              [][]leaf
	pairN               []int64
	outside             int // records dated outside the period (shards only)
}

func newTally(regions, services int) tally {
	return tally{nRegions: regions, nServices: services, groups: make([]leaf, regions*services), quarters: map[int32][]leaf{}}
}

// Builder folds referrals into groups.
type Builder struct {
	tally
	opts     Options
	regions  []string
	region   map[string]int
	services int
	agencies interner
	pairs    map[[2]int32]int32
	own      *Shard
	dedup    *dedup
	// Outside counts records dated outside the period; Duplicates those
	// merged into an earlier record of another file.
	Outside, Duplicates int
	first, last         schema.Date
}

// NewBuilder returns a builder for regions (report order) and the number
// of service categories. report receives the duplicate notices.
func NewBuilder(regions []string, services int, opts Options, report func(schema.Problem)) *Builder {
	b := &Builder{tally: newTally(len(regions), services), opts: opts, regions: regions, region: map[string]int{},
		services: services, pairs: map[[2]int32]int32{}, first: schema.NoDate, last: schema.NoDate}
	for i, r := range regions {
		b.region[r] = i
	}
	b.agencies.init()
	b.own = b.NewShard()
	if opts.Dedup {
		b.dedup = newDedup(opts.WindowDays, report)
	}
	return b
}

// Add counts one referral; rec may be reused by the caller afterwards.
// A record of a region the builder does not know is ignored (the readers
// only emit configured regions).
//
// Duplicates: with Options.Dedup, a record is the same referral as an
// earlier record of a different file when its client code, service,
// referring agency and receiving agency (all normalised) are equal and
// the referral dates are at most WindowDays apart; each earlier record
// absorbs at most one duplicate (a referral has two sides). The earlier
// record is kept, its status becomes the more final of the two
// (completed > declined > not completed > pending) and, when that is
// completed, its completion date is the completed record's.
func (b *Builder) Add(rec *schema.Referral) {
	r, ok := b.region[rec.Region]
	if !ok || rec.Service < 0 || rec.Service >= b.services {
		return
	}
	if b.opts.From != schema.NoDate && rec.Date < b.opts.From || b.opts.To != schema.NoDate && rec.Date > b.opts.To {
		b.Outside++
		return
	}
	b.span(rec.Date)
	pair := [2]int32{b.own.agency(rec.Referring), b.own.agency(rec.Receiving)}
	st := state{group: int32(r*b.services + rec.Service), quarter: int32(rec.Date.Quarter()),
		pair: b.globalPair(b.own, pair), status: rec.Status, days: duration(rec.Date, rec.CompletedOn, rec.Status)}
	if b.dedup != nil {
		if old, merged, ok := b.dedup.match(rec, st); ok {
			b.fold(old, -1)
			b.fold(merged, 1)
			b.Duplicates++
			return
		}
	}
	b.fold(st, 1)
}

func (b *Builder) span(d schema.Date) {
	if b.first == schema.NoDate || d < b.first {
		b.first = d
	}
	if d > b.last {
		b.last = d
	}
}

func duration(from, to schema.Date, s schema.ReferralStatus) int32 {
	if s != schema.StatusCompleted || to == schema.NoDate || to < from {
		return -1
	}
	return int32(to - from)
}

// fold adds (sign 1) or takes back (-1) one referral's contribution.
func (t *tally) fold(st state, sign int64) {
	t.foldGroups(st, sign)
	for int(st.pair) >= len(t.pairN) {
		t.pairN = append(t.pairN, 0)
	}
	t.pairN[st.pair] += sign
}

// foldGroups is fold but for the pair.
func (t *tally) foldGroups(st state, sign int64) {
	g := &t.groups[st.group]
	g.n[st.status] += sign
	if st.days >= 0 {
		g.days.add(st.days, sign)
	}
	q := t.quarter(st.quarter)
	ql := &q[int(st.group)/t.nServices]
	ql.n[st.status] += sign
	if st.days >= 0 {
		ql.days.add(st.days, sign)
	}
}

// quarter returns the per-region leaves of a quarter, made on first use.
func (t *tally) quarter(q int32) []leaf {
	if i := q - t.qlo; i >= 0 && int(i) < len(t.qdense) && t.qdense[i] != nil {
		return t.qdense[i]
	}
	l := make([]leaf, t.nRegions)
	t.quarters[q] = l
	lo, hi := q, q
	for k := range t.quarters {
		lo, hi = min(lo, k), max(hi, k)
	}
	t.qlo, t.qdense = lo, make([][]leaf, hi-lo+1)
	for k, v := range t.quarters {
		t.qdense[k-lo] = v
	}
	return l
}

// absorb adds o's counts but the pairs'.
func (t *tally) absorb(o *tally) {
	for i := range o.groups {
		t.groups[i].plus(&o.groups[i])
	}
	for q, ls := range o.quarters {
		tq := t.quarter(q)
		for r := range ls {
			tq[r].plus(&ls[r])
		}
	}
}

func (l *leaf) plus(o *leaf) {
	for i := range l.n {
		l.n[i] += o.n[i]
	}
	if len(o.days) > 0 {
		l.days = l.days.merge(o.days)
	}
}

// NotRecorded names an agency a record leaves blank.
const NotRecorded = "(not recorded)"

// interner numbers agencies by normalised key and keeps the first
// spelling seen of each.
type interner struct {
	ids   map[string]int32
	names []string
}

func (n *interner) init() {
	n.ids = map[string]int32{"": 0}
	n.names = []string{NotRecorded}
}

func (n *interner) id(a schema.Agency) int32 {
	if i, ok := n.ids[a.Key]; ok {
		return i
	}
	i := int32(len(n.names))
	n.ids[a.Key] = i
	n.names = append(n.names, a.Name)
	return i
}
