package source

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// csvOrigin is what a CSV table keeps so that Parallel can read it again
// from a byte offset.
type csvOrigin struct {
	name     string
	src      io.ReaderAt
	size     int64
	bom      int64 // bytes of byte-order mark
	comma    byte
	guard    *asciiGuard // nil when the encoding was decided at open
	stop     func()      // stops the prefetcher
	lim      csvLimits
	progress func(done, total int64, rows int)
}

// encState is how text after an offset is decoded.
type encState int

const (
	encUndecided encState = iota // ASCII so far: the first other byte decides
	encUTF8
	encCP1252
)

// blockBytes is how much of the file one Part covers (a whole number of
// lines). A variable so tests can make many small parts.
var blockBytes = 1 << 20

// testBlocksEnv is a test hook for packages that read through this one:
// set to a number of bytes, blocks are that long, and each buffer is
// overwritten as soon as its part is merged, so a string wrongly kept
// from a row (buffers are reused) shows as garbage at once instead of
// changing some time later.
const testBlocksEnv = "NEEDSMAP_TEST_BLOCK_BYTES"

// blockSize returns the block length and whether merged blocks are
// poisoned.
func blockSize() (int, bool) {
	if n, err := strconv.Atoi(os.Getenv(testBlocksEnv)); err == nil && n > 0 {
		return n, true
	}
	return blockBytes, poisonBlocks
}

// poisonBlocks does what testBlocksEnv does for this package's tests.
var poisonBlocks = false

// ParallelRows is the rest of a CSV table, to be read on several
// goroutines by Run.
type ParallelRows struct {
	t    *Table
	o    *csvOrigin
	off  int64 // where the rest starts
	line int   // its first line
	good int   // records before it, for the unreadable-file rule
	enc  encState
	rows atomic.Int64

	block  int  // bytes per block
	poison bool // overwrite merged blocks (a test hook)
}

// Parallel prepares the data rows after the last one Next returned (or
// after the header) to be read by ParallelRows.Run, and reports whether
// it could. Only CSV files in UTF-8 (or plain ASCII) whose rows so far
// are single lines without quotes qualify; for any other table it
// returns false and the table reads on with Next as before. After it
// returns true, call Run instead of Next; Close the table as usual.
func (t *Table) Parallel() (*ParallelRows, bool) {
	o := t.origin
	if o == nil || t.closed || t.next == nil || t.Sheet != "" || t.encSwitch != nil && t.encSwitch.Load() ||
		t.Encoding != "utf-8" && t.Encoding != "utf-8-bom" {
		return nil, false
	}
	off, good, ok := o.skipLines(max(t.last, t.HeaderRow))
	if !ok {
		return nil, false
	}
	// Stopping the read-ahead makes the guard's state safe to read.
	o.stop()
	t.next = func() (Row, error) { return Row{}, errPrefetchStopped }
	pr := &ParallelRows{t: t, o: o, off: off, line: max(t.last, t.HeaderRow) + 1, good: good, enc: encUTF8}
	pr.block, pr.poison = blockSize()
	if g := o.guard; g != nil {
		switch {
		case g.switched:
			pr.enc = encCP1252
		case g.decided == nil:
			pr.enc = encUndecided
		}
	}
	return pr, true
}

// skipLines finds the offset after the first n lines and counts the
// records among them. The lines must be plain: no quote (a quoted cell
// may span lines) and no carriage return but in CRLF.
func (o *csvOrigin) skipLines(n int) (off int64, records int, ok bool) {
	const limit = 1 << 20
	buf := make([]byte, min(o.size-o.bom, limit))
	m, err := o.src.ReadAt(buf, o.bom)
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, 0, false
	}
	buf = buf[:m]
	pos := 0
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(buf[pos:], '\n')
		if j < 0 {
			return 0, 0, false
		}
		line := bytes.TrimSuffix(buf[pos:pos+j], []byte{'\r'})
		if bytes.IndexByte(line, '"') >= 0 || bytes.IndexByte(line, '\r') >= 0 {
			return 0, 0, false
		}
		if len(line) > 0 {
			records++
		}
		pos += j + 1
	}
	return o.bom + int64(pos), records, true
}

