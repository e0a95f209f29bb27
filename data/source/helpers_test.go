package source

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// result is everything a table yields, for comparing in tests.
type result struct {
	rows []Row
	errs []*RowError
	err  error // a fatal error that ended the table
}

func (r result) nums() []int {
	var n []int
	for _, row := range r.rows {
		n = append(n, row.Num)
	}
	return n
}

// drain reads t to the end, going on past row errors as callers do.
func drain(t testing.TB, tb *Table) result {
	t.Helper()
	var res result
	for i := 0; ; i++ {
		if i > 5_000_000 {
			t.Fatal("table does not end")
		}
		row, err := tb.Next()
		var re *RowError
		switch {
		case errors.Is(err, io.EOF):
			return res
		case errors.As(err, &re):
			res.errs = append(res.errs, re)
		case err != nil:
			res.err = err
			return res
		default:
			res.rows = append(res.rows, row)
		}
	}
}

// openBytes opens data as if it were a file of that name.
func openBytes(name string, data []byte, opts Options) ([]*Table, error) {
	return Open(name, bytes.NewReader(data), int64(len(data)), opts)
}

// openOne opens data and expects exactly one table.
func openOne(t testing.TB, name string, data []byte, opts Options) *Table {
	t.Helper()
	tables, err := openBytes(name, data, opts)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	if len(tables) != 1 {
		t.Fatalf("open %s: %d tables, want 1", name, len(tables))
	}
	t.Cleanup(func() { tables[0].Close() })
	return tables[0]
}

// writeTemp writes data into the test's temp folder and returns its path.
func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// allocated returns how many bytes fn allocated on the heap in total: a
// deterministic bound on its peak memory.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
