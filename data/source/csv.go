package source

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"unicode/utf8"
)

// sniffBytes is how much of a text file is inspected for its encoding,
// delimiter and binary content.
const sniffBytes = 64 << 10

func openCSV(name string, r io.Reader, size int64, opts Options) (*Table, error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, sniffBytes)
	head, _ := br.Peek(sniffBytes)
	text, err := decode(name, head, br)
	if err != nil {
		return nil, err
	}
	tr := bufio.NewReaderSize(&crToLF{r: text.r}, sniffBytes)
	peek, _ := tr.Peek(sniffBytes)
	p := newCSVParser(tr, sniffDelimiter(peek), csvLimits{cell: opts.MaxCellBytes, row: opts.MaxRowBytes, cols: opts.MaxColumns})
	// The parser runs on its own goroutine, ahead of the caller: the
	// encoding guard may therefore switch while earlier rows are still
	// to be yielded, so the switch is recorded and shown by Next.
	var switched atomic.Bool
	if g := text.guard; g != nil {
		g.onSwitch = func() { switched.Store(true) }
	}
	pf := newPrefetcher(csvRows(name, p), opts.Progress, func() (int64, int64) { return cr.n.Load(), size })
	t, err := newTable(name, "", text.enc, pf.next, pf.stop, opts)
	if err != nil {
		pf.stop()
		return nil, err
	}
	if text.guard != nil {
		next := t.next
		t.next = func() (Row, error) {
			r, err := next()
			if t.Encoding != "windows-1252" && switched.Load() {
				t.Encoding = "windows-1252"
			}
			return r, err
		}
	}
	return t, nil
}

// countingReader counts the bytes read, for progress reports.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// sniffDelimiter picks the most frequent of , ; tab | outside quotes in the
// first line; comma when none appears.
func sniffDelimiter(b []byte) byte {
	counts := map[byte]int{}
	inQuote := false
	for _, c := range b {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' {
			break
		}
		switch c {
		case ',', ';', '\t', '|':
			counts[c]++
		}
	}
	best, bestN := byte(','), 0
	for _, c := range []byte{',', ';', '\t', '|'} {
		if counts[c] > bestN {
			best, bestN = c, counts[c]
		}
	}
	return best
}

// maxBadRows is how many unreadable rows are tolerated before a file that
// is mostly unreadable is refused as not being CSV at all.
const maxBadRows = 100

func csvRows(name string, p *csvParser) rawReader {
	good, bad := 0, 0
	var fatal error
	return func() (Row, error) {
		if fatal != nil {
			return Row{}, fatal
		}
		rec, line, err := p.read()
		var ce *csvError
		switch {
		case errors.Is(err, io.EOF):
			return Row{}, io.EOF
		case errors.As(err, &ce):
			bad++
			if bad > maxBadRows && bad > good {
				fatal = fmt.Errorf("%s: %w: %d of the first %d rows are unreadable; is this really a CSV file? last: %v",
					name, ErrUnsupported, bad, bad+good, ce)
				return Row{}, fatal
			}
			return Row{}, &RowError{Num: ce.Line, Err: ce.Err}
		case err != nil:
			fatal = fmt.Errorf("read %s: %w", name, err)
			return Row{}, fatal
		}
		for i, c := range rec {
			if !utf8.ValidString(c) {
				bad++
				return Row{}, &RowError{Num: line, Err: fmt.Errorf(
					"cell %d is not valid UTF-8: the file mixes text encodings; save it again as UTF-8", i+1)}
			}
		}
		good++
		return Row{Num: line, Cells: rec}, nil
	}
}