// Run reads the rows on workers goroutines. Each Part is a run of
// consecutive rows; work is called with it on a worker goroutine (w
// numbers the worker, 0 ≤ w < workers) and reads it to the end with
// Part.Next. What work returns is passed to merge on the calling
// goroutine, in the order of the parts in the file, so merge sees the
// rows in file order. Rows, row errors and line numbers are exactly
// those Next would give. Parts the quick splitter cannot read exactly
// (a quoted cell over several lines, a broken quote, text that is not
// UTF-8) are read by the ordinary parser, from that line to the end of
// the file, and given to work(0, …) on the calling goroutine, after the
// workers have stopped; what work returned for parts after that point,
// which are read again, is passed to discard instead of merge. A part's
// buffer is reused once its result is merged, so neither work's result
// nor merge may keep a cell uncopied. Run returns merge's first error or
// an error that ends the table.
func (pr *ParallelRows) Run(workers int, work func(w int, p *Part) any, merge func(v any) error, discard func(v any)) error {
	workers = max(workers, 1)
	if pr.enc == encCP1252 {
		return pr.rest(pr.off, pr.line, pr.good, work, merge)
	}
	at, err := pr.runParts(workers, work, merge, discard)
	if err != nil || at == nil {
		return err
	}
	return pr.rest(at.off, at.line, at.good, work, merge)
}

// resume is where the ordinary parser takes over.
type resume struct {
	off        int64
	line, good int
}

// block is a run of whole lines of the file.
type block struct {
	seq  int
	off  int64
	line int
	data []byte
	buf  []byte // all of the buffer data is in
	cut  bool   // a line longer than the block: left to the ordinary parser
}

type partResult struct {
	seq int
	v   any
	p   *Part
}

// runParts reads the file in blocks, hands them to the workers and merges
// their results in order. It returns where the quick splitter stopped, or
// nil when it read the whole file.
func (pr *ParallelRows) runParts(workers int, work func(int, *Part) any, merge func(any) error, discard func(any)) (*resume, error) {
	blocks := make(chan block, workers)
	results := make(chan partResult, workers)
	done := make(chan struct{})
	// Buffers of parts read but not merged: a merged part's buffer is
	// read into again, so a large file costs the collector nothing.
	free := make(chan []byte, workers+2)
	for range workers + 2 {
		free <- nil
	}
	var readErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(blocks)
		readErr = pr.readBlocks(blocks, free, done)
	}()
	var wwg sync.WaitGroup
	for w := range workers {
		wwg.Add(1)
		go func() {
			defer wwg.Done()
			for b := range blocks {
				p := pr.newPart(b)
				v := work(w, p)
				pr.rows.Add(int64(p.rows))
				results <- partResult{seq: b.seq, v: v, p: p} // stop drains it
			}
		}()
	}
	go func() { wwg.Wait(); close(results) }()
	waiting := map[int]partResult{}
	stop := func() {
		close(done)
		for r := range results {
			discard(r.v)
		}
		for _, r := range waiting {
			discard(r.v)
		}
		wg.Wait()
	}
	at, err := pr.mergeParts(results, waiting, free, merge)
	if err != nil || at != nil {
		stop()
		return at, err
	}
	wg.Wait()
	if readErr != nil {
		return nil, fmt.Errorf("read %s: %w", pr.o.name, readErr)
	}
	return nil, nil
}

