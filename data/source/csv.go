package source

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
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
	pf := newPrefetcher(csvFiller(name, p, opts.LazyCells, 0), opts.Progress, func() (int64, int64) { return cr.n.Load(), size })
	t, err := newTable(name, "", text.enc, pf.next, pf.stop, opts)
	if err != nil {
		pf.stop()
		return nil, err
	}
	if text.guard != nil {
		t.encSwitch = &switched
	}
	if ra, ok := r.(io.ReaderAt); ok {
		t.origin = &csvOrigin{name: name, src: ra, size: size, comma: p.comma, guard: text.guard, stop: pf.stop,
			lim: p.lim, progress: opts.Progress}
		if text.enc == "utf-8-bom" {
			t.origin.bom = 3
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

// csvFiller parses records into batches. A record's cells become
// substrings of one string per batch. More than maxBadRows unreadable rows,
// and more bad than good, refuse the file as not CSV at all; good starts
// at the records read before p's first.
func csvFiller(name string, p *csvParser, lazy bool, good int) filler {
	bad := 0
	return func(b *rowBatch) bool {
		defer b.materialize(lazy)
		for len(b.res) < batchRows && len(b.text) < batchBytes {
			line, err := p.next()
			var ce *csvError
			switch {
			case errors.Is(err, io.EOF):
				b.res = append(b.res, rowResult{err: io.EOF})
				return true
			case errors.As(err, &ce):
				bad++
				if bad > maxBadRows && bad > good {
					b.res = append(b.res, rowResult{err: fmt.Errorf("%s: %w: %d of the first %d rows are unreadable; is this really a CSV file? last: %v",
						name, ErrUnsupported, bad, bad+good, ce)})
					return true
				}
				b.res = append(b.res, rowResult{err: &RowError{Num: ce.Line, Err: ce.Err}})
				continue
			case err != nil:
				b.res = append(b.res, rowResult{err: fmt.Errorf("read %s: %w", name, err)})
				return true
			}
			rec := p.bytes()
			if !asciiOnly(rec) && p.badCell() >= 0 {
				bad++
				b.res = append(b.res, rowResult{err: &RowError{Num: line, Err: fmt.Errorf(
					"cell %d is not valid UTF-8: the file mixes text encodings; save it again as UTF-8", p.badCell()+1)}})
				continue
			}
			good++
			base := len(b.text)
			b.text = append(b.text, rec...)
			b.rows = append(b.rows, pendingRow{res: len(b.res), first: len(b.bounds) / 2, n: len(p.ends)})
			bounds, starts := b.bounds, p.starts[:len(p.ends)]
			for i, end := range p.ends {
				bounds = append(bounds, base+starts[i], base+end)
			}
			b.bounds = bounds
			b.res = append(b.res, rowResult{row: Row{Num: line}})
		}
		return false
	}
}

// badCell is the index of the first cell of the record that is not valid
// UTF-8, or -1. Cells are checked one by one: two halves of a character
// in neighbouring cells are still two bad cells.
func (p *csvParser) badCell() int {
	for i, end := range p.ends {
		if !utf8.Valid(p.bytes()[p.starts[i]:end]) {
			return i
		}
	}
	return -1
}

// asciiOnly reports whether b is plain ASCII, eight bytes at a time.
func asciiOnly(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// materialize turns the batch's pending rows into cells: one string for
// the text, one slice for all cells, each row a capped window of it. Lazy
// rows get the text and a copy of their bounds (the batch's are reused).
func (b *rowBatch) materialize(lazy bool) {
	if len(b.rows) == 0 {
		return
	}
	text := string(b.text)
	if lazy {
		bounds := slices.Clone(b.bounds)
		for _, r := range b.rows {
			row := &b.res[r.res].row
			row.text, row.bounds = text, bounds[2*r.first:2*(r.first+r.n):2*(r.first+r.n)]
		}
		return
	}
	cells := make([]string, len(b.bounds)/2)
	for i := range cells {
		cells[i] = text[b.bounds[2*i]:b.bounds[2*i+1]]
	}
	for _, r := range b.rows {
		b.res[r.res].row.Cells = cells[r.first : r.first+r.n : r.first+r.n]
	}
}
