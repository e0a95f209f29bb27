package source

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decoded is a text file's detected encoding and a reader of its UTF-8
// text. guard is set when the encoding is still open (ASCII so far).
type decoded struct {
	enc   string
	r     io.Reader
	guard *asciiGuard
}

// decode picks the text encoding from a byte-order mark, a UTF-16 NUL
// pattern, or whether the opening bytes are valid UTF-8 (Windows-1252
// otherwise).
func decode(name string, head []byte, r io.Reader) (decoded, error) {
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		if _, err := io.CopyN(io.Discard, r, 3); err != nil {
			return decoded{}, fmt.Errorf("read %s: %w", name, err)
		}
		return decoded{enc: "utf-8-bom", r: r}, binaryCheck(name, head[3:])
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		return utf16Text("utf-16le", unicode.LittleEndian, unicode.ExpectBOM, r), nil
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		return utf16Text("utf-16be", unicode.BigEndian, unicode.ExpectBOM, r), nil
	}
	if e, ok := guessUTF16(head); ok {
		enc := "utf-16be"
		if e == unicode.LittleEndian {
			enc = "utf-16le"
		}
		return utf16Text(enc, e, unicode.IgnoreBOM, r), nil
	}
	if err := binaryCheck(name, head); err != nil {
		return decoded{}, err
	}
	switch {
	case !mostlyUTF8(head):
		return decoded{enc: "windows-1252", r: transform.NewReader(r, charmap.Windows1252.NewDecoder())}, nil
	case firstNonASCII(head) < 0:
		g := &asciiGuard{r: r}
		return decoded{enc: "utf-8", r: g, guard: g}, nil
	}
	return decoded{enc: "utf-8", r: r}, nil
}

func utf16Text(enc string, e unicode.Endianness, bom unicode.BOMPolicy, r io.Reader) decoded {
	return decoded{enc: enc, r: transform.NewReader(r, unicode.UTF16(e, bom).NewDecoder())}
}

// guessUTF16 spots UTF-16 without a byte-order mark (some exports write
// it): mostly-ASCII text then has a NUL in every other byte.
func guessUTF16(head []byte) (unicode.Endianness, bool) {
	n := min(len(head), 4096) &^ 1
	if n < 4 {
		return unicode.LittleEndian, false
	}
	var zeros [2]int
	for i := 0; i < n; i++ {
		if head[i] == 0 {
			zeros[i&1]++
		}
	}
	pairs := n / 2
	switch {
	case zeros[1] > pairs/2 && zeros[0] < pairs/20:
		return unicode.LittleEndian, true
	case zeros[0] > pairs/2 && zeros[1] < pairs/20:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// mostlyUTF8 reports whether b reads as UTF-8: no invalid bytes, or more
// valid multi-byte characters than invalid bytes. The latter is a UTF-8
// file with a stray Windows-1252 row (the rows with invalid bytes are
// reported); Windows-1252 text almost never forms valid UTF-8 sequences.
// A rune cut off at the end of the sniffed window does not count.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			valid++
		case !utf8.FullRune(b[i:]):
			// cut off by the window
		default:
			invalid++
		}
		i += size
	}
	return invalid == 0 || valid > invalid
}