// mergeParts merges results in part order; it stops at the first part the
// splitter gave up on.
func (pr *ParallelRows) mergeParts(results <-chan partResult, waiting map[int]partResult, free chan<- []byte,
	merge func(any) error) (*resume, error) {
	next, good := 0, pr.good
	for r := range results {
		waiting[r.seq] = r
		for {
			r, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			if err := merge(r.v); err != nil {
				return nil, err
			}
			p := r.p
			p.text = ""
			if pr.poison {
				for i := range p.buf {
					p.buf[i] = '~'
				}
			}
			free <- p.buf
			p.buf = nil
			good += p.records
			if p.sawHigh {
				pr.enc = encUTF8
			}
			if p.stopped {
				return &resume{off: p.off + int64(p.pos), line: p.line, good: good}, nil
			}
		}
	}
	return nil, nil
}

// readBlocks cuts the file after the start into blocks of whole lines.
func (pr *ParallelRows) readBlocks(out chan<- block, free <-chan []byte, done <-chan struct{}) error {
	off, line := pr.off, pr.line
	var carry []byte
	for seq := 0; ; seq++ {
		var buf []byte
		select {
		case buf = <-free:
		case <-done:
			return nil
		}
		if need := max(pr.block, 2*len(carry)); cap(buf) < need {
			buf = make([]byte, need)
		}
		buf = buf[:cap(buf)]
		copy(buf, carry)
		n, err := pr.o.src.ReadAt(buf[len(carry):], off+int64(len(carry)))
		end := len(carry) + n
		atEOF := errors.Is(err, io.EOF) || off+int64(end) >= pr.o.size
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		data, cut := buf[:end], false
		if !atEOF {
			if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
				data = data[:i+1]
			} else {
				cut = true
			}
		}
		if len(data) == 0 {
			return nil
		}
		// The tail is copied before the block is handed over: once merged,
		// the buffer is reused.
		carry = append(carry[:0], buf[len(data):end]...)
		lines := bytes.Count(data, []byte{'\n'})
		select {
		case out <- block{seq: seq, off: off, line: line, data: data, buf: buf, cut: cut}:
		case <-done:
			return nil
		}
		if pr.o.progress != nil {
			pr.o.progress(off+int64(len(data)), pr.o.size, int(pr.rows.Load()))
		}
		off += int64(len(data))
		line += lines
		if cut || atEOF && len(carry) == 0 {
			return nil // after a cut block, the ordinary parser reads on
		}
	}
}

// rest reads from off to the end with the ordinary parser, in parts of
// up to restRows rows.
func (pr *ParallelRows) rest(off int64, line, good int, work func(int, *Part) any, merge func(any) error) error {
	o := pr.o
	sec := &countingReader{r: io.NewSectionReader(o.src, off, o.size-off)}
	var text io.Reader = sec
	switch pr.enc {
	case encUndecided:
		text = &asciiGuard{r: sec, onSwitch: func() { pr.t.Encoding = "windows-1252" }}
	case encCP1252:
		pr.t.Encoding = "windows-1252"
		text = transform.NewReader(sec, charmap.Windows1252.NewDecoder())
	}
	p := newCSVParser(bufio.NewReaderSize(&crToLF{r: text}, sniffBytes), o.comma, o.lim)
	p.lineN = line - 1
	fill := csvFiller(o.name, p, true, good)
	src := &restSource{fill: fill}
	for !src.end {
		part := &Part{rest: src, restLeft: restRows}
		v := work(0, part)
		pr.rows.Add(int64(part.rows))
		if err := merge(v); err != nil {
			return err
		}
		if part.failed != nil {
			return part.failed
		}
		if o.progress != nil {
			o.progress(off+sec.n.Load(), o.size, int(pr.rows.Load()))
		}
	}
	return nil
}

const restRows = 32 << 10

// restSource yields the ordinary parser's rows batch by batch.
type restSource struct {
	fill filler
	b    rowBatch
	i    int
	end  bool // no more batches
}

func (s *restSource) next() (Row, error) {
	for s.i == len(s.b.res) {
		if s.end {
			return Row{}, io.EOF
		}
		s.b = rowBatch{res: make([]rowResult, 0, batchRows)}
		s.i = 0
		s.end = s.fill(&s.b)
	}
	r := s.b.res[s.i]
	s.i++
	return r.row, r.err
}

