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
	b := &termBar{start: time.Now()}
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
	start time.Time
	rows  atomic.Int64
}

func (b *termBar) Update(done int64, rows int) {
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
	rate := float64(rows) / max(time.Since(b.start).Seconds(), 1e-3)
	return fmt.Sprintf("%d rows, %.0f rows/s", rows, rate)
}
