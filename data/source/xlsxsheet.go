package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

// tagEnd returns the index of the '>' that ends the markup starting at
// b[0] == '<', or -1 when it is not all in b.
func tagEnd(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		if i := bytes.Index(b[4:], []byte("-->")); i >= 0 {
			return 4 + i + 2
		}
		return -1
	case bytes.HasPrefix(b, []byte("<![CDATA[")):
		if i := bytes.Index(b[9:], []byte("]]>")); i >= 0 {
			return 9 + i + 2
		}
		return -1
	}
	i := bytes.IndexByte(b, '>')
	if i < 0 {
		return -1
	}
	// The usual tag: '>' ends it unless it sits inside a quoted value.
	if bytes.Count(b[:i], []byte{'"'})%2 == 0 && bytes.IndexByte(b[:i], '\'') < 0 {
		return i
	}
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// localName returns the element name without its namespace prefix, and
// the attribute text after it.
func localName(tag []byte) ([]byte, []byte) {
	end, colon := len(tag), -1
	for i, c := range tag {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' {
			end = i
			break
		}
		if c == ':' && colon < 0 {
			colon = i
		}
	}
	return tag[colon+1 : end], tag[end:]
}

// cellAttrs finds the r, s and t attributes in the attribute text of a
// start tag in one pass, without allocating; an attribute that is absent
// gives nil. It reads attributes as attr does.
func cellAttrs(text []byte) (r, st, t []byte) {
	for {
		// The usual form, ` k="v"` with a one-letter key, in one step.
		if len(text) >= 4 && text[0] == ' ' && text[2] == '=' && text[3] == '"' {
			if end := bytes.IndexByte(text[4:], '"'); end >= 0 {
				val := text[4 : 4+end]
				switch text[1] {
				case 'r':
					r = val
				case 's':
					st = val
				case 't':
					t = val
				}
				text = text[4+end+1:]
				continue
			}
		}
		i := 0
		for i < len(text) && isSpaceOrSlash(text[i]) {
			i++
		}
		text = text[i:]
		eq := bytes.IndexByte(text, '=')
		if eq < 0 {
			return
		}
		key := text[:eq]
		for len(key) > 0 && isSpace(key[len(key)-1]) {
			key = key[:len(key)-1]
		}
		rest := text[eq+1:]
		j := 0
		for j < len(rest) && isSpace(rest[j]) {
			j++
		}
		rest = rest[j:]
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return
		}
		closing := bytes.IndexByte(rest[1:], rest[0])
		if closing < 0 {
			return
		}
		if len(key) == 1 {
			switch val := rest[1 : 1+closing]; key[0] {
			case 'r':
				r = val
			case 's':
				st = val
			case 't':
				t = val
			}
		}
		text = rest[closing+2:]
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isSpaceOrSlash(c byte) bool { return isSpace(c) || c == '/' }

// elemName returns a cell's child element name as a constant string, so
// the stack of open elements costs no allocation.
func elemName(name []byte) string {
	switch string(name) {
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "t":
		return "t"
	case "r":
		return "r"
	case "rPh":
		return "rPh"
	}
	return "?"
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

var (
	quickV  = [2][]byte{[]byte("<v>"), []byte("</v></c>")}
	quickIS = [2][]byte{[]byte("<is><t>"), []byte("</t></is></c>")}
)

// quickCell reads the rest of a cell at once when it is in one of the two
// forms nearly every writer uses for plain values, <v>x</v></c> and
// <is><t>x</t></is></c>, with no entity or CR in x: the same result as
// going token by token, in one step instead of six.
func (s *sheetReader) quickCell() {
	rest := s.buf[s.pos:]
	c := &s.cell
	for k, form := range [][2][]byte{quickV, quickIS} {
		if !bytes.HasPrefix(rest, form[0]) {
			continue
		}
		body := rest[len(form[0]):]
		i := bytes.IndexByte(body, '<')
		if i < 0 || !bytes.HasPrefix(body[i:], form[1]) || bytes.IndexByte(body[:i], '&') >= 0 ||
			bytes.IndexByte(body[:i], '\r') >= 0 {
			return
		}
		if k == 0 {
			c.collect = &c.v
		} else {
			c.hasIS = true
			c.collect = &c.isT
		}
		s.keep(body[:i])
		c.collect = nil
		s.pos += len(form[0]) + i + len(form[1])
		s.endCell()
		return
	}
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

// digits reports whether b is a style number strconv.Atoi accepts as 0 or
// more (checkZip's test), converting only when it is not plain digits.
func digits(b []byte) bool {
	if len(b) > 0 && len(b) <= 18 {
		all := true
		for _, c := range b {
			all = all && c >= '0' && c <= '9'
		}
		if all {
			return true
		}
	}
	n, err := strconv.Atoi(string(b))
	return err == nil && n >= 0
}

func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "":
		return ""
	}
	return string(t)
}

// cellStart handles an element inside a cell. Like excelize, a <v>, <f> or
// <is> counts at any depth, and text is kept only directly inside <v>, or
// inside <t> directly in <is> or in a run <r> of it.
func (s *sheetReader) cellStart(name string) {
	c := &s.cell
	parent := ""
	if len(c.stack) > 0 {
		parent = c.stack[len(c.stack)-1]
	}
	inValue := c.inValue(len(c.stack))
	c.collect = nil
	switch {
	case !inValue && name == "v":
		c.v = c.v[:0]
		c.collect = &c.v
	case !inValue && name == "f":
		c.hasF = true
	case !inValue && name == "is":
		c.hasIS, c.isT, c.runs = true, c.isT[:0], c.runs[:0]
	case name == "t" && parent == "is":
		c.isT = c.isT[:0]
		c.collect = &c.isT
	case name == "r" && parent == "is":
		c.runs = append(c.runs, nil)
	case name == "t" && parent == "r" && len(c.stack) >= 2 && c.stack[len(c.stack)-2] == "is":
		c.runs[len(c.runs)-1] = c.runs[len(c.runs)-1][:0]
		c.collect = &c.runs[len(c.runs)-1]
	}
	c.textLen = 0
	c.stack = append(c.stack, name)
}

// collectFor is where text goes after a child element closes: back to the
// value or text element that is open again, if any.
func (c *cellState) collectFor() *[]byte {
	n := len(c.stack)
	switch {
	case n == 0:
		return nil
	case c.stack[n-1] == "v" && !c.inValue(n-1):
		return &c.v
	case c.stack[n-1] == "t" && n >= 2 && c.stack[n-2] == "is":
		return &c.isT
	case c.stack[n-1] == "t" && n >= 3 && c.stack[n-2] == "r" && c.stack[n-3] == "is" && len(c.runs) > 0:
		return &c.runs[len(c.runs)-1]
	}
	return nil
}

// inValue reports whether any of the first n open elements is a v, f or
// is: elements inside those are read by excelize as part of them.
func (c *cellState) inValue(n int) bool {
	for _, e := range c.stack[:n] {
		if e == "v" || e == "f" || e == "is" {
			return true
		}
	}
	return false
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

// endCell works out the cell's value as excelize's getValueFrom does with
// raw values, and keeps it when it is not empty or has a formula.
func (s *sheetReader) endCell() {
	c := &s.cell
	c.active = false
	ref := cellRef{}
	var text []byte
	switch c.typ {
	case "s":
		if len(c.v) > 0 {
			i, _ := strconv.Atoi(strings.TrimSpace(string(c.v)))
			if i >= 0 && i < len(s.sst) {
				ref.sst, ref.fromSST = s.sst[i], true
			} else {
				ref.fromSST = true
			}
		}
	case "inlineStr":
		if !c.hasIS {
			text = c.v
			break
		}
		text = c.isT
		if len(c.runs) > 0 {
			text = append([]byte(nil), c.isT...)
			for _, r := range c.runs {
				text = append(text, r...)
			}
		}
		if bytes.Contains(text, []byte("_x")) {
			ref.sst, ref.fromSST = unescapeOOXML(string(text)), true
		}
	default:
		text = c.v
	}
	n := len(text)
	if ref.fromSST {
		n = len(ref.sst)
	}
	if n == 0 && !c.hasF {
		return
	}
	if c.overflow {
		n = max(n, c.textLen)
	}
	s.rowLen += n
	switch {
	case s.rowErr != nil:
	case n > s.opts.MaxCellBytes:
		s.rowErr = fmt.Errorf("a cell of %d bytes is over the %d-byte limit", n, s.opts.MaxCellBytes)
	case s.rowLen > s.opts.MaxRowBytes:
		s.rowErr = fmt.Errorf("the row is over the %d-byte limit", s.opts.MaxRowBytes)
	case c.col > s.opts.MaxColumns:
		s.rowErr = fmt.Errorf("the row has more than %d cells", s.opts.MaxColumns)
	}
	if s.rowErr != nil {
		return
	}
	for len(s.cells) < c.col-1 {
		s.cells = append(s.cells, cellRef{start: len(s.rowBuf), end: len(s.rowBuf)})
	}
	if !ref.fromSST {
		ref.start = len(s.rowBuf)
		s.rowBuf = append(s.rowBuf, text...)
		ref.end = len(s.rowBuf)
	}
	s.cells = append(s.cells, ref)
}

// row turns the cells read into a Row: one string for the row's text.
func (s *sheetReader) row() Row {
	r := Row{Num: s.order.row}
	if s.rowErr != nil {
		return r
	}
	str := string(s.rowBuf)
	r.Cells = make([]string, len(s.cells))
	for i, c := range s.cells {
		if c.fromSST {
			r.Cells[i] = c.sst
		} else {
			r.Cells[i] = str[c.start:c.end]
		}
	}
	return r
}

// text handles character data and returns how much of b it took; partial
// is true when b may continue in the next block, so an entity or a CR cut
// by the block boundary is left for then.
func (s *sheetReader) text(b []byte, partial bool) int {
	cut := len(b)
	if partial {
		if amp := bytes.LastIndexByte(b, '&'); amp >= 0 && bytes.IndexByte(b[amp:], ';') < 0 && len(b)-amp < 16 && !s.eof {
			cut = amp
		}
		if cut > 0 && b[cut-1] == '\r' && !s.eof {
			cut--
		}
	}
	c := &s.cell
	if c.active && c.collect != nil {
		s.keep(decodeText(b[:cut]))
	}
	return cut
}

func (s *sheetReader) cdata(b []byte) {
	c := &s.cell
	if c.active && c.collect != nil {
		s.keep(bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n")))
	}
}

// keep adds text to the cell, up to just over the cell limit: past it the
// text is counted, not stored.
func (s *sheetReader) keep(b []byte) {
	c := &s.cell
	c.textLen += len(b)
	room := s.opts.MaxCellBytes + 1 - len(*c.collect)
	if room < len(b) {
		c.overflow = true
		b = b[:max(room, 0)]
	}
	*c.collect = append(*c.collect, b...)
}

var entities = map[string]byte{"lt": '<', "gt": '>', "amp": '&', "quot": '"', "apos": '\''}

// decodeText resolves entities and turns CRLF and lone CR into LF, as
// encoding/xml does. An entity it does not know is kept as written.
func decodeText(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '\r':
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case '&':
			semi := bytes.IndexByte(b[i:], ';')
			if semi < 0 {
				out = append(out, c)
				continue
			}
			name := string(b[i+1 : i+semi])
			if r, ok := charRef(name); ok {
				out = append(out, string(r)...)
				i += semi
				continue
			}
			if e, ok := entities[name]; ok {
				out = append(out, e)
				i += semi
				continue
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

func charRef(name string) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if name[1] == 'x' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || n > 0x10FFFF {
		return 0, false
	}
	return rune(n), true
}

// inflater inflates a zip part on its own goroutine, a block ahead of the
// tokenizer. With checkBytes it also checks what checkZip checks for parts
// it did not inflate at open: UTF-8 and control bytes (CRC and truncation
// are checked by archive/zip and the reader).
type inflater struct {
	ch   chan inflated
	free chan []byte
	done chan struct{}
	wg   sync.WaitGroup
	rc   io.ReadCloser
	n    atomic.Int64 // bytes inflated
}

type inflated struct {
	b   []byte
	err error
}

const inflateBlock = 256 << 10

func newInflater(zf *zip.File, checkBytes bool) (*inflater, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	in := &inflater{ch: make(chan inflated, 4), free: make(chan []byte, 6), done: make(chan struct{}), rc: rc}
	in.wg.Add(1)
	go in.run(checkBytes)
	return in, nil
}

func (in *inflater) run(checkBytes bool) {
	defer in.wg.Done()
	defer close(in.ch)
	var check *xmlCheck
	if checkBytes {
		check = &xmlCheck{noOrder: true}
	}
	for {
		var b []byte
		select {
		case b = <-in.free:
		default:
			b = make([]byte, inflateBlock)
		}
		n, err := io.ReadFull(in.rc, b[:inflateBlock])
		b = b[:n]
		in.n.Add(int64(n))
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		if check != nil && n > 0 {
			check.Write(b)
			if check.problem != "" {
				err = errors.New(check.problem)
			}
		}
		if err == nil || (errors.Is(err, io.EOF) && n > 0) {
			if !in.send(inflated{b: b}) {
				return
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) && check != nil && len(check.carry) > 0 && !check.other {
				err = errors.New("the sheet XML ends inside a character")
			}
			in.send(inflated{err: err})
			return
		}
	}
}

func (in *inflater) send(x inflated) bool {
	select {
	case in.ch <- x:
		return true
	case <-in.done:
		return false
	}
}

func (in *inflater) next() ([]byte, error) {
	x, ok := <-in.ch
	if !ok {
		return nil, io.EOF
	}
	return x.b, x.err
}

func (in *inflater) recycle(b []byte) {
	select {
	case in.free <- b[:cap(b)]:
	default:
	}
}

func (in *inflater) stop() {
	select {
	case <-in.done:
	default:
		close(in.done)
	}
	in.wg.Wait()
	in.rc.Close()
}
