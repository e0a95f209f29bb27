package referrals

import (
	"encoding/binary"
	"fmt"

	"needsmap/data/schema"
)

// dedup remembers, for each record that could have a twin in another
// file, a 64-bit FNV-1a hash of its normalised key and what it
// contributed. Two different keys share a hash with probability about
// n²/2^65 for n records (about 3·10⁻⁶ for ten million), and then also
// need equal dates and different files to be merged.
type dedup struct {
	window  int32
	report  func(schema.Problem)
	head    map[uint64]int32
	entries []entry
	sources []schema.Position // file and sheet of each source id
	source  map[schema.Position]int32
}

type entry struct {
	st     state
	date   schema.Date
	done   schema.Date // completion date, NoDate when none
	input  int32
	src    int32
	row    int32
	next   int32 // next entry with the same hash, -1 at the end
	merged bool
}

func newDedup(window int, report func(schema.Problem)) *dedup {
	return &dedup{window: int32(window), report: report, head: map[uint64]int32{}, source: map[schema.Position]int32{}}
}

// key hashes client, service and agencies, and the date when duplicates
// must share it. Records without a client code or an agency are never
// matched: nothing says they are the same referral.
func (d *dedup) key(rec *schema.Referral) (uint64, bool) {
	if rec.Client == "" || rec.Referring.Key == "" || rec.Receiving.Key == "" {
		return 0, false
	}
	h := fnvOffset
	h = fnvString(h, rec.Client)
	h = fnvString(h, rec.Referring.Key)
	h = fnvString(h, rec.Receiving.Key)
	var buf [8]byte
	binary.LittleEndian.PutUint32(buf[:4], uint32(rec.Service))
	if d.window == 0 {
		binary.LittleEndian.PutUint32(buf[4:], uint32(rec.Date))
	}
	for _, c := range buf {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h, true
}

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // separator: no field boundary ambiguity
}

// match looks for an earlier record of another file that rec duplicates.
// On a match it returns what that record contributed and the merged
// contribution (the caller swaps them) and reports rec as a duplicate.
// Otherwise it remembers rec.
func (d *dedup) match(rec *schema.Referral, st state) (old, merged state, ok bool) {
	h, keyed := d.key(rec)
	if !keyed {
		return state{}, state{}, false
	}
	head, seen := d.head[h]
	if !seen {
		head = -1
	}
	for i := head; i >= 0; i = d.entries[i].next {
		e := &d.entries[i]
		if e.merged || e.input == int32(rec.Input) || abs32(int32(e.date-rec.Date)) > d.window {
			continue
		}
		old = e.st
		e.st, e.done = mergeState(e, rec, st)
		e.merged = true
		d.reportDuplicate(rec, e)
		return old, e.st, true
	}
	d.entries = append(d.entries, entry{st: st, date: rec.Date, done: rec.CompletedOn, input: int32(rec.Input),
		src: d.sourceID(rec.Source), row: int32(rec.Source.Row), next: head})
	d.head[h] = int32(len(d.entries) - 1)
	return state{}, state{}, false
}

// mergeState keeps the earlier record with the more final status of the
// two and, when that is completed, the completed record's date.
func mergeState(e *entry, rec *schema.Referral, st state) (state, schema.Date) {
	out, done := e.st, e.done
	if st.status.Precedence() > out.status.Precedence() {
		out.status = st.status
		done = schema.NoDate
		if st.status == schema.StatusCompleted {
			done = rec.CompletedOn
		}
	}
	out.days = duration(e.date, done, out.status)
	if out.status != schema.StatusCompleted {
		done = schema.NoDate
	}
	return out, done
}

func (d *dedup) sourceID(p schema.Position) int32 {
	p.Row = 0
	if i, ok := d.source[p]; ok {
		return i
	}
	i := int32(len(d.sources))
	d.source[p] = i
	d.sources = append(d.sources, p)
	return i
}

func (d *dedup) reportDuplicate(rec *schema.Referral, e *entry) {
	first := d.sources[e.src]
	first.Row = int(e.row)
	// The reason is the same for every duplicate, so the data-quality
	// summary counts them together; the record kept is named in Err.
	d.report(schema.Problem{File: rec.Source.File, Sheet: rec.Source.Sheet, Row: rec.Source.Row,
		Reason: DuplicateReason, Err: fmt.Errorf("duplicate of %s", first)})
}

// DuplicateReason is the reason given for a record merged into another
// file's record of the same referral.
const DuplicateReason = "the same referral recorded by the other agency; counted once"

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
