package referrals

import (
	"sync"
	"unsafe"

	"needsmap/data/schema"
)

// Shard counts records for a Builder on another goroutine, so that a
// large file can be read on several. Each goroutine has its own shard and
// calls Count for each record it reads; the builder's goroutine then
// calls Builder.Confirm, in file order, for each record counted that is
// used, or Builder.Retract for one that is not used after all (its id
// repeats an earlier row), and Builder.Absorb once every shard is done.
// The counts are those Builder.Add would give. Not for reads that match
// duplicates across files (Options.Dedup): use Add.
type Shard struct {
	b *Builder // only its read-only set-up is read by Count
	t tally    // the counts but the pairs'
	n pairCounts

	// Agencies as this shard numbers them. The map is the counting
	// goroutine's; the slice is shared with the builder's goroutine
	// under mu.
	agencyID map[string]int32 // by name, of which the key is a function
	byAddr   addrTable
	regions  [8]nameSlot // region numbers, by the same kind of slot
	mu       sync.Mutex
	agencies []schema.Agency

	// Only the builder's goroutine: the builder's number of each of the
	// shard's pairs once a record with it is confirmed, pairs whose first
	// record was retracted, and counts retracted.
	global pairCounts // the builder's number + 1

	pending   map[[2]int32]bool
	retracted map[[2]int32]int32
}

// NewShard returns a shard that counts records for b.
func (b *Builder) NewShard() *Shard {
	return &Shard{b: b, t: newTally(len(b.regions), b.services), agencyID: map[string]int32{},
		pending: map[[2]int32]bool{}, retracted: map[[2]int32]int32{}}
}

// Prepared is what Count kept of a record, for Confirm and Retract.
type Prepared struct {
	shard         *Shard
	st            state
	pair          [2]int32 // the shard's agency numbers
	date          schema.Date
	first         bool // the shard's first record of the pair
	skip, outside bool
}

// Count counts rec in the shard; rec may be reused after.
func (s *Shard) Count(rec *schema.Referral) Prepared {
	b := s.b
	r, ok := s.region(rec.Region)
	if !ok || rec.Service < 0 || rec.Service >= b.services {
		return Prepared{shard: s, skip: true}
	}
	if b.opts.From != schema.NoDate && rec.Date < b.opts.From || b.opts.To != schema.NoDate && rec.Date > b.opts.To {
		s.t.outside++
		return Prepared{shard: s, outside: true}
	}
	pair := [2]int32{s.agency(rec.Referring), s.agency(rec.Receiving)}
	p := Prepared{shard: s, date: rec.Date, pair: pair, first: s.n.add(pair[0], pair[1], 1) == 1,
		st: state{group: int32(r*b.services + rec.Service), quarter: int32(rec.Date.Quarter()),
			status: rec.Status, days: duration(rec.Date, rec.CompletedOn, rec.Status)}}
	s.t.foldGroups(p.st, 1)
	return p
}

// Confirm takes a counted record as used. Records must be confirmed in
// file order: the builder numbers agencies and pairs, and keeps the
// spelling of each agency, as Add would.
func (b *Builder) Confirm(p Prepared) {
	if p.skip || p.outside {
		return
	}
	b.span(p.date)
	s := p.shard
	if p.first || len(s.pending) > 0 && s.pending[p.pair] {
		b.globalPair(s, p.pair)
		delete(s.pending, p.pair)
	}
}

// Retract takes back a counted record that is not used.
func (b *Builder) Retract(p Prepared) {
	switch {
	case p.skip:
		return
	case p.outside:
		b.Outside--
		return
	}
	s := p.shard
	b.foldGroups(p.st, -1)
	s.retracted[p.pair]++
	if p.first {
		s.pending[p.pair] = true
	}
}

// Absorb adds the counts of shards whose records are all confirmed or
// retracted.
func (b *Builder) Absorb(shards ...*Shard) {
	for _, s := range shards {
		for p, n := range s.retracted {
			s.n.add(p[0], p[1], -n)
		}
		b.tally.absorb(&s.t)
		s.n.each(func(p [2]int32, n int32) { b.pairN[s.global.get(p[0], p[1])-1] += int64(n) })
		b.Outside += s.t.outside
		*s = Shard{}
	}
}

// globalPair returns the builder's number of a shard's pair, numbering
// the pair and its agencies when first counted.
func (b *Builder) globalPair(s *Shard, p [2]int32) int32 {
	if g := s.global.get(p[0], p[1]); g > 0 {
		return g - 1
	}
	s.mu.Lock()
	from, to := s.agencies[p[0]], s.agencies[p[1]]
	s.mu.Unlock()
	g := [2]int32{b.agencies.id(from), b.agencies.id(to)}
	gi, ok := b.pairs[g]
	if !ok {
		gi = int32(len(b.pairN))
		b.pairs[g] = gi
		b.pairN = append(b.pairN, 0)
	}
	s.global.add(p[0], p[1], gi+1)
	return gi
}

