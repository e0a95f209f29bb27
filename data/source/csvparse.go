package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// csvParser reads CSV records from LF-terminated text. It accepts what
// encoding/csv accepts (FieldsPerRecord -1, strict quotes, no comments) and
// splits records the same way, including where it resumes after a broken
// quote, so line numbers agree with it; the differential fuzz test holds
// it to that. It exists because encoding/csv holds a whole record in
// memory: one unclosed quote in a large file would be read in full. Here
// a cell, row or column count over its limit is skipped over, not stored,
// and the record is reported as an error.
type csvParser struct {
	r     *bufio.Reader
	comma byte
	lineN int // lines consumed so far
	lim   csvLimits

	buf    []byte // content of the current record
	line   []byte // or, after fast, the line itself (valid until the next read)
	starts []int  // start offset of each field in buf
	ends   []int  // end offset of each field in buf
	rec    csvRecordState
}

type csvLimits struct{ cell, row, cols int }

// csvRecordState is the parse state of the record being read.
type csvRecordState struct {
	st     int
	start  int   // line the record starts on; 0 before its first byte
	cellN  int   // content bytes in the current field, stored or not
	cellAt int   // offset in buf where the current field starts
	synErr error // a quoting error: the rest of the line is skipped
	limErr error // a limit was hit: the record is read to its end, then refused
}

const (
	stFieldStart = iota
	stUnquoted
	stQuoted
	stQuote    // a quote inside a quoted field: its end, or the first of ""
	stSkipLine // after a quoting error, encoding/csv drops the rest of the line
)

// csvError is a record that could not be read. Line is where it starts.
type csvError struct {
	Line int
	Err  error
}

