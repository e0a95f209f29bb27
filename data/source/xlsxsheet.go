package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// sheetReader streams one worksheet's XML and yields its rows as excelize's
// Rows/Columns with RawCellValue would (tests compare the two cell by cell
// on every workbook of the corpus), several times faster: a small
// hand-written tokenizer that understands only what a sheet holds, shared
// strings looked up in a table read once, and inflating on a goroutine of
// its own. Memory is bounded by one row: a cell or row over its limit is
// counted, not stored.
type sheetReader struct {
	file, sheet, part string
	sst               []string
	opts              Options

	in     *inflater
	buf    []byte
	pos    int
	eof    bool
	order  cellOrder
	closed bool   // </sheetData> seen: no more rows
	root   string // the document element (worksheet, chartsheet…)
	ended  bool   // its end tag seen

	// the row being read
	cells  []cellRef
	rowBuf []byte
	rowLen int // bytes of cell text, stored or not
	rowErr error
	inRow  bool

	// the cell being read
	cell cellState
}

type cellRef struct {
	sst        string
	start, end int
	fromSST    bool
}

type cellState struct {
	active   bool
	col      int
	typ      string
	hasF     bool
	v        []byte
	hasIS    bool
	isT      []byte
	runs     [][]byte
	stack    []string // elements open inside the cell
	collect  *[]byte  // where text goes, nil when it is not kept
	textLen  int      // bytes of text seen for collect
	overflow bool
}

// maxTagBytes bounds one tag (element name and attributes) of sheet XML.
const maxSheetTag = 1 << 20

func newSheetReader(file, sheet, part string, zf *zip.File, sst []string, opts Options, checkBytes bool) (*sheetReader, error) {
	in, err := newInflater(zf, checkBytes)
	if err != nil {
		return nil, err
	}
	return &sheetReader{file: file, sheet: sheet, part: part, sst: sst, opts: opts, in: in}, nil
}

func (s *sheetReader) close() { s.in.stop() }

// damaged wraps an error found while streaming in the message checkZip
// gives for the same problem at open.
func (s *sheetReader) damaged(err error) error {
	return fmt.Errorf("%s: %w: part %s of the workbook is damaged (%v); "+
		"open it in Excel and save it again, or export it as CSV", s.file, ErrUnsupported, s.part, err)
}

// next has the contract of rawReader.
func (s *sheetReader) next() (Row, error) {
	if err := s.advance(); err != nil {
		return Row{}, err
	}
	row := s.row()
	return row, s.rowError(row.Num)
}

// advance reads on to the end of the next row worth yielding; it returns
// io.EOF after the last, or the error that ends the sheet.
func (s *sheetReader) advance() error {
	for {
		if s.closed && s.eof {
			if !s.ended {
				return s.damaged(errors.New("the sheet XML is cut short (no closing " + s.rootName() + " tag)"))
			}
			return io.EOF
		}
		done, err := s.step()
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// rowInto appends the row just read to a batch: its cells' text to the
// batch's text, as the CSV reader does, so a batch of rows costs two
// allocations rather than two per row.
func (s *sheetReader) rowInto(b *rowBatch) {
	if s.rowErr != nil {
		b.res = append(b.res, rowResult{err: &RowError{Num: s.order.row, Err: s.rowErr}})
		return
	}
	first := len(b.bounds) / 2
	for _, c := range s.cells {
		start := len(b.text)
		if c.fromSST {
			b.text = append(b.text, c.sst...)
		} else {
			b.text = append(b.text, s.rowBuf[c.start:c.end]...)
		}
		b.bounds = append(b.bounds, start, len(b.text))
	}
	b.rows = append(b.rows, pendingRow{res: len(b.res), first: first, n: len(s.cells)})
	b.res = append(b.res, rowResult{row: Row{Num: s.order.row}})
}

// sheetFiller fills batches from the sheet reader.
func sheetFiller(s *sheetReader, lazy bool) filler {
	return func(b *rowBatch) bool {
		defer b.materialize(lazy)
		for len(b.res) < batchRows && len(b.text) < batchBytes {
			if err := s.advance(); err != nil {
				b.res = append(b.res, rowResult{err: err})
				return true
			}
			s.rowInto(b)
		}
		return false
	}
}

func (s *sheetReader) rootName() string {
	if s.root == "" {
		return "worksheet"
	}
	return s.root
}

func (s *sheetReader) rowError(num int) error {
	if s.rowErr != nil {
		return &RowError{Num: num, Err: s.rowErr}
	}
	return nil
}

// step reads one token; done is true when it ended a row worth yielding.
func (s *sheetReader) step() (bool, error) {
	rest := s.buf[s.pos:]
	i := bytes.IndexByte(rest, '<')
	if i < 0 {
		s.pos += s.text(rest, true)
		if err := s.fill(); err != nil {
			return false, err
		}
		if s.eof && s.pos == len(s.buf) {
			s.closed = true
		}
		return false, nil
	}
	if i > 0 {
		s.pos += s.text(rest[:i], false)
		return false, nil
	}
	if n, err := s.fastCell(rest); n > 0 || err != nil {
		s.pos += n
		return false, err
	}
	end := tagEnd(rest)
	if end < 0 {
		if len(rest) > maxSheetTag {
			return false, s.damaged(fmt.Errorf("a tag of the sheet XML is over %d bytes", maxSheetTag))
		}
		if s.eof {
			s.closed, s.pos = true, len(s.buf)
			return false, nil
		}
		return false, s.fill()
	}
	tag := rest[1:end]
	s.pos += end + 1
	return s.tag(tag)
}

// fill reads the next block of inflated XML.
func (s *sheetReader) fill() error {
	if s.eof {
		return nil
	}
	s.buf = append(s.buf[:0], s.buf[s.pos:]...)
	s.pos = 0
	b, err := s.in.next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			s.eof = true
			return nil
		}
		return s.damaged(err)
	}
	s.buf = append(s.buf, b...)
	s.in.recycle(b)
	return nil
}

