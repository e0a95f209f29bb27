package source

import (
	"bytes"
	"fmt"
	"strconv"
)

const (
	maxSheetRows = 1 << 20 // Excel's limits
	maxSheetCols = 1 << 14
	maxTagBytes  = 4 << 10
)

// cellOrder follows the <row> and <c> start tags of worksheet XML as it
// streams by and checks that rows and the cells in each row come in
// ascending order with valid references. excelize's row iterator assumes
// that: rows out of order are merged into one row, and a cell out of order
// is appended after its neighbours, in the wrong column, without an error.
// Excel always writes them in order; other writers may not.
type cellOrder struct {
	inTag    bool
	tag      []byte // the current tag, up to maxTagBytes
	row, col int
	problem  string
}

func (o *cellOrder) feed(p []byte) {
	for len(p) > 0 && o.problem == "" {
		if !o.inTag {
			i := bytes.IndexByte(p, '<')
			if i < 0 {
				return
			}
			o.inTag, o.tag, p = true, o.tag[:0], p[i+1:]
			continue
		}
		i := bytes.IndexByte(p, '>')
		part := p
		if i >= 0 {
			part = p[:i]
		}
		o.tag = append(o.tag, part[:min(len(part), maxTagBytes-len(o.tag))]...)
		if i < 0 {
			return
		}
		o.inTag = false
		o.startTag(o.tag)
		p = p[i+1:]
	}
}

func (o *cellOrder) startTag(tag []byte) {
	end := bytes.IndexAny(tag, " \t\r\n/")
	if end < 0 {
		end = len(tag)
	}
	name := tag[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	switch string(name) {
	case "row":
		o.startRow(attr(tag[end:], "r"))
	case "c":
		// excelize drops a cell whose style number does not parse.
		if st := attr(tag[end:], "s"); st != "" {
			if n, err := strconv.Atoi(st); err != nil || n < 0 {
				o.problem = fmt.Sprintf("cell style %q is not valid", st)
				return
			}
		}
		o.startCell(attr(tag[end:], "r"))
	}
}

func (o *cellOrder) startRow(r string) {
	next := o.row + 1
	if r != "" {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 || n > maxSheetRows {
			o.problem = fmt.Sprintf("row number %q is not valid", r)
			return
		}
		next = n
	}
	if next <= o.row {
		o.problem = fmt.Sprintf("row %d comes after row %d (rows must ascend)", next, o.row)
		return
	}
	o.row, o.col = next, 0
}

func (o *cellOrder) startCell(ref string) {
	col, row := o.col+1, o.row
	if ref != "" {
		var ok bool
		if col, row, ok = parseRef(ref); !ok {
			o.problem = fmt.Sprintf("cell reference %q is not valid", ref)
			return
		}
	}
	switch {
	case row != o.row:
		o.problem = fmt.Sprintf("cell %s is inside row %d", ref, o.row)
	case col <= o.col:
		o.problem = fmt.Sprintf("cell %s comes after column %d of row %d (cells must ascend)", ref, o.col, o.row)
	}
	o.col = col
}

// startCellBytes is startCell for a reference still in the XML's bytes;
// only a bad reference costs a string.
func (o *cellOrder) startCellBytes(ref []byte) {
	if ref == nil {
		o.startCell("")
		return
	}
	col, row, ok := parseRefBytes(ref)
	if !ok || row != o.row || col <= o.col {
		o.startCell(string(ref))
		return
	}
	o.col = col
}

func parseRefBytes(ref []byte) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && i < 3; i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	if i == 0 || i == len(ref) || len(ref)-i > 9 {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	return col, row, col <= maxSheetCols && row >= 1 && row <= maxSheetRows
}

// parseRef splits "AB12" into column 28 and row 12.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && i < 3; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, i > 0 && err == nil && col <= maxSheetCols && row >= 1 && row <= maxSheetRows
}

// attr returns the value of the attribute called name in the attribute
// text of a start tag, or "".
func attr(attrs []byte, name string) string {
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n/")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return ""
		}
		key := bytes.TrimSpace(attrs[:eq])
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return ""
		}
		closing := bytes.IndexByte(rest[1:], rest[0])
		if closing < 0 {
			return ""
		}
		if string(key) == name {
			return string(rest[1 : 1+closing])
		}
		attrs = rest[closing+2:]
	}
	return ""
}