func firstNonASCII(b []byte) int {
	i := 0
	// 32, then eight bytes at a time while none has the high bit set.
	for ; i+32 <= len(b); i += 32 {
		c := b[i : i+32 : i+32] // one bounds check for the four loads
		w := binary.LittleEndian.Uint64(c) | binary.LittleEndian.Uint64(c[8:]) |
			binary.LittleEndian.Uint64(c[16:]) | binary.LittleEndian.Uint64(c[24:])
		if w&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// signatures of files that turn up under a .csv name but are not text
// tables.
var signatures = []struct{ prefix, what string }{
	{"%PDF", "a PDF document"},
	{"\x1f\x8b", "a gzip archive; unpack it first"},
	{"PK\x05\x06", "an empty zip archive"},
	{"PK\x07\x08", "a split zip archive"},
	{"{\\rtf", "an RTF document"},
	{"<html", "a web page (some systems save HTML under a .xls or .csv name); open it in Excel and save as .xlsx or CSV"},
	{"<!doctype html", "a web page (some systems save HTML under a .xls or .csv name); open it in Excel and save as .xlsx or CSV"},
	{"<table", "an HTML table (some systems save HTML under a .xls or .csv name); open it in Excel and save as .xlsx or CSV"},
	{"<?xml", "an XML file (perhaps an Excel 2003 XML spreadsheet); open it in Excel and save as .xlsx or CSV"},
}

func binaryCheck(name string, head []byte) error {
	trimmed := bytes.ToLower(bytes.TrimLeft(head[:min(len(head), 64)], " \t\r\n"))
	for _, s := range signatures {
		if bytes.HasPrefix(trimmed, bytes.ToLower([]byte(s.prefix))) {
			return fmt.Errorf("%s: %w: this is %s, not CSV text", name, ErrUnsupported, s.what)
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%s: %w: the file holds binary data (NUL bytes), not CSV text", name, ErrUnsupported)
	}
	ctl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f {
			ctl++
		}
	}
	if ctl > 8 && ctl*100 > len(head) {
		return fmt.Errorf("%s: %w: the file holds binary data (%d control bytes in the first %d), not CSV text",
			name, ErrUnsupported, ctl, len(head))
	}
	return nil
}

// asciiGuard reads a file that has been plain ASCII so far. At the first
// non-ASCII byte it decides for the whole file: valid UTF-8 means UTF-8,
// anything else means Windows-1252 from the start (ASCII reads the same in
// both), and the rest is decoded as that. This catches the common export
// whose first accented name comes long after the sniffed window.
type asciiGuard struct {
	r        io.Reader
	held     []byte    // start of a rune cut by a read boundary
	decided  io.Reader // where reads go once decided
	switched bool
	onSwitch func()
}

func (g *asciiGuard) Read(p []byte) (int, error) {
	for g.decided == nil {
		if len(p) <= len(g.held) {
			return 0, io.ErrShortBuffer
		}
		n := copy(p, g.held)
		m, err := g.r.Read(p[n:])
		n += m
		g.held = g.held[:0]
		i := firstNonASCII(p[:n])
		if i < 0 {
			return n, err
		}
		rest := p[i:n]
		if err == nil && !utf8.FullRune(rest) {
			g.held = append(g.held, rest...)
			if i > 0 {
				return i, nil
			}
			continue
		}
		g.decide(bytes.Clone(rest))
		if i > 0 {
			return i, nil
		}
	}
	return g.decided.Read(p)
}

func (g *asciiGuard) decide(rest []byte) {
	next := io.MultiReader(bytes.NewReader(rest), g.r)
	if r, size := utf8.DecodeRune(rest); r != utf8.RuneError || size > 1 {
		g.decided = next
		return
	}
	g.decided = transform.NewReader(next, charmap.Windows1252.NewDecoder())
	g.switched = true
	if g.onSwitch != nil {
		g.onSwitch()
	}
}

// crToLF normalises line endings to LF: CRLF becomes LF and a lone CR
// (classic Mac endings, or a file with mixed endings) becomes LF too, so
// the parser and its line numbers only deal with LF. Inside quoted cells
// this turns CRLF into LF, as encoding/csv does.
type crToLF struct {
	r      io.Reader
	lastCR bool
}

func (c *crToLF) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		if !c.lastCR && bytes.IndexByte(p[:n], '\r') < 0 {
			return n, err
		}
		w := 0
		for i := 0; i < n; i++ {
			b := p[i]
			if b == '\n' && c.lastCR {
				c.lastCR = false
				continue
			}
			c.lastCR = b == '\r'
			if c.lastCR {
				b = '\n'
			}
			p[w] = b
			w++
		}
		if w > 0 || err != nil || n == 0 {
			return w, err
		}
	}
}