// Part is a run of consecutive data rows of a table read by
// ParallelRows.Run.
type Part struct {
	// the quick splitter's state
	text    string // the block
	buf     []byte // its buffer, reused once the part is merged
	pos     int    // next byte of text
	off     int64  // file offset of text[0]
	line    int    // line at pos
	comma   byte
	lim     csvLimits
	quotes  bool // the text holds a quote
	crs     bool // … a carriage return
	high    bool // … a byte over 0x7f
	sawHigh bool // a line read has one (so the text is UTF-8)
	bounds  []int
	stopped bool // the splitter gave up at pos
	records int  // records read (empty lines are none)
	rows    int  // rows yielded

	// or the ordinary parser's
	rest     *restSource
	restLeft int
	failed   error // an error that ends the table
}

func (pr *ParallelRows) newPart(b block) *Part {
	text := ""
	if len(b.data) > 0 {
		text = unsafe.String(&b.data[0], len(b.data))
	}
	return &Part{text: text, buf: b.buf, off: b.off, line: b.line, comma: pr.o.comma, lim: pr.o.lim,
		quotes: bytes.IndexByte(b.data, '"') >= 0, crs: bytes.IndexByte(b.data, '\r') >= 0,
		high: firstNonASCII(b.data) >= 0, stopped: b.cut}
}

// Next returns the part's next row, a *RowError in place of a row that
// cannot be read, or io.EOF after its last row. Entirely empty rows are
// skipped, as Table.Next skips them. A row (its Len and Cell) is valid
// until the next call; its cells until the part's result is merged, after
// which the part's buffer is read into again: copy (strings.Clone) what
// is kept longer.
func (p *Part) Next() (Row, error) {
	if p.rest != nil {
		return p.nextRest()
	}
	for !p.stopped && p.pos < len(p.text) {
		r, ok := p.split()
		if !ok {
			p.stopped = true
			break
		}
		if r.bounds == nil {
			continue // an empty line
		}
		p.records++
		if !isEmptyRow(r) {
			p.rows++
			return r, nil
		}
	}
	return Row{}, io.EOF
}

func (p *Part) nextRest() (Row, error) {
	for p.restLeft > 0 {
		r, err := p.rest.next()
		switch {
		case errors.Is(err, io.EOF):
			p.rest.end, p.restLeft = true, 0
			return Row{}, io.EOF
		case err != nil && !isRowError(err):
			p.failed, p.rest.end, p.restLeft = err, true, 0
			return Row{}, io.EOF
		case err != nil:
			p.restLeft--
			return Row{}, err
		case isEmptyRow(r):
			continue
		}
		p.restLeft--
		p.rows++
		return r, nil
	}
	return Row{}, io.EOF
}

// split reads the line at pos. It returns a row with nil bounds for an
// empty line, and false, without moving, for a line it cannot split
// exactly as csvParser would (the ordinary parser then reads on from it).
func (p *Part) split() (Row, bool) {
	rest := p.text[p.pos:]
	n := len(rest)
	adv := n
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		n, adv = i, i+1
	}
	line := rest[:n]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	if p.crs && strings.IndexByte(line, '\r') >= 0 || len(line) > p.lim.cell || len(line) > p.lim.row {
		return Row{}, false
	}
	num := p.line
	if len(line) == 0 {
		p.pos += adv
		p.line++
		return Row{Num: num}, true
	}
	base := p.pos
	var r Row
	var ok bool
	if p.quotes && strings.IndexByte(line, '"') >= 0 {
		r, ok = p.splitQuoted(line, base)
	} else {
		r, ok = p.splitPlain(line, base), true
	}
	if !ok || r.Len() > p.lim.cols {
		return Row{}, false
	}
	if p.high && !asciiString(line) {
		if !validCells(r) {
			return Row{}, false // the ordinary reader reports the row
		}
		p.sawHigh = true
	}
	r.Num = num
	p.pos += adv
	p.line++
	return r, true
}

