package source

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// How sheetReader works out a cell's value, as excelize does.

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

var (
	fastV     = []byte("<v>")
	fastVEnd  = []byte("</v></c>")
	fastIS    = []byte("<is><t>")
	fastISEnd = []byte("</t></is></c>")
	fastEnd   = []byte("</c>")
)

// fastCell reads a whole cell, b starting at its '<', when it has the form
// nearly every writer uses: a <c> tag with only r, s and t attributes,
// double-quoted, and a body that is empty or a plain <v>x</v> or
// <is><t>x</t></is> with no entity or CR in x. It returns the bytes it
// took, or 0 to let the tokenizer go token by token; it changes nothing
// unless the whole cell matched, and then does what the token path does.
func (s *sheetReader) fastCell(b []byte) (int, error) {
	if len(b) < 4 || b[1] != 'c' || b[2] != ' ' || s.cell.active || s.closed || !s.inRow {
		return 0, nil
	}
	var r, st, t []byte
	i, selfClosing := 3, false
	for open := true; open; {
		if i >= len(b) {
			return 0, nil
		}
		switch b[i] {
		case ' ':
			i++
			continue
		case '>':
			i++
			open = false
			continue
		case '/':
			if i+1 >= len(b) || b[i+1] != '>' {
				return 0, nil
			}
			i, selfClosing, open = i+2, true, false
			continue
		}
		if i+3 > len(b) || b[i+1] != '=' || b[i+2] != '"' {
			return 0, nil
		}
		j := i + 3
		for j < len(b) && b[j] != '"' && b[j] != '<' && b[j] != '>' && b[j] != '&' {
			j++
		}
		if j >= len(b) || b[j] != '"' {
			return 0, nil
		}
		switch val := b[i+3 : j]; b[i] {
		case 'r':
			r = val
		case 's':
			st = val
		case 't':
			t = val
		default:
			return 0, nil
		}
		i = j + 1
	}
	var text []byte
	isForm := false
	if !selfClosing {
		body := b[i:]
		var end []byte
		switch {
		case bytes.HasPrefix(body, fastEnd):
			i += len(fastEnd)
		case bytes.HasPrefix(body, fastV):
			body, end = body[len(fastV):], fastVEnd
		case bytes.HasPrefix(body, fastIS):
			body, end, isForm = body[len(fastIS):], fastISEnd, true
		default:
			return 0, nil
		}
		if end != nil {
			k := 0
			for k < len(body) && body[k] != '<' && body[k] != '&' && body[k] != '\r' {
				k++
			}
			if k >= len(body) || body[k] != '<' || !bytes.HasPrefix(body[k:], end) {
				return 0, nil
			}
			text = body[:k]
			i = len(b) - len(body) + k + len(end)
		}
	}
	// Matched: now do what startTag, the body's tokens and endTag would.
	if len(st) > 0 && !digits(st) {
		return 0, s.damaged(fmt.Errorf("cell style %q is not valid", st))
	}
	s.order.startCellBytes(r)
	if s.order.problem != "" {
		return 0, s.damaged(errors.New(s.order.problem))
	}
	c := &s.cell
	c.active, c.col, c.typ, c.hasF, c.hasIS = true, s.order.col, cellType(t), false, isForm
	c.v, c.isT = c.v[:0], c.isT[:0]
	if len(c.runs) > 0 {
		c.runs = c.runs[:0]
	}
	if len(c.stack) > 0 {
		c.stack = c.stack[:0]
	}
	c.collect, c.textLen, c.overflow = &c.v, 0, false
	if isForm {
		c.collect = &c.isT
	}
	if text != nil {
		s.keep(text)
	}
	c.collect = nil
	s.endCell()
	return i, nil
}
