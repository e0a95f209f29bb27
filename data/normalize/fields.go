package normalize

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unsafe"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// fieldSet maps the header cells of a simple input table (referrals,
// trainings, logic-model tracker) to its canonical fields: a header is a
// field when it equals the field's name or one of its configured aliases,
// compared with Fold.
type fieldSet struct {
	input  string   // "referrals", for messages
	fields []string // canonical names, in SPEC order
	alias  map[string]string
}

// newFieldSet checks the configured aliases (keyed by canonical field)
// and compiles them.
func newFieldSet(input string, fields []string, aliases map[string][]string) (fieldSet, error) {
	fs := fieldSet{input: input, fields: fields, alias: map[string]string{}}
	for _, f := range fields {
		fs.alias[Fold(f)] = f
	}
	keys := make([]string, 0, len(aliases))
	for f := range aliases {
		keys = append(keys, f)
	}
	sort.Strings(keys)
	for _, f := range keys {
		if !contains(fields, f) {
			return fs, fmt.Errorf("%s.columns: unknown field %q (known: %s)", input, f, strings.Join(fields, ", "))
		}
		for _, a := range aliases[f] {
			k := Fold(a)
			if prev, dup := fs.alias[k]; dup && prev != f {
				return fs, fmt.Errorf("%s.columns: %q names both %s and %s", input, a, prev, f)
			}
			fs.alias[k] = f
		}
	}
	return fs, nil
}

// mapHeader returns field → column index (0-based). A second column
// mapping to a field already mapped is reported and ignored.
func (fs fieldSet) mapHeader(t *source.Table, header []string, headerRow int, report func(schema.Problem)) map[string]int {
	out := map[string]int{}
	for j, h := range header {
		f, ok := fs.alias[Fold(h)]
		if !ok {
			continue
		}
		if first, dup := out[f]; dup {
			report(schema.Problem{File: t.File, Sheet: t.Sheet, Row: headerRow, Column: j + 1, Field: h,
				Reason: fmt.Sprintf("column maps to %s like column %s; only the first is used", f, schema.ColumnLetter(first+1))})
			continue
		}
		out[f] = j
	}
	return out
}

// count returns how many header cells map to a field.
func (fs fieldSet) count(header []string) int {
	n := 0
	seen := map[string]bool{}
	for _, h := range header {
		if f, ok := fs.alias[Fold(h)]; ok && !seen[f] {
			seen[f] = true
			n++
		}
	}
	return n
}

// headerSearchRows is how many rows a reader looks through for its header
// when the first row is not it (title rows above a header are common in
// agency spreadsheets).
const headerSearchRows = 20

// findHeader returns the table's header: its first row when that maps at
// least want fields, else the first of the next rows that does. The
// rows read while searching are not data. ok is false when no row does.
func (fs fieldSet) findHeader(t *source.Table, want int) (header []string, row int, ok bool, err error) {
	if fs.count(t.Header) >= want {
		return t.Header, t.HeaderRow, true, nil
	}
	for i := 0; i < headerSearchRows; i++ {
		r, err := t.Next()
		if err != nil {
			var re *source.RowError
			if errors.As(err, &re) {
				continue
			}
			return nil, 0, false, nil // EOF or an unreadable table: no header
		}
		if fs.count(r.Cells) >= want {
			return trimCells(r.Cells), r.Num, true, nil
		}
	}
	return nil, 0, false, nil
}

func trimCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

// memo caches the parse of raw cell values of a column: coded columns
// (service, status, region, agency) repeat a few values over millions of
// rows. It stops growing at memoLimit entries so a column of unique
// values costs nothing extra. In front of its map, a small table indexed
// by a cheap hash of the value answers most lookups with one comparison.
type memo[T any] struct {
	m    map[string]*memoEntry[T]
	fast *[memoSlots]*memoEntry[T]
}

type memoEntry[T any] struct {
	key  string // a copy of the cell, so the entry does not hold its row
	a, b uint64 // memoWords of key
	v    T
	err  error
}

const (
	memoLimit    = 4096
	memoSlotBits = 12
	memoSlots    = 1 << memoSlotBits
)

// memoWords returns the first and last eight bytes of s (all of a shorter
// s, packed in a). With the length they decide equality of values up to
// sixteen bytes, and most of it beyond, without a call to compare.
func memoWords(s string) (a, b uint64) {
	if len(s) >= 8 {
		p := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
		return binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(p[len(p)-8:])
	}
	for i := 0; i < len(s); i++ {
		a = a<<8 | uint64(s[i])
	}
	return a, 0
}

// memoSlot hashes the length and the words of s: cell values of one
// column often differ only in a digit or two ("29031", "29510").
func memoSlot(a, b uint64, n int) int {
	h := (a*0x9e3779b97f4a7c15 ^ b ^ uint64(n)) * 0xbf58476d1ce4e5b9
	return int(h >> (64 - memoSlotBits))
}

// is reports whether the entry's key is s, whose words are a and b.
func (e *memoEntry[T]) is(s string, a, b uint64) bool {
	return e.a == a && e.b == b && len(e.key) == len(s) && (len(s) <= 16 || e.key[8:len(s)-8] == s[8:len(s)-8])
}

func (c *memo[T]) get(s string, parse func(string) (T, error)) (T, error) {
	if c.fast == nil {
		c.fast, c.m = new([memoSlots]*memoEntry[T]), map[string]*memoEntry[T]{}
	}
	a, b := memoWords(s)
	slot := &c.fast[memoSlot(a, b, len(s))]
	if e := *slot; e != nil && e.is(s, a, b) {
		return e.v, e.err
	}
	if e, ok := c.m[s]; ok {
		*slot = e
		return e.v, e.err
	}
	v, err := parse(s)
	if len(c.m) < memoLimit {
		e := &memoEntry[T]{key: strings.Clone(s), a: a, b: b, v: v, err: err}
		c.m[e.key] = e
		*slot = e
	}
	return v, err
}
