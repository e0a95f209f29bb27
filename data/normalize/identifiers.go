package normalize

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// ErrIdentifiers is wrapped by the problem of a sheet refused because it
// has columns of direct identifiers (names, dates of birth, phone numbers,
// e-mail or street addresses, SSNs).
var ErrIdentifiers = errors.New("direct identifiers")

// identifierPolicy recognises columns of direct identifiers by their
// header. A pattern matches a header when its words appear, in order and
// next to each other, among the header's words ("phone" matches "Client
// phone #", "date of birth" matches "Client date of birth"). A header
// that maps to a known field is never an identifier: the mapping says
// what it holds.
type identifierPolicy struct {
	patterns [][]string
	drop     bool
}

func newIdentifierPolicy(patterns []string, drop bool) identifierPolicy {
	p := identifierPolicy{drop: drop}
	for _, s := range patterns {
		if w := words(s); len(w) > 0 {
			p.patterns = append(p.patterns, w)
		}
	}
	return p
}

// words splits a header into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func (p identifierPolicy) matches(header string) bool {
	w := words(header)
	for _, pat := range p.patterns {
		for i := 0; i+len(pat) <= len(w); i++ {
			if equalWords(w[i:i+len(pat)], pat) {
				return true
			}
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// check returns the identifier columns of a header (0-based) that no
// field maps. With drop unset and any found, it also returns the problem
// refusing the sheet; the message names the columns, never a value.
func (p identifierPolicy) check(t *source.Table, header []string, headerRow int, mapped map[string]int, input string) ([]int, *schema.Problem) {
	isField := map[int]bool{}
	for _, j := range mapped {
		isField[j] = true
	}
	var cols []int
	var names []string
	for j, h := range header {
		if !isField[j] && p.matches(h) {
			cols = append(cols, j)
			names = append(names, fmt.Sprintf("%s (%s)", schema.ColumnLetter(j+1), strings.TrimSpace(h)))
		}
	}
	if len(cols) == 0 || p.drop {
		return cols, nil
	}
	return cols, &schema.Problem{File: t.File, Sheet: t.Sheet, Row: headerRow,
		Reason: fmt.Sprintf("sheet refused: columns %s look like direct identifiers of people; nothing from this sheet is used. "+
			"Remove those columns, or set %s.drop_identifiers: true to drop them unread", strings.Join(names, ", "), input),
		Err: ErrIdentifiers}
}
