package source

import (
	"errors"
	"sync"
)

// A batch of rows travels between the goroutines at a time: up to
// batchRows rows or batchBytes of cell text, so handing over costs next
// to nothing per row and memory stays small however long a row is.
const (
	batchRows  = 512
	batchBytes = 4 << 20
)

// prefetchBatches bounds the batches read ahead of the consumer.
const prefetchBatches = 4

type rowResult struct {
	row Row
	err error
}

// rowBatch is one batch; the CSV filler also keeps the batch's text and
// cell bounds in it, so that a batch costs two allocations (one string,
// one slice of cells), not two per row.
type rowBatch struct {
	res    []rowResult
	text   []byte
	bounds []int // start and end of each cell in text
	rows   []pendingRow
}

// pendingRow is a row whose cells are still bounds in text.
type pendingRow struct{ res, first, n int }

// filler appends rows to a batch until it is full and reports whether the
// table has ended (at EOF or an error that ends it).
type filler func(b *rowBatch) (end bool)

func isRowError(err error) bool {
	var re *RowError
	return errors.As(err, &re)
}

// prefetcher reads rows ahead on a second goroutine, so that parsing a
// large file overlaps with what the caller does with each row (mapping and
// counting). Rows, errors and their order are exactly those of the
// reader; memory is bounded by prefetchBatches batches. The goroutine
// starts on the first call and stops at the first error that ends the
// table, or when stop is called.
type prefetcher struct {
	fill    filler
	report  func(done, total int64, rows int) // Options.Progress, or nil
	pos     func() (done, total int64)
	ch      chan *rowBatch
	free    chan *rowBatch
	done    chan struct{}
	wg      sync.WaitGroup
	cur     *rowBatch
	next0   int // next row of cur
	started bool
	final   error
}

func newPrefetcher(fill filler, report func(done, total int64, rows int), pos func() (done, total int64)) *prefetcher {
	return &prefetcher{fill: fill, report: report, pos: pos, ch: make(chan *rowBatch, prefetchBatches),
		free: make(chan *rowBatch, prefetchBatches+2), done: make(chan struct{})}
}

// next has the contract of rawReader.
func (p *prefetcher) next() (Row, error) {
	if p.final != nil {
		return Row{}, p.final
	}
	if !p.started {
		p.started = true
		p.wg.Add(1)
		go p.produce()
	}
	for p.cur == nil || p.next0 == len(p.cur.res) {
		if p.cur != nil {
			select {
			case p.free <- p.cur:
			default:
			}
			p.cur = nil
		}
		b, ok := <-p.ch
		if !ok {
			return Row{}, errPrefetchStopped // only after stop
		}
		p.cur, p.next0 = b, 0
	}
	r := p.cur.res[p.next0]
	p.cur.res[p.next0] = rowResult{} // the caller owns the row now
	p.next0++
	if r.err != nil && !isRowError(r.err) {
		p.final = r.err
	}
	return r.row, r.err
}

var errPrefetchStopped = errors.New("source: table read after Close")

func (p *prefetcher) produce() {
	defer p.wg.Done()
	defer close(p.ch)
	rows := 0
	for {
		var b *rowBatch
		select {
		case b = <-p.free:
			b.res, b.text, b.bounds, b.rows = b.res[:0], b.text[:0], b.bounds[:0], b.rows[:0]
		default:
			b = &rowBatch{res: make([]rowResult, 0, batchRows)}
		}
		end := p.fill(b)
		for _, r := range b.res {
			if r.err == nil {
				rows++
			}
		}
		if p.report != nil && p.pos != nil {
			done, total := p.pos()
			p.report(done, total, rows)
		}
		select {
		case p.ch <- b:
		case <-p.done:
			return
		}
		if end {
			return
		}
	}
}

// stop ends the goroutine and waits for it, so the file can be closed
// safely after. Stopping twice is harmless.
func (p *prefetcher) stop() {
	select {
	case <-p.done:
	default:
		close(p.done)
	}
	if p.started {
		p.wg.Wait()
	}
}
