package pipeline

import (
	"sync"
	"testing"
	"time"
)

type fakeProgress struct {
	mu     sync.Mutex
	bars   []string
	last   int64
	rows   int
	done   bool
	failed bool
}

func (f *fakeProgress) Bar(name string, total int64) Bar {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.bars = append(f.bars, name)
	return f
}

func (f *fakeProgress) Update(done int64, rows int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.last, f.rows = done, rows
}

func (f *fakeProgress) Finish(ok bool) { f.done, f.failed = true, !ok }

// TestTracker: no Progress means the reader is not even asked to report;
// a read gets a bar only once it has run for a while, and the bar ends.
func TestTracker(t *testing.T) {
	if newTracker(nil, "x").update() != nil {
		t.Error("a nil Progress still asks for reports")
	}
	var nilTracker *tracker
	nilTracker.finish(true) // harmless

	f := &fakeProgress{}
	tr := newTracker(f, "survey.csv")
	up := tr.update()
	up(10, 100, 5) // too early for a bar
	tr.start = time.Now().Add(-time.Hour)
	up(50, 100, 25)
	tr.finish(true)
	if len(f.bars) != 1 || f.bars[0] != "survey.csv" || f.last != 50 || f.rows != 25 || !f.done || f.failed {
		t.Errorf("%+v", f)
	}
}
