package pipeline

import (
	"sync"
	"time"
)

// Progress shows how far long reads have got. The command line draws bars
// on a terminal; tests and non-terminals get nothing (a nil Progress).
type Progress interface {
	// Bar starts a bar for reading name, total bytes long.
	Bar(name string, total int64) Bar
}

// Bar is one read in progress. Update may be called from any goroutine.
type Bar interface {
	Update(done int64, rows int)
	// Finish ends the bar; ok is false when the read failed.
	Finish(ok bool)
}

// progressDelay is how long a read runs before it gets a bar: a small
// file never shows one.
const progressDelay = 400 * time.Millisecond

// tracker turns source.Options.Progress calls into a bar, made only once
// a read has run for progressDelay.
type tracker struct {
	p     Progress
	name  string
	start time.Time
	mu    sync.Mutex
	bar   Bar
	last  int64
	rows  int
}

func newTracker(p Progress, name string) *tracker {
	return &tracker{p: p, name: name, start: time.Now()}
}

// update has the signature of source.Options.Progress; nil when there is
// no Progress, so the reader does not even ask.
func (t *tracker) update() func(done, total int64, rows int) {
	if t == nil || t.p == nil {
		return nil
	}
	return func(done, total int64, rows int) {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.last, t.rows = done, rows
		if t.bar == nil {
			if time.Since(t.start) < progressDelay {
				return
			}
			t.bar = t.p.Bar(t.name, total)
		}
		t.bar.Update(done, rows)
	}
}

func (t *tracker) finish(ok bool) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.bar != nil {
		t.bar.Finish(ok)
	}
}
