package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// RowError is a row that could not be parsed (a broken quote, an
// over-long cell). Reading may continue after it.
type RowError struct {
	Num int
	Err error
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %v", e.Num, e.Err) }

// Unwrap returns the parse error.
func (e *RowError) Unwrap() error { return e.Err }

// rawReader yields physical rows, empty ones included.
type rawReader func() (Row, error)

// newTable reads the first rows of raw to find the layout and header, then
// returns a table that yields the data rows that follow.
func newTable(file, sheet, enc string, raw rawReader, stop func(), opts Options) (*Table, error) {
	t := &Table{File: file, Sheet: sheet, Encoding: enc}
	if stop != nil {
		t.close = func() error { stop(); return nil }
	}
	head, err := readHead(file, sheet, raw, opts)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for _, h := range head {
		if h.err == nil {
			rows = append(rows, h.row)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: %w: no header row (the %s is empty) (%w)",
			where(file, sheet), ErrUnsupported, what(sheet), ErrEmpty)
	}
	consumed := t.detect(rows, opts)
	if consumed < 0 {
		return nil, fmt.Errorf("%s: %w: no header row matches the expected columns in the first %d non-empty rows (%w)",
			where(file, sheet), ErrUnsupported, opts.HeaderSearchRows, ErrNoHeader)
	}
	// Bad rows before the header are preamble, not data, like the good
	// ones there; those after it are reported in their place.
	pending := head[slices.IndexFunc(head, func(h headRow) bool { return h.err == nil && h.row.Num == t.HeaderRow })+1:]
	t.next = func() (Row, error) {
		for {
			var r Row
			if len(pending) > 0 {
				var h headRow
				h, pending = pending[0], pending[1:]
				if h.err != nil {
					return Row{}, h.err
				}
				r = h.row
			} else {
				var err error
				if r, err = raw(); err != nil {
					return Row{}, err
				}
			}
			if !isEmptyRow(r) {
				return r, nil
			}
		}
	}
	return t, nil
}

// headRow is a row read for layout detection, or the error in its place.
type headRow struct {
	row Row
	err *RowError
}

// readHead reads the non-empty rows that layout detection looks at, and
// the bad rows among them. Without HeaderMatch the first row is the
// header, so a bad first row refuses the table and a later one ends the
// search; with it, bad rows may be preamble and the search goes on.
func readHead(file, sheet string, raw rawReader, opts Options) ([]headRow, error) {
	var head []headRow
	for len(head) < opts.HeaderSearchRows+3 {
		r, err := raw()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *RowError
		switch {
		case errors.As(err, &re) && len(head) == 0 && opts.HeaderMatch == nil:
			return nil, fmt.Errorf("%s: %w: the header row cannot be read: %w", where(file, sheet), ErrUnsupported, re)
		case re != nil:
			head = append(head, headRow{err: re})
			if opts.HeaderMatch == nil {
				return head, nil
			}
		case err != nil:
			return nil, err
		case !isEmptyRow(r):
			// Head rows are kept across reads: give them their own cells.
			head = append(head, headRow{row: r.withCells()})
		}
	}
	return head, nil
}

func where(file, sheet string) string {
	if sheet == "" {
		return file
	}
	return fmt.Sprintf("%s sheet %q", file, sheet)
}

func what(sheet string) string {
	if sheet == "" {
		return "file"
	}
	return "sheet"
}

func isEmptyRow(r Row) bool {
	if r.bounds == nil {
		return isEmpty(r.Cells)
	}
	for j := range r.Len() {
		if c := r.Cell(j); c != "" && (c[0] > ' ' && c[0] < 0x80 || strings.TrimSpace(c) != "") {
			return false
		}
	}
	return true
}

func isEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" && c[0] > ' ' && c[0] < 0x80 {
			return false // the usual case, without a call
		}
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// detect sets the layout and header fields from the first non-empty rows and
// returns how many of them are header rows (-1 when no header is found).
func (t *Table) detect(rows []Row, opts Options) int {
	switch {
	case len(rows) >= 3 && isQualtricsImportRow(rows[2].Cells):
		t.Layout = LayoutQualtrics
		t.Header = trimAll(rows[0].Cells)
		t.Questions = trimAll(rows[1].Cells)
		t.ImportIDs, t.ChoiceIDs = importIDs(rows[2].Cells)
		t.HeaderRow = rows[2].Num
		return 3
	case len(rows) >= 2 && isQualtricsLegacy(rows[0].Cells, rows[1].Cells):
		t.Layout = LayoutQualtricsLegacy
		ids, names := trimAll(rows[0].Cells), trimAll(rows[1].Cells)
		t.Header = make([]string, len(ids))
		for i, id := range ids {
			t.Header[i] = id
			if legacyV.MatchString(id) && i < len(names) {
				t.Header[i] = names[i]
			}
		}
		t.Questions = names
		t.HeaderRow = rows[1].Num
		return 2
	case len(rows) >= 2 && isSurveyMonkey(rows[0].Cells, rows[1].Cells):
		t.Layout = LayoutSurveyMonkey
		t.Header = surveyMonkeyHeader(rows[0].Cells, rows[1].Cells)
		t.Questions = t.Header
		t.HeaderRow = rows[1].Num
		return 2
	}
	t.Layout = LayoutPlain
	limit := min(len(rows), opts.HeaderSearchRows)
	for i := 0; i < limit; i++ {
		if opts.HeaderMatch == nil || opts.HeaderMatch(trimAll(rows[i].Cells)) {
			t.Header = trimAll(rows[i].Cells)
			t.HeaderRow = rows[i].Num
			return i + 1
		}
	}
	return -1
}

func trimAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.TrimSpace(c)
	}
	return out
}

func isQualtricsImportRow(cells []string) bool {
	n, hits := 0, 0
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n++
		if strings.HasPrefix(c, `{"ImportId":`) {
			hits++
		}
	}
	return n > 0 && hits*2 > n
}

type importID struct {
	ImportID jsonText `json:"ImportId"`
	ChoiceID jsonText `json:"choiceId"`
}

// jsonText takes a JSON string or, should an export write one, a number
// as text, so one odd value does not lose the whole column's id.
type jsonText string

func (j *jsonText) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) != nil {
		s = string(b)
	}
	*j = jsonText(s)
	return nil
}

func importIDs(cells []string) (ids, choices []string) {
	ids, choices = make([]string, len(cells)), make([]string, len(cells))
	for i, c := range cells {
		var id importID
		if json.Unmarshal([]byte(strings.TrimSpace(c)), &id) == nil {
			ids[i], choices[i] = string(id.ImportID), string(id.ChoiceID)
			if choices[i] != "" {
				ids[i] += "#" + choices[i]
			}
		}
	}
	return ids, choices
}

var legacyV = regexp.MustCompile(`^V[0-9]+$`)

func isQualtricsLegacy(first, second []string) bool {
	if len(first) == 0 || strings.TrimSpace(strings.TrimPrefix(first[0], "\ufeff")) != "V1" {
		return false
	}
	for _, c := range second {
		if strings.TrimSpace(c) == "ResponseID" {
			return true
		}
	}
	return false
}

func isSurveyMonkey(first, second []string) bool {
	if len(first) == 0 || strings.TrimSpace(first[0]) != "Respondent ID" {
		return false
	}
	for _, c := range second {
		switch strings.TrimSpace(c) {
		case "Response", "Open-Ended Response":
			return true
		}
	}
	return false
}

// surveyMonkeyHeader joins each question with its sub-field, carrying the
// question forward over the blank cells of multi-column questions.
func surveyMonkeyHeader(first, second []string) []string {
	n := max(len(first), len(second))
	out := make([]string, n)
	question := ""
	for i := 0; i < n; i++ {
		if i < len(first) && strings.TrimSpace(first[i]) != "" {
			question = strings.TrimSpace(first[i])
		}
		sub := ""
		if i < len(second) {
			sub = strings.TrimSpace(second[i])
		}
		switch sub {
		case "", "Response", "Open-Ended Response":
			out[i] = question
		default:
			out[i] = question + " - " + sub
		}
	}
	return out
}
