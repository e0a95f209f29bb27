package source

import (
	"errors"
	"sync"
)

// prefetchRows is how many rows travel between the goroutines at a time:
// enough that handing over a batch costs next to nothing per row, few
// enough that memory stays small.
const prefetchRows = 512

// prefetchBatches bounds the batches read ahead of the consumer.
const prefetchBatches = 4

type rowResult struct {
	row Row
	err error
}

// prefetcher reads rows ahead on a second goroutine, so that parsing a
// large file overlaps with what the caller does with each row (mapping and
// counting). Rows, errors and their order are exactly those of the raw
// reader; memory is bounded by prefetchBatches batches. The goroutine
// starts on the first call and stops at the first error that ends the
// table, or when stop is called.
type prefetcher struct {
	raw     rawReader
	report  func(done, total int64, rows int) // Options.Progress, or nil
	pos     func() (done, total int64)
	ch      chan []rowResult
	free    chan []rowResult
	done    chan struct{}
	wg      sync.WaitGroup
	cur     []rowResult
	last    []rowResult // the batch cur was cut from, recycled when used up
	started bool
	final   error
}

func newPrefetcher(raw rawReader, report func(done, total int64, rows int), pos func() (done, total int64)) *prefetcher {
	return &prefetcher{raw: raw, report: report, pos: pos, ch: make(chan []rowResult, prefetchBatches),
		free: make(chan []rowResult, prefetchBatches+2), done: make(chan struct{})}
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
	for len(p.cur) == 0 {
		if p.last != nil {
			select {
			case p.free <- p.last[:0]:
			default:
			}
			p.last = nil
		}
		b, ok := <-p.ch
		if !ok {
			return Row{}, errPrefetchStopped // only after stop
		}
		p.cur, p.last = b, b
	}
	r := p.cur[0]
	p.cur = p.cur[1:]
	var re *RowError
	if r.err != nil && !errors.As(r.err, &re) {
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
		var batch []rowResult
		select {
		case batch = <-p.free:
		default:
			batch = make([]rowResult, 0, prefetchRows)
		}
		end := false
		for len(batch) < prefetchRows && !end {
			r, err := p.raw()
			batch = append(batch, rowResult{r, err})
			if err == nil {
				rows++
			}
			var re *RowError
			end = err != nil && !errors.As(err, &re)
		}
		if p.report != nil && p.pos != nil {
			done, total := p.pos()
			p.report(done, total, rows)
		}
		select {
		case p.ch <- batch:
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
