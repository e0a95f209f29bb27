package source

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// parseAll runs csvParser over text and renders each result as one line,
// the same way stdRecords renders encoding/csv's.
func parseAll(t testing.TB, text string, comma byte, lim csvLimits) []string {
	p := newCSVParser(strings.NewReader(text), comma, lim)
	var out []string
	for {
		rec, line, err := p.read()
		if errors.Is(err, io.EOF) {
			return out
		}
		var ce *csvError
		switch {
		case errors.As(err, &ce):
			out = append(out, fmt.Sprintf("%d error %v", ce.Line, ce.Err))
		case err != nil:
			t.Fatalf("unexpected error %v", err)
		default:
			out = append(out, fmt.Sprintf("%d %q", line, rec))
		}
		if len(out) > 10000 {
			t.Fatal("parser does not advance")
		}
	}
}

func stdRecords(text string, comma byte) []string {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = rune(comma)
	r.FieldsPerRecord = -1
	var out []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			out = append(out, fmt.Sprintf("%d error %v", pe.StartLine, pe.Err))
			continue
		}
		line, _ := r.FieldPos(0)
		out = append(out, fmt.Sprintf("%d %q", line, rec))
	}
}

var noLimits = csvLimits{cell: 1 << 30, row: 1 << 30, cols: 1 << 30}

func TestCSVParserMatchesEncodingCSV(t *testing.T) {
	inputs := []string{
		"a,b\n1,2\n",
		"a,b\n1,2",
		"a,b,\n1,2,",
		"\n\n a , b \n\n1,2\n\n",
		"\"multi\nline\",x\ny,z\n",
		"\"esc \"\"q\"\"\",x\n",
		"a,b\"c\nnext,row\n",             // bare quote: rest of line dropped
		"\"a\"b,c\nnext,row\n",           // text after closing quote
		"\"a\nb\"x,y\nz\n",               // the error is on the second line
		"ok\n\"never closed\nmore\n",     // unclosed quote at EOF
		"\"\"\n\"\",\"\"\n,\n",           // empty quoted fields
		"a;b;c\n\"x;y\";z\n",             // other delimiter
		"x,\"\"\"\"\n\"\"\"\",y\n",       // a cell that is just a quote
		"\"a\"\n\"b\"",                   // closing quote at EOF
		"a,\"b\n\nc\"\nd\n",              // an empty line inside a quoted cell
		"caf\xe9,\xff\xfe\n\"\xc3\",x\n", // bytes, not runes
	}
	for _, in := range inputs {
		for _, comma := range []byte{',', ';'} {
			got, want := parseAll(t, in, comma, noLimits), stdRecords(in, comma)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q with %q:\n got %q\nwant %q", in, comma, got, want)
			}
		}
	}
}

func TestCSVParserLimits(t *testing.T) {
	lim := csvLimits{cell: 4, row: 10, cols: 3}
	in := "abcd,x\nabcde,x\n\"ab\"\"cd\",x\n\"abcdefgh\nij\",x\naft,it\n" +
		"a,b,c\na,b,c,d\nabcd,abcd,abcd\n\"open\nand never\nclosed"
	got := parseAll(t, in, ',', lim)
	want := []string{
		`1 ["abcd" "x"]`,
		`2 error a cell of 5 bytes is over the 4-byte limit (if it should not be that long, look for an unclosed quote)`,
		`3 error a cell of 5 bytes is over the 4-byte limit (if it should not be that long, look for an unclosed quote)`,
		`4 error a cell of 11 bytes is over the 4-byte limit (if it should not be that long, look for an unclosed quote)`,
		`6 ["aft" "it"]`,
		`7 ["a" "b" "c"]`,
		`8 error the row has more than 3 cells`,
		`9 error the row is over the 10-byte limit`,
		`10 error a cell of 21 bytes is over the 4-byte limit (if it should not be that long, look for an unclosed quote)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// FuzzCSVParser holds csvParser to encoding/csv on arbitrary input: same
// records, same line numbers, errors on the same records.
func FuzzCSVParser(f *testing.F) {
	f.Add([]byte("a,b\n\"c\nd\",e\n"), false)
	f.Add([]byte("x;\"y\"\"\";z\n\n\"q\"r\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, semicolon bool) {
		comma := byte(',')
		if semicolon {
			comma = ';'
		}
		// The parser sees text after crToLF, which leaves no CR.
		norm, err := io.ReadAll(&crToLF{r: bytes.NewReader(data)})
		if err != nil {
			t.Fatal(err)
		}
		got, want := parseAll(t, string(norm), comma, noLimits), stdRecords(string(norm), comma)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", norm, got, want)
		}
	})
}
