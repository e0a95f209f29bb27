package normalize

import (
	"errors"
	"io"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// ReadParallel is Read on workers goroutines when the table allows it (a
// large CSV file; see source.Table.Parallel): rows are parsed on the
// workers, and emit is called on the calling goroutine, in file order,
// with exactly the responses, problems and counts Read gives.
func (s *Survey) ReadParallel(t *source.Table, workers int, emit func(*schema.Response) error) (Stats, error) {
	st := Stats{File: t.File, Sheet: t.Sheet, Layout: t.Layout, Encoding: t.Encoding}
	m := mapColumns(t, s.Vocab, s.Options, s.Report)
	if why := m.usable(); why != "" {
		return st, &schema.FatalError{File: where(t), Reason: why, Err: ErrNoSurveyColumns}
	}
	rr := s.newRowReader(t, m)
	var pr *source.ParallelRows
	ok := false
	if workers > 1 {
		pr, ok = t.Parallel()
	}
	if !ok {
		err := s.stream(t, rr, &st, emit)
		st.Encoding = t.Encoding
		return st, err
	}
	readers := make([]*rowReader, workers)
	for w := range readers {
		readers[w] = s.newRowReader(t, m)
	}
	parts := newFreeList[surveyPart](workers)
	merge := &surveyMerge{rr: rr, st: &st, emit: emit}
	err := pr.Run(workers, func(w int, p *source.Part) any {
		res := parts.get()
		res.read(readers[w], p)
		return res
	}, func(v any) error {
		res := v.(*surveyPart)
		err := merge.merge(res)
		res.reset()
		parts.put(res)
		return err
	}, func(any) {})
	st.Encoding = t.Encoding
	return st, err
}

// surveyPart is what a worker read of one part: per row its outcome and
// its problems, and the fields of the rows it could use. Whether a
// respondent id repeats, and the first spelling of a sector, are only
// known in file order, so they wait for the merge.
type surveyPart struct {
	rows      []surveyRow
	probs     []schema.Problem
	regions   []string // the kept rows' regions, one after another
	ratings   []int8   // their ratings, then ranks
	survivors []schema.Survivors
	sectors   []string
}

type surveyRow struct {
	id      string // "" when none
	idCol   int32
	num     int32
	bad     int32
	probEnd int32
	regions int32 // how many of regions are this row's
	kept    bool
}

func (p *surveyPart) reset() {
	clear(p.rows) // drop the ids' text
	clear(p.sectors)
	p.rows, p.probs, p.regions, p.ratings = p.rows[:0], p.probs[:0], p.regions[:0], p.ratings[:0]
	p.survivors, p.sectors = p.survivors[:0], p.sectors[:0]
}

func (p *surveyPart) read(rr *rowReader, part *source.Part) {
	rr.report = func(pb schema.Problem) {
		pb.Value = strings.Clone(pb.Value)
		p.probs = append(p.probs, pb)
	}
	for {
		row, err := part.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		var sr surveyRow
		var re *source.RowError
		if errors.As(err, &re) {
			sr.num = int32(re.Num)
			rr.report(unreadable(rr.t, re))
		} else {
			sr.num = int32(row.Num)
			p.readRow(rr, &row, &sr)
		}
		sr.probEnd = int32(len(p.probs))
		p.rows = append(p.rows, sr)
	}
}

func (p *surveyPart) readRow(rr *rowReader, row *source.Row, sr *surveyRow) {
	if !rr.widthOK(row) {
		return
	}
	if id, col, ok := rr.field(row, fRespondentID); ok && id != "" {
		sr.id, sr.idCol = id, int32(col)
	}
	ok, bad := rr.fields(row)
	if !ok {
		return
	}
	r := &rr.resp
	sr.kept, sr.bad, sr.regions = true, int32(bad), int32(len(r.Regions))
	p.regions = append(p.regions, r.Regions...)
	p.ratings = append(p.ratings, r.Ratings...)
	p.ratings = append(p.ratings, r.Ranks...)
	p.survivors = append(p.survivors, r.Survivors)
	p.sectors = append(p.sectors, r.Sector)
}

// surveyMerge takes the parts in file order: it checks ids, settles
// sectors' spellings, reports problems and emits the responses, as Read
// would.
type surveyMerge struct {
	rr   *rowReader
	st   *Stats
	emit func(*schema.Response) error
}

func (m *surveyMerge) merge(p *surveyPart) error {
	rr, resp := m.rr, &m.rr.resp
	nr, nk := len(resp.Ratings), len(resp.Ranks)
	pi, ki, gi := 0, 0, 0 // next problem, kept row, region
	for _, row := range p.rows {
		m.st.Read++
		if row.id != "" {
			if first, dup := rr.ids.add(row.id, row.num); dup {
				rr.problem(int(row.num), int(row.idCol), dupIDReason(first), "")
				pi = int(row.probEnd)
				if row.kept {
					gi += int(row.regions)
					ki++
				}
				m.st.Rejected++
				continue
			}
		}
		for ; pi < int(row.probEnd); pi++ {
			rr.report(p.probs[pi])
		}
		if !row.kept {
			m.st.Rejected++
			continue
		}
		resp.Regions = p.regions[gi : gi+int(row.regions)]
		gi += int(row.regions)
		at := ki * (nr + nk)
		copy(resp.Ratings, p.ratings[at:at+nr])
		copy(resp.Ranks, p.ratings[at+nr:at+nr+nk])
		resp.Survivors = p.survivors[ki]
		resp.Sector = rr.firstSpelling(p.sectors[ki])
		ki++
		m.st.Kept++
		m.st.Cells += int(row.bad)
		if err := m.emit(resp); err != nil {
			return err
		}
	}
	return nil
}
