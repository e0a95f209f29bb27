package normalize

import (
	"errors"
	"io"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// ReadReferrals reads a table as Referrals.Read does, on workers
// goroutines when the table allows it (a large CSV file; see
// source.Table.Parallel). prepare is called with each record that reads
// well on a worker goroutine (w numbers the worker, 0 ≤ w < workers; the
// record is reused after the call). Then, on the calling goroutine and
// in file order, add gets what prepare returned for each record Read
// would emit, and drop what it returned for a record that is not used
// after all, because its id repeats an earlier row's (that is only known
// in file order). Problems and counts are those Read gives. add's first
// error ends the read.
func ReadReferrals[C any](r *Referrals, t *source.Table, workers int,
	prepare func(w int, rec *schema.Referral) C, add func(C) error, drop func(C)) (Stats, error) {
	st := Stats{File: t.File, Sheet: t.Sheet, Layout: t.Layout}
	rr, err := r.newRowReader(t)
	if err != nil {
		st.Encoding = t.Encoding
		return st, err
	}
	var pr *source.ParallelRows
	ok := false
	if workers > 1 {
		pr, ok = t.Parallel()
	}
	if !ok {
		err = streamRows(t, r.Report, &st, func(row source.Row) (bool, int, error) {
			ok, bad := rr.parse(&row)
			if !ok {
				return false, 0, nil
			}
			return true, bad, add(prepare(0, &rr.rec))
		})
		st.Encoding = t.Encoding
		return st, err
	}
	rows := make([]*referralRow, workers)
	for w := range rows {
		rows[w] = rr.fork()
	}
	m := &referralMerge[C]{r: r, rr: rr, st: &st, add: add, drop: drop}
	parts := newFreeList[referralPart[C]](workers)
	err = pr.Run(workers, func(w int, p *source.Part) any {
		res := parts.get()
		readPart(rows[w], p, res, func(rec *schema.Referral) C { return prepare(w, rec) })
		return res
	}, func(v any) error {
		res := v.(*referralPart[C])
		err := m.merge(res)
		res.rows, res.probs, res.out = res.rows[:0], res.probs[:0], res.out[:0]
		parts.put(res)
		return err
	}, func(v any) {
		// A part read again by the ordinary parser: take back what the
		// worker prepared.
		for _, c := range v.(*referralPart[C]).out {
			drop(c)
		}
	})
	st.Encoding = t.Encoding
	return st, err
}

// fork returns a reader of the same table for another goroutine: its own
// record and memos, the same vocabularies.
func (rr *referralRow) fork() *referralRow {
	c := &referralRow{r: rr.r, t: rr.t, header: rr.header, col: rr.col, strict: rr.strict,
		status: rr.status, agency: rr.agency}
	c.rec.Input, c.rec.Source = rr.rec.Input, rr.rec.Source
	return c
}

// referralPart is what a worker read of one part: per row its outcome,
// the problems found, and the prepared records of the rows it could use.
type referralPart[C any] struct {
	rows  []partRow
	probs []schema.Problem
	out   []C
}

// partRow is one row's outcome. Whether its id repeats an earlier row is
// only known in file order, so the row's problems and record wait.
type partRow struct {
	key     idKey
	hasID   bool
	kept    bool
	col     int32 // the id's column
	num     int32
	bad     int32
	probEnd int32 // its problems end here in probs
}

func readPart[C any](rr *referralRow, p *source.Part, res *referralPart[C], prepare func(*schema.Referral) C) {
	rr.report = func(pb schema.Problem) {
		pb.Value = strings.Clone(pb.Value)
		res.probs = append(res.probs, pb)
	}
	for {
		row, err := p.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		var pr partRow
		var re *source.RowError
		if errors.As(err, &re) {
			pr.num = int32(re.Num)
			rr.report(unreadable(rr.t, re))
		} else {
			pr.num = int32(row.Num)
			readPartRow(rr, &row, &pr, res, prepare)
		}
		pr.probEnd = int32(len(res.probs))
		res.rows = append(res.rows, pr)
	}
}

func readPartRow[C any](rr *referralRow, row *source.Row, pr *partRow, res *referralPart[C], prepare func(*schema.Referral) C) {
	if rr.strict && !widthOK(rr, row) {
		return
	}
	rr.load(row)
	if id, col, ok := rr.id(row); ok {
		pr.key, pr.hasID, pr.col = referralIDKey(id), true, int32(col)
	}
	ok, bad := rr.fields(row)
	if ok {
		pr.kept, pr.bad = true, int32(bad)
		res.out = append(res.out, prepare(&rr.rec))
	}
}

// referralMerge takes the parts in file order: it checks ids, reports
// problems and passes on the records, as Read would.
type referralMerge[C any] struct {
	r    *Referrals
	rr   *referralRow
	st   *Stats
	add  func(C) error
	drop func(C)
}

func (m *referralMerge[C]) merge(p *referralPart[C]) error {
	pi, oi := 0, 0
	for _, row := range p.rows {
		m.st.Read++
		if row.hasID && !m.r.ids.addKey(row.key) {
			m.rr.problem(int(row.num), int(row.col), repeatedID, "")
			pi = int(row.probEnd)
			if row.kept {
				m.drop(p.out[oi])
				oi++
			}
			m.st.Rejected++
			continue
		}
		for ; pi < int(row.probEnd); pi++ {
			m.r.Report(p.probs[pi])
		}
		if !row.kept {
			m.st.Rejected++
			continue
		}
		m.st.Kept++
		m.st.Cells += int(row.bad)
		if err := m.add(p.out[oi]); err != nil {
			return err
		}
		oi++
	}
	return nil
}

// freeList keeps the parts' results for reuse: each holds slices for
// thousands of rows. Unlike a sync.Pool, which every collection empties,
// it keeps them for the whole read; at most a few parts are in flight.
type freeList[T any] chan *T

func newFreeList[T any](workers int) freeList[T] { return make(freeList[T], workers+3) }

func (f freeList[T]) get() *T {
	select {
	case v := <-f:
		return v
	default:
		return new(T)
	}
}

func (f freeList[T]) put(v *T) {
	select {
	case f <- v:
	default: // more parts than kept: let this one go
	}
}
