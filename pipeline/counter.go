package pipeline

import (
	"context"
	"sync"

	"needsmap/analysis/needs"
	"needsmap/analysis/snapshot"
	"needsmap/data/schema"
)

// counter adds responses to the needs ranking and the survivors snapshot
// on a goroutine of its own, a batch at a time, so that counting overlaps
// with mapping the next rows (and the CSV parser runs ahead of both).
// Responses are copied into the batch: the reader reuses its record.
type counter struct {
	nb   *needs.Builder
	sb   *snapshot.Builder
	ch   chan *respBatch
	free chan *respBatch
	wg   sync.WaitGroup
	cur  *respBatch
	err  error // the first error of Add
	mu   sync.Mutex
}

// counterBatch is how many responses travel at a time.
const counterBatch = 512

type respBatch struct {
	resp    []schema.Response
	ratings []int8
	ranks   []int8
	regions []string
}

func newCounter(nb *needs.Builder, sb *snapshot.Builder) *counter {
	c := &counter{nb: nb, sb: sb, ch: make(chan *respBatch, 4), free: make(chan *respBatch, 6)}
	c.wg.Add(1)
	go c.run()
	return c
}

func (c *counter) run() {
	defer c.wg.Done()
	for b := range c.ch {
		if c.failed() == nil {
			for i := range b.resp {
				c.sb.Add(&b.resp[i])
				if err := c.nb.Add(&b.resp[i]); err != nil {
					c.fail(err)
					break
				}
			}
		}
		select {
		case c.free <- b:
		default:
		}
	}
}

func (c *counter) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}

func (c *counter) failed() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// add copies r into the current batch, sending it when full. It returns
// the counter's first error, so the reader stops soon after one.
func (c *counter) add(ctx context.Context, r *schema.Response) error {
	if c.cur == nil {
		select {
		case c.cur = <-c.free:
			c.cur.resp, c.cur.ratings, c.cur.ranks, c.cur.regions = c.cur.resp[:0], c.cur.ratings[:0], c.cur.ranks[:0], c.cur.regions[:0]
		default:
			n := counterBatch
			c.cur = &respBatch{resp: make([]schema.Response, 0, n), ratings: make([]int8, 0, n*len(r.Ratings)),
				ranks: make([]int8, 0, n*len(r.Ranks)), regions: make([]string, 0, n)}
		}
	}
	b := c.cur
	cp := *r
	cp.Ratings = appendWindow(&b.ratings, r.Ratings)
	if r.Ranks != nil {
		cp.Ranks = appendWindow(&b.ranks, r.Ranks)
	}
	start := len(b.regions)
	b.regions = append(b.regions, r.Regions...)
	cp.Regions = b.regions[start:len(b.regions):len(b.regions)]
	b.resp = append(b.resp, cp)
	if len(b.resp) == counterBatch {
		return c.flush(ctx)
	}
	return nil
}

// appendWindow appends src to *dst and returns the appended part.
func appendWindow(dst *[]int8, src []int8) []int8 {
	start := len(*dst)
	*dst = append(*dst, src...)
	return (*dst)[start:len(*dst):len(*dst)]
}

func (c *counter) flush(ctx context.Context) error {
	if c.cur != nil && len(c.cur.resp) > 0 {
		select {
		case c.ch <- c.cur:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	c.cur = nil
	return c.failed()
}

// wait sends what is left, waits for the counting to finish and returns
// its first error. It must be called once, whatever happened.
func (c *counter) wait(ctx context.Context) error {
	err := c.flush(ctx)
	close(c.ch)
	c.wg.Wait()
	if err != nil {
		return err
	}
	return c.failed()
}