// nameSlot remembers the number of a name, an agency's or a region's,
// plus one (0: empty). Readers hand the same name string for each
// spelling they have seen, so a slot chosen by the string's address is
// found again with a comparison that sees the same pointer; the
// comparison of content keeps it exact either way.
type nameSlot struct {
	name string
	id   int32
}

// agency numbers an agency by its spelling: the builder keeps the first
// spelling it counts of each key.
func (s *Shard) agency(a schema.Agency) int32 {
	if id, ok := s.byAddr.find(a.Name); ok {
		return id
	}
	i := s.agencyNumber(a)
	s.byAddr.put(a.Name, i)
	return i
}

// addrTable numbers strings by the address of their text, with open
// addressing: one multiplication and, nearly always, one slot read. A
// string is found only as the same string (address and length); the same
// text elsewhere is simply not found, and the caller numbers it by
// content. The table keeps its strings alive, so an address is never
// reused for other text while it is in the table.
type addrTable struct {
	slots []nameSlot // a power of two long
	n     int
}

// maxAddrNames bounds the table: a reader that hands a new string for
// every row (more spellings than its memo keeps) must not make it grow
// without end.
const maxAddrNames = 1 << 14

func (t *addrTable) find(name string) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	p := unsafe.StringData(name)
	mask := len(t.slots) - 1
	for i := addrHash(p) & mask; ; i = (i + 1) & mask {
		e := &t.slots[i]
		if e.id == 0 {
			return 0, false
		}
		if unsafe.StringData(e.name) == p && len(e.name) == len(name) {
			return e.id - 1, true
		}
	}
}

func (t *addrTable) put(name string, id int32) {
	if t.n >= maxAddrNames {
		*t = addrTable{}
	}
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]nameSlot, max(64, 2*len(old))), 0
		for _, e := range old {
			if e.id != 0 {
				t.put(e.name, e.id-1)
			}
		}
	}
	mask := len(t.slots) - 1
	i := addrHash(unsafe.StringData(name)) & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = nameSlot{name: name, id: id + 1}
	t.n++
}

// addrHash spreads addresses, which share their low bits and often their
// high ones, over the table (Fibonacci hashing).
func addrHash(p *byte) int {
	return int((uint64(uintptr(unsafe.Pointer(p))) * 0x9e3779b97f4a7c15) >> 40)
}

// region numbers a region by name, as the builder's map does.
func (s *Shard) region(name string) (int, bool) {
	slot := &s.regions[(uintptr(unsafe.Pointer(unsafe.StringData(name)))>>3)%uintptr(len(s.regions))]
	if slot.id != 0 && slot.name == name {
		return int(slot.id - 1), true
	}
	r, ok := s.b.region[name]
	if ok {
		*slot = nameSlot{name: name, id: int32(r) + 1}
	}
	return r, ok
}

func (s *Shard) agencyNumber(a schema.Agency) int32 {
	if i, ok := s.agencyID[a.Name]; ok {
		return i
	}
	s.mu.Lock()
	i := int32(len(s.agencies))
	s.agencies = append(s.agencies, a)
	s.mu.Unlock()
	s.agencyID[a.Name] = i
	return i
}

// pairCounts counts records per pair of agency numbers (or holds a
// number per pair): a square table while there are few agencies (one
// memory access, where a map takes several), a map beyond.
type pairCounts struct {
	side  int // the table is side × side; 0 once the map took over
	table []int32
	m     map[[2]int32]int32
}

const maxPairSide = 2048 // 16 MiB of table

// add adds n to a pair's count and returns the new count.
func (x *pairCounts) add(a, b, n int32) int32 {
	if x.m == nil && (int(a) >= x.side || int(b) >= x.side) {
		x.grow(int(max(a, b)) + 1)
	}
	if x.m != nil {
		k := [2]int32{a, b}
		x.m[k] += n
		return x.m[k]
	}
	c := &x.table[int(a)*x.side+int(b)]
	*c += n
	return *c
}

// get returns a pair's count, 0 for a pair never added.
func (x *pairCounts) get(a, b int32) int32 {
	if x.m != nil {
		return x.m[[2]int32{a, b}]
	}
	if int(a) < x.side && int(b) < x.side {
		return x.table[int(a)*x.side+int(b)]
	}
	return 0
}

func (x *pairCounts) each(f func([2]int32, int32)) {
	for k, n := range x.m {
		if n != 0 {
			f(k, n)
		}
	}
	for i, n := range x.table {
		if n != 0 {
			f([2]int32{int32(i / x.side), int32(i % x.side)}, n)
		}
	}
}

func (x *pairCounts) grow(need int) {
	side := max(64, x.side)
	for side < need {
		side *= 2
	}
	if side > maxPairSide {
		x.m = map[[2]int32]int32{}
		x.each(func(k [2]int32, n int32) { x.m[k] = n })
		x.table, x.side = nil, 0
		return
	}
	t := make([]int32, side*side)
	for a := 0; a < x.side; a++ {
		copy(t[a*side:], x.table[a*x.side:(a+1)*x.side])
	}
	x.table, x.side = t, side
}
