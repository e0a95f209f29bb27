package main

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"needsmap/pipeline"
)

// progress returns bars on stderr when it is a terminal, and nil (no
// progress at all) otherwise: CI logs and pipes stay clean.
func (a *app) progress() *termProgress {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &termProgress{p: mpb.New(mpb.WithOutput(a.stderr), mpb.WithWidth(40), mpb.WithAutoRefresh())}
}

// termProgress draws one mpb bar per long read: bytes of the file read,
// rows so far, their rate and the time left.
type termProgress struct {
	p *mpb.Progress
}

// deps returns the pipeline's view of it; a nil *termProgress gives none.
func (t *termProgress) deps() pipeline.Progress {
	if t == nil {
		return nil
	}
	return t
}

// Bar implements pipeline.Progress.
func (t *termProgress) Bar(name string, total int64) pipeline.Bar {
	b := &termBar{}
	b.bar = t.p.AddBar(total,
		mpb.PrependDecorators(decor.Name(name, decor.WCSyncSpaceR), decor.Percentage(decor.WCSyncSpace)),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string { return b.rowsText() }, decor.WCSyncSpace),
			decor.OnComplete(decor.AverageETA(decor.ET_STYLE_GO, decor.WCSyncSpace), "done"),
		),
	)
	return b
}

// wait lets the bars draw their last state before the command prints.
func (t *termProgress) wait() {
	if t != nil {
		t.p.Wait()
	}
}

type termBar struct {
	bar   *mpb.Bar
	start atomic.Int64 // unix nanoseconds of the first update
	rows  atomic.Int64
	// The bar appears once a read has run a while: the rate counts from
	// its first update, not from the rows read before it.
	first atomic.Int64 // rows at the first update, plus one
}

func (b *termBar) Update(done int64, rows int) {
	if b.first.CompareAndSwap(0, int64(rows)+1) {
		b.start.Store(time.Now().UnixNano())
	}
	b.rows.Store(int64(rows))
	b.bar.SetCurrent(done)
}

func (b *termBar) Finish(ok bool) {
	if ok {
		b.bar.SetTotal(-1, true)
		return
	}
	b.bar.Abort(false)
}

func (b *termBar) rowsText() string {
	rows := b.rows.Load()
	first := max(b.first.Load()-1, 0)
	since := time.Since(time.Unix(0, b.start.Load())).Seconds()
	rate := float64(rows-first) / max(since, 1e-3)
	return fmt.Sprintf("%d rows, %.0f rows/s", rows, rate)
}