// splitPlain cuts a line without quotes at each delimiter, eight bytes
// at a time.
func (p *Part) splitPlain(line string, base int) Row {
	b := p.bounds[:0]
	start, i := 0, 0
	if len(line) >= 8 {
		bs := unsafe.Slice(unsafe.StringData(line), len(line)) // read only
		pat := uint64(p.comma) * 0x0101010101010101
		for ; i+8 <= len(bs); i += 8 {
			x := binary.LittleEndian.Uint64(bs[i:i+8:i+8]) ^ pat // one bounds check
			// The high bit of each byte of m is set where x's byte is 0,
			// that is where the line has the delimiter.
			m := ^((x&0x7f7f7f7f7f7f7f7f + 0x7f7f7f7f7f7f7f7f) | x | 0x7f7f7f7f7f7f7f7f)
			for m != 0 {
				j := i + bits.TrailingZeros64(m)/8
				b = append(b, base+start, base+j)
				start = j + 1
				m &= m - 1
			}
		}
	}
	for ; i < len(line); i++ {
		if line[i] == p.comma {
			b = append(b, base+start, base+i)
			start = i + 1
		}
	}
	b = append(b, base+start, base+len(line))
	p.bounds = b
	return Row{text: p.text, bounds: b}
}

// splitQuoted splits a line with quotes as encoding/csv does, when every
// quoted cell closes on the line and no quote is out of place. Cells are
// cut from the part's text unless one holds an escaped quote (""); the
// row then gets a text of its own.
func (p *Part) splitQuoted(line string, base int) (Row, bool) {
	b := p.bounds[:0]
	for i := 0; ; {
		if i < len(line) && line[i] == '"' {
			j := strings.IndexByte(line[i+1:], '"')
			if j < 0 {
				return Row{}, false // the cell goes on past the line
			}
			end := i + 1 + j
			if end+1 < len(line) && line[end+1] == '"' {
				return p.splitEscaped(line)
			}
			b = append(b, base+i+1, base+end)
			i = end + 1
			if i < len(line) && line[i] != p.comma {
				return Row{}, false // text after the closing quote
			}
		} else {
			j := i
			for j < len(line) && line[j] != p.comma {
				if line[j] == '"' {
					return Row{}, false // a quote inside an unquoted cell
				}
				j++
			}
			b = append(b, base+i, base+j)
			i = j
		}
		if i >= len(line) {
			break
		}
		i++ // the delimiter
	}
	p.bounds = b
	return Row{text: p.text, bounds: b}, true
}

// splitEscaped is splitQuoted for a line with an escaped quote.
func (p *Part) splitEscaped(line string) (Row, bool) {
	var text []byte
	b := p.bounds[:0]
	for i := 0; ; {
		start := len(text)
		if i < len(line) && line[i] == '"' {
			i++
			for {
				j := strings.IndexByte(line[i:], '"')
				if j < 0 {
					return Row{}, false
				}
				text = append(text, line[i:i+j]...)
				i += j + 1
				if i < len(line) && line[i] == '"' {
					text = append(text, '"')
					i++
					continue
				}
				break
			}
			if i < len(line) && line[i] != p.comma {
				return Row{}, false
			}
		} else {
			j := i
			for j < len(line) && line[j] != p.comma {
				if line[j] == '"' {
					return Row{}, false
				}
				j++
			}
			text = append(text, line[i:j]...)
			i = j
		}
		b = append(b, start, len(text))
		if i >= len(line) {
			break
		}
		i++ // the delimiter
	}
	p.bounds = b
	return Row{text: string(text), bounds: b}, true
}

// validCells reports whether every cell is valid UTF-8, as the ordinary
// reader requires of each record.
func validCells(r Row) bool {
	for j := range r.Len() {
		if !utf8.ValidString(r.Cell(j)) {
			return false
		}
	}
	return true
}

func asciiString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