func (e *csvError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func newCSVParser(r io.Reader, comma byte, lim csvLimits) *csvParser {
	return &csvParser{r: bufio.NewReaderSize(r, sniffBytes), comma: comma, lim: lim}
}

// read returns the next record and the line it starts on, a *csvError for
// a record that cannot be read, or io.EOF.
func (p *csvParser) read() ([]string, int, error) {
	line, err := p.next()
	if err != nil {
		return nil, line, err
	}
	return p.record(), line, nil
}

// next parses the next record into buf, starts and ends and returns the
// line it starts on, a *csvError for a record that cannot be read, or
// io.EOF.
func (p *csvParser) next() (int, error) {
	p.buf, p.line, p.starts, p.ends = p.buf[:0], nil, p.starts[:0], p.ends[:0]
	p.rec = csvRecordState{}
	for {
		chunk, err := p.r.ReadSlice('\n')
		if err == nil && p.rec.start == 0 && p.fast(chunk) {
			if p.rec.start != 0 {
				return p.finish()
			}
			continue // an empty line
		}
		for i := 0; i < len(chunk); {
			if n := p.run(chunk[i:]); n > 0 {
				i += n
				continue
			}
			if p.step(chunk[i]) {
				return p.finish()
			}
			i++
		}
		switch {
		case errors.Is(err, io.EOF):
			return p.atEOF()
		case err != nil && !errors.Is(err, bufio.ErrBufferFull):
			return 0, err
		}
	}
}

// fast takes a whole line that starts a record and has no quote — nearly
// every line of a large export — in one pass, and reports whether it did.
// It splits exactly as step would; lines that could hit a limit other
// than the column count are left to step, so errors stay the same.
func (p *csvParser) fast(chunk []byte) bool {
	line := chunk[:len(chunk)-1]
	if len(line) == 0 {
		p.lineN++
		return true
	}
	if len(line) > p.lim.cell || len(line) > p.lim.row || bytes.IndexByte(line, '"') >= 0 {
		return false
	}
	p.lineN++
	p.rec.start = p.lineN
	p.line = line // no copy: the caller takes it before the next read
	// Locals, not fields: the appends stay in registers.
	comma, start, starts, ends := p.comma, 0, p.starts, p.ends
	for i, c := range line {
		if c == comma {
			starts = append(starts, start)
			ends = append(ends, i)
			start = i + 1
		}
	}
	p.starts, p.ends = append(starts, start), append(ends, len(line))
	if len(p.ends) > p.lim.cols {
		p.rec.limErr = fmt.Errorf("the row has more than %d cells", p.lim.cols)
	}
	return true
}

// run consumes, in one go, the stretch at the start of b that needs no
// decision (plain cell content, or a line being skipped) and returns its
// length; step then handles the byte that ends it.
func (p *csvParser) run(b []byte) int {
	n := 0
	switch p.rec.st {
	case stQuoted:
		if n = bytes.IndexByte(b, '"'); n < 0 {
			n = len(b)
		}
		p.lineN += bytes.Count(b[:n], []byte{'\n'})
		p.addRun(b[:n])
	case stUnquoted:
		for n < len(b) && b[n] != p.comma && b[n] != '\n' && b[n] != '"' {
			n++
		}
		p.addRun(b[:n])
	case stSkipLine:
		if n = bytes.IndexByte(b, '\n'); n < 0 {
			n = len(b)
		}
	}
	return n
}

// step consumes one byte and reports whether it ended the record.
func (p *csvParser) step(c byte) bool {
	s := &p.rec
	if c == '\n' {
		p.lineN++
		if s.start == 0 {
			return false // encoding/csv skips empty lines
		}
	} else if s.start == 0 {
		s.start = p.lineN + 1
	}
	switch s.st {
	case stFieldStart, stUnquoted:
		switch {
		case c == p.comma:
			p.endField()
			s.st = stFieldStart
		case c == '\n':
			p.endField()
			return true
		case c == '"' && s.st == stFieldStart:
			s.st = stQuoted
		case c == '"':
			s.synErr, s.st = csv.ErrBareQuote, stSkipLine
		default:
			p.add(c)
			s.st = stUnquoted
		}
	case stQuoted:
		if c == '"' {
			s.st = stQuote
		} else {
			p.add(c)
		}
	case stQuote:
		switch c {
		case '"':
			p.add('"')
			s.st = stQuoted
		case p.comma:
			p.endField()
			s.st = stFieldStart
		case '\n':
			p.endField()
			return true
		default:
			s.synErr, s.st = csv.ErrQuote, stSkipLine
		}
	case stSkipLine:
		return c == '\n'
	}
	return false
}

func (p *csvParser) atEOF() (int, error) {
	switch p.rec.st {
	case stFieldStart:
		if p.rec.start == 0 {
			return 0, io.EOF
		}
		p.endField() // a trailing delimiter: one more empty field
	case stUnquoted, stQuote:
		p.endField()
	case stQuoted:
		if p.rec.limErr == nil {
			p.rec.synErr = csv.ErrQuote
		}
	}
	return p.finish()
}

func (p *csvParser) add(c byte) { p.addRun([]byte{c}) }

// addRun adds content to the current cell; past a limit it only counts.
func (p *csvParser) addRun(b []byte) {
	s := &p.rec
	s.cellN += len(b)
	switch {
	case s.limErr != nil:
	case s.cellN > p.lim.cell:
		s.limErr = errCellLimit
	case len(p.buf)+len(b) > p.lim.row:
		s.limErr = fmt.Errorf("the row is over the %d-byte limit", p.lim.row)
	default:
		p.buf = append(p.buf, b...)
	}
}

var errCellLimit = errors.New("cell over the limit")

func (p *csvParser) endField() {
	s := &p.rec
	if errors.Is(s.limErr, errCellLimit) {
		s.limErr = fmt.Errorf("a cell of %d bytes is over the %d-byte limit (if it should not be that long, look for an unclosed quote)",
			s.cellN, p.lim.cell)
	}
	s.cellN = 0
	if s.limErr != nil {
		return
	}
	if len(p.ends) >= p.lim.cols {
		s.limErr = fmt.Errorf("the row has more than %d cells", p.lim.cols)
		return
	}
	p.starts = append(p.starts, s.cellAt)
	p.ends = append(p.ends, len(p.buf))
	s.cellAt = len(p.buf)
}

func (p *csvParser) finish() (int, error) {
	s := &p.rec
	if errors.Is(s.limErr, errCellLimit) {
		p.endField() // an unclosed quote at EOF: report the size seen
	}
	if s.synErr != nil {
		return s.start, &csvError{Line: s.start, Err: s.synErr}
	}
	if s.limErr != nil {
		return s.start, &csvError{Line: s.start, Err: s.limErr}
	}
	return s.start, nil
}

// bytes is the content of the record just parsed, which starts and ends
// index: the line itself after the fast path, buf otherwise.
func (p *csvParser) bytes() []byte {
	if p.line != nil {
		return p.line
	}
	return p.buf
}

// record returns the cells of the record just parsed. One string per
// record: fewer allocations, and the cells share it.
func (p *csvParser) record() []string {
	str := string(p.bytes())
	out := make([]string, len(p.ends))
	for i, end := range p.ends {
		out[i] = str[p.starts[i]:end]
	}
	return out
}