func (s *sheetReader) tag(tag []byte) (bool, error) {
	if len(tag) == 0 {
		return false, nil
	}
	switch tag[0] {
	case '?':
		return false, nil
	case '!':
		if bytes.HasPrefix(tag, []byte("![CDATA[")) {
			s.cdata(tag[8 : len(tag)-2])
		}
		return false, nil
	case '/':
		name, _ := localName(tag[1:])
		return s.endTag(name)
	}
	selfClosing := tag[len(tag)-1] == '/'
	name, attrs := localName(tag)
	if err := s.startTag(name, attrs); err != nil {
		return false, err
	}
	if selfClosing {
		return s.endTag(name)
	}
	if s.cell.active && len(s.cell.stack) == 0 {
		s.quickCell()
	}
	return false, nil
}

func (s *sheetReader) startTag(name, attrs []byte) error {
	c := &s.cell
	if c.active {
		s.cellStart(elemName(name))
		return nil
	}
	if s.root == "" {
		s.root = string(name)
	}
	if s.closed {
		return nil
	}
	switch string(name) {
	case "row":
		r, _, _ := cellAttrs(attrs)
		s.order.startRow(string(r))
		if s.order.problem != "" {
			return s.damaged(errors.New(s.order.problem))
		}
		s.inRow, s.cells, s.rowBuf, s.rowLen, s.rowErr = true, s.cells[:0], s.rowBuf[:0], 0, nil
	case "c":
		r, st, t := cellAttrs(attrs)
		if len(st) > 0 && !digits(st) {
			return s.damaged(fmt.Errorf("cell style %q is not valid", st))
		}
		s.order.startCellBytes(r)
		if s.order.problem != "" {
			return s.damaged(errors.New(s.order.problem))
		}
		// Field by field: assigning a whole cellState per cell costs
		// write barriers on its slices.
		c.active, c.col, c.typ, c.hasF, c.hasIS = true, s.order.col, cellType(t), false, false
		c.v, c.isT = c.v[:0], c.isT[:0]
		if len(c.runs) > 0 {
			c.runs = c.runs[:0]
		}
		if len(c.stack) > 0 {
			c.stack = c.stack[:0]
		}
		c.collect, c.textLen, c.overflow = nil, 0, false
	}
	return nil
}

func (s *sheetReader) endTag(name []byte) (bool, error) {
	c := &s.cell
	if c.active {
		if len(c.stack) == 0 {
			if string(name) == "c" {
				s.endCell()
			}
			return false, nil
		}
		c.stack = c.stack[:len(c.stack)-1]
		c.collect = c.collectFor()
		return false, nil
	}
	switch string(name) {
	case "row":
		if !s.inRow || s.closed {
			return false, nil
		}
		s.inRow = false
		if len(s.cells) == 0 && s.rowErr == nil {
			return false, nil // excelize yields no cells for it; empty rows are skipped anyway
		}
		return true, nil
	case "sheetData":
		s.closed = true
	case s.root:
		s.ended = true
	}
	return false, nil
}
