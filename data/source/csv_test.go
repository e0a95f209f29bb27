package source

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xfeff}, u...)
	}
	var b []byte
	for _, c := range u {
		if bigEndian {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

// TestCSVDialects reads the same small table written in many encodings,
// line endings and delimiters.
func TestCSVDialects(t *testing.T) {
	const text = "name,city\r\nJosé,Zürich\r\n"
	wantRows := [][]string{{"José", "Zürich"}}
	cases := []struct {
		name, enc string
		data      []byte
		rows      [][]string
	}{
		{"utf8", "utf-8", []byte(text), wantRows},
		{"utf8 bom", "utf-8-bom", []byte("\xef\xbb\xbf" + text), wantRows},
		{"utf16le bom", "utf-16le", utf16Bytes(text, false, true), wantRows},
		{"utf16be bom", "utf-16be", utf16Bytes(text, true, true), wantRows},
		{"utf16le no bom", "utf-16le", utf16Bytes(text, false, false), wantRows},
		{"windows-1252", "windows-1252", []byte("name,city\nCaf\xe9,\x80 5\n"), [][]string{{"Café", "€ 5"}}},
		{"lf", "utf-8", []byte("name,city\nJosé,Zürich\n"), wantRows},
		{"lone cr", "utf-8", []byte("name,city\rJosé,Zürich\r"), wantRows},
		{"no final newline", "utf-8", []byte("name,city\nJosé,Zürich"), wantRows},
		{"semicolon", "utf-8", []byte("name;city\nJosé;Zürich\n"), wantRows},
		{"tab", "utf-8", []byte("name\tcity\nJosé\tZürich\n"), wantRows},
		{"pipe", "utf-8", []byte("name|city\nJosé|Zürich\n"), wantRows},
		{"quoted delimiters", "utf-8", []byte("\"name;x\";city;other\na;b;c\n"), [][]string{{"a", "b", "c"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb := openOne(t, c.name+".csv", c.data, Options{})
			res := drain(t, tb)
			if tb.Encoding != c.enc {
				t.Errorf("Encoding %q, want %q", tb.Encoding, c.enc)
			}
			if tb.Header[0] != strings.Split(string(c.name), "")[0] && tb.Header[0] != "name" && tb.Header[0] != "name;x" {
				t.Errorf("Header %q", tb.Header)
			}
			var got [][]string
			for _, r := range res.rows {
				got = append(got, r.Cells)
			}
			if !reflect.DeepEqual(got, c.rows) || res.err != nil || len(res.errs) > 0 {
				t.Errorf("rows %q errs %v %v, want %q", got, res.errs, res.err, c.rows)
			}
		})
	}
}

// TestCSVLineEndings checks that row numbers are physical lines whatever
// the line ending, with a quoted cell spanning lines.
func TestCSVLineEndings(t *testing.T) {
	for name, nl := range map[string]string{"lf": "\n", "crlf": "\r\n", "cr": "\r"} {
		data := strings.ReplaceAll("h1,h2\na,\"two\nlines\"\n\nb,c\n", "\n", nl)
		tb := openOne(t, name+".csv", []byte(data), Options{})
		res := drain(t, tb)
		if got := res.nums(); !reflect.DeepEqual(got, []int{2, 5}) {
			t.Errorf("%s: row numbers %v, want [2 5]", name, got)
		}
		if got := res.rows[0].Cells[1]; got != "two\nlines" {
			t.Errorf("%s: multi-line cell %q", name, got)
		}
	}
	mixed := "h1,h2\r\na,b\nc,d\re,f\r\n"
	res := drain(t, openOne(t, "mixed.csv", []byte(mixed), Options{}))
	if got := res.nums(); !reflect.DeepEqual(got, []int{2, 3, 4}) {
		t.Errorf("mixed endings: row numbers %v", got)
	}
}

// TestCSVLateWindows1252 has its first Windows-1252 byte long after the
// sniffed window: the encoding is decided there, not guessed as UTF-8.
func TestCSVLateWindows1252(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id,name\n")
	for b.Len() < 2*sniffBytes {
		b.WriteString("1,plain ascii name\n")
	}
	b.WriteString("2,Caf\xe9\n")
	tb := openOne(t, "late.csv", b.Bytes(), Options{})
	if tb.Encoding != "utf-8" {
		t.Fatalf("Encoding before the byte: %q", tb.Encoding)
	}
	res := drain(t, tb)
	last := res.rows[len(res.rows)-1]
	if last.Cells[1] != "Café" || tb.Encoding != "windows-1252" || len(res.errs) > 0 {
		t.Errorf("last row %q, Encoding %q, errs %v", last.Cells, tb.Encoding, res.errs)
	}
}

// TestCSVMixedEncodings: a UTF-8 file with one Windows-1252 row reports
// that row and goes on.
func TestCSVMixedEncodings(t *testing.T) {
	for _, data := range []string{
		"id,name\n1,Zürich\n2,Caf\xe9\n3,ok\n4,Genève\n",
		"id,name\n1,Zürich\n" + strings.Repeat("0,ascii\n", sniffBytes/8) + "2,Caf\xe9\n3,ok\n",
	} {
		tb := openOne(t, "mixed.csv", []byte(data), Options{})
		res := drain(t, tb)
		bad := strings.Count(data[:strings.Index(data, "Caf")], "\n") + 1
		if tb.Encoding != "utf-8" || len(res.errs) != 1 || res.errs[0].Num != bad || res.rows[0].Cells[1] != "Zürich" {
			t.Errorf("Encoding %s errs %v rows %v", tb.Encoding, res.errs, res.rows[:1])
		}
	}
}

// TestCSVRowsAsIs: ragged rows and duplicate header names are yielded as
// they are; the caller decides what they mean.
func TestCSVRowsAsIs(t *testing.T) {
	data := "a,b,a\n1\n1,2,3,4\n,,\n  \n5,6,7\n"
	tb := openOne(t, "ragged.csv", []byte(data), Options{})
	res := drain(t, tb)
	if !reflect.DeepEqual(tb.Header, []string{"a", "b", "a"}) {
		t.Errorf("Header %q", tb.Header)
	}
	want := []Row{{Num: 2, Cells: []string{"1"}}, {Num: 3, Cells: []string{"1", "2", "3", "4"}}, {Num: 6, Cells: []string{"5", "6", "7"}}}
	if !reflect.DeepEqual(res.rows, want) {
		t.Errorf("rows %v, want %v", res.rows, want)
	}
}

// TestCSVBrokenRows: a broken quote or an over-long cell is a RowError at
// the record's first line, and reading goes on.
func TestCSVBrokenRows(t *testing.T) {
	data := "h1,h2\nok,1\nbad\"quote,2\n\"x\"y,3\n" + strings.Repeat("z", 100) + ",4\n\"long\n" +
		strings.Repeat("q", 100) + "\",5\nlast,6\n"
	res := drain(t, openOne(t, "broken.csv", []byte(data), Options{MaxCellBytes: 50}))
	var errNums []int
	for _, e := range res.errs {
		errNums = append(errNums, e.Num)
	}
	if !reflect.DeepEqual(errNums, []int{3, 4, 5, 6}) || !reflect.DeepEqual(res.nums(), []int{2, 8}) {
		t.Errorf("errors at %v, rows at %v", errNums, res.nums())
	}
	// The bad row comes back in its place even when it falls among the
	// rows read ahead for header detection.
	if res.err != nil {
		t.Errorf("fatal error %v", res.err)
	}
}

func TestCSVBrokenHeader(t *testing.T) {
	_, err := openBytes("h.csv", []byte("a,b\"c\n1,2\n"), Options{})
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "header") {
		t.Errorf("err %v", err)
	}
}

// TestCSVGarbage: a file that is mostly unreadable stops with one error
// rather than a flood of row errors.
func TestCSVGarbage(t *testing.T) {
	data := "h\n" + strings.Repeat("a\"b\n", 500)
	res := drain(t, openOne(t, "garbage.csv", []byte(data), Options{}))
	if !errors.Is(res.err, ErrUnsupported) || len(res.errs) != maxBadRows {
		t.Errorf("err %v after %d row errors", res.err, len(res.errs))
	}
}

func TestCSVRefused(t *testing.T) {
	cases := map[string]struct {
		data []byte
		want string
		is   error
	}{
		"empty":       {nil, "empty", ErrEmpty},
		"blank lines": {[]byte("\n\r\n  \n\n"), "empty", ErrEmpty},
		"nul bytes":   {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary", ErrUnsupported},
		"control":     {bytes.Repeat([]byte("\x01\x02\x03a\x04"), 20), "binary", ErrUnsupported},
		"pdf":         {[]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "PDF", ErrUnsupported},
		"gzip":        {[]byte("\x1f\x8b\x08\x00abc"), "gzip", ErrUnsupported},
		"html as xls": {[]byte("\n<HTML><body><table><tr><td>1</td></tr></table>"), "web page", ErrUnsupported},
		"ole":         {[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), "password", ErrUnsupported},
	}
	for name, c := range cases {
		_, err := openBytes(name+".csv", c.data, Options{})
		if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err %v, want %q wrapping %v", name, err, c.want, c.is)
		}
	}
}

func TestCSVHeaderOnly(t *testing.T) {
	for _, data := range []string{"a,b,c\n", "a,b,c", "a,b,c\n\n,,\n"} {
		tb := openOne(t, "h.csv", []byte(data), Options{})
		res := drain(t, tb)
		if !reflect.DeepEqual(tb.Header, []string{"a", "b", "c"}) || len(res.rows)+len(res.errs) > 0 || res.err != nil {
			t.Errorf("%q: header %q, result %+v", data, tb.Header, res)
		}
	}
}

// hugeCell is a CSV file of size bytes with one giant unquoted cell in row
// 2, generated on the fly so the test needs neither the memory nor disk.
type hugeCell struct {
	head, tail string
	size       int64
}

func (h hugeCell) ReadAt(p []byte, off int64) (int, error) {
	n := 0
	for n < len(p) && off < h.size {
		switch {
		case off < int64(len(h.head)):
			p[n] = h.head[off]
		case off >= h.size-int64(len(h.tail)):
			p[n] = h.tail[off-(h.size-int64(len(h.tail)))]
		default:
			p[n] = 'x'
		}
		n, off = n+1, off+1
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// TestCSVHugeCell reads a 100 MB cell: it must be reported, never held in
// memory, and the rows after it must still come through.
func TestCSVHugeCell(t *testing.T) {
	for _, quoted := range []bool{false, true} {
		h := hugeCell{head: "id,text\n1,short\n2,", tail: ",end\n3,after\n", size: 100 << 20}
		if quoted {
			h.head, h.tail = h.head+"\"", "\""+h.tail
		}
		var res result
		alloc := allocated(func() {
			tables, err := Open("huge.csv", h, h.size, Options{})
			if err != nil {
				t.Fatal(err)
			}
			res = drain(t, tables[0])
		})
		if len(res.errs) != 1 || res.errs[0].Num != 3 || !reflect.DeepEqual(res.nums(), []int{2, 4}) {
			t.Errorf("quoted=%v: errors %v, rows %v", quoted, res.errs, res.nums())
		}
		if alloc > 16<<20 {
			t.Errorf("quoted=%v: allocated %d MB reading a 100 MB cell", quoted, alloc>>20)
		}
	}
}

func TestTableClose(t *testing.T) {
	p := writeTemp(t, "t.csv", []byte("a\n1\n"))
	tables, err := OpenFile(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := tables[0].Close(); err != nil {
		t.Fatal(err)
	}
	if err := tables[0].Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := tables[0].Next(); err == nil || errors.Is(err, io.EOF) {
		t.Errorf("Next after Close: %v", err)
	}
	if _, err := OpenFile(t.TempDir(), Options{}); err == nil {
		t.Error("a folder opened")
	}
}

// TestCSVBrokenPreamble: with HeaderMatch, a bad row above the header is
// preamble and skipped like the rest of it; bad rows below it are reported.
func TestCSVBrokenPreamble(t *testing.T) {
	data := "Export of \"the\" survey\n\nid,v\n1,a\nb\"ad,x\n2,b\n"
	opts := Options{HeaderMatch: func(c []string) bool { return c[0] == "id" }}
	tb := openOne(t, "p.csv", []byte(data), opts)
	res := drain(t, tb)
	if tb.HeaderRow != 3 || len(res.errs) != 1 || res.errs[0].Num != 5 || !reflect.DeepEqual(res.nums(), []int{4, 6}) {
		t.Errorf("HeaderRow %d, errors %v, rows %v", tb.HeaderRow, res.errs, res.nums())
	}
}

// TestCSVSplitCharacter: the two halves of a character in neighbouring
// cells are a bad row, not a character.
func TestCSVSplitCharacter(t *testing.T) {
	data := "a,b\n1,Zürich\n" + strings.Repeat("0,ascii\n", sniffBytes/8) + "\"x\xc3\",\"\xa9y\"\n1,2\n"
	tb := openOne(t, "split.csv", []byte(data), Options{})
	res := drain(t, tb)
	bad := strings.Count(data[:strings.Index(data, "\"x")], "\n") + 1
	if len(res.errs) != 1 || res.errs[0].Num != bad || len(res.rows) != sniffBytes/8+2 {
		t.Errorf("errs %v rows %v", res.errs, res.rows)
	}
}

// TestCSVLazyCells: lazy rows hold the same cells, errors and numbers as
// materialised ones, header rows included.
func TestCSVLazyCells(t *testing.T) {
	data := "id,name,x\n1,\"a,b\",3\n\n2,\"bad\"q,4\n3,,\n4,five,6,extra\n" + strings.Repeat("7,s,8\n", 3000)
	eager := drain(t, openOne(t, "e.csv", []byte(data), Options{}))
	lazyTable := openOne(t, "l.csv", []byte(data), Options{LazyCells: true})
	if !reflect.DeepEqual(lazyTable.Header, []string{"id", "name", "x"}) {
		t.Errorf("header %q", lazyTable.Header)
	}
	lazy := drain(t, lazyTable)
	if len(lazy.rows) != len(eager.rows) || !reflect.DeepEqual(lazy.nums(), eager.nums()) || len(lazy.errs) != len(eager.errs) {
		t.Fatalf("lazy %d rows %d errs, eager %d rows %d errs", len(lazy.rows), len(lazy.errs), len(eager.rows), len(eager.errs))
	}
	for i, r := range lazy.rows {
		// The rows read while looking for the header come materialised.
		if (i > 100 && r.Cells != nil) || r.Len() != len(eager.rows[i].Cells) {
			t.Fatalf("row %d: Cells %q, Len %d", r.Num, r.Cells, r.Len())
		}
		for j, c := range eager.rows[i].Cells {
			if r.Cell(j) != c {
				t.Fatalf("row %d cell %d: %q, want %q", r.Num, j, r.Cell(j), c)
			}
		}
		if r.Cell(-1) != "" || r.Cell(r.Len()) != "" {
			t.Fatalf("row %d: cells out of range are not empty", r.Num)
		}
	}
}
