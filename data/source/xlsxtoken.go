package source

import (
	"bytes"
	"strconv"
)

// The pieces of sheetReader's tokenizer that need no reader state.

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
