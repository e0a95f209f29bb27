package normalize

import (
	"errors"
	"fmt"
	"strings"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// Stats counts what happened to the rows of one input.
type Stats struct {
	File     string
	Sheet    string
	Layout   string
	Encoding string
	Read     int // data rows read
	Kept     int // rows used
	Rejected int // rows not used (each has a problem)
	Cells    int // cells ignored in kept rows (each has a problem)
}

// Survey reads survey responses from a table and passes each usable one to
// emit. The Response passed to emit is reused: emit must copy what it keeps.
type Survey struct {
	Vocab   *Vocabulary
	Geo     *reference.Geography
	Options SurveyOptions
	// Report receives every problem, in file order.
	Report func(schema.Problem)
}

// ErrNoSurveyColumns is wrapped by the error for a table that has no
// usable survey columns.
var ErrNoSurveyColumns = errors.New("not a needs-assessment survey")

// Read maps the table's columns and streams its rows. It fails only when
// the table cannot be used at all.
func (s *Survey) Read(t *source.Table, emit func(*schema.Response) error) (Stats, error) {
	return s.ReadParallel(t, 1, emit)
}

// stream reads the table's rows one by one.
func (s *Survey) stream(t *source.Table, rr *rowReader, st *Stats, emit func(*schema.Response) error) error {
	return streamRows(t, s.Report, st, func(row source.Row) (bool, int, error) {
		ok, cells := rr.parse(&row)
		if !ok {
			return false, 0, nil
		}
		return true, cells, emit(&rr.resp)
	})
}

func where(t *source.Table) string {
	if t.Sheet == "" {
		return t.File
	}
	return fmt.Sprintf("%s sheet %q", t.File, t.Sheet)
}

// rowReader parses rows of one table into a reused Response. It is the
// inner loop of every survey read, so it allocates nothing per row in the
// common case: field columns are looked up by index, region spellings are
// resolved once, and respondent ids go to a compact set.
type rowReader struct {
	s       *Survey
	report  func(schema.Problem)
	t       *source.Table
	m       columnMap
	resp    schema.Response
	cols    []int // column of each field of surveyFields(), -1 when absent
	ids     idSet
	sectors map[string]string // folded → first spelling seen
	spelled map[string]regionHit
	regBuf  []string
	strict  bool // CSV rows must match the header width
	// rated lists the rating and rank columns in column order; quick
	// holds the rating of every one-byte cell that has one without a
	// problem (nearly every cell of a numeric export).
	rated   []ratedCol
	quick   [256]int8
	quickOK [256]bool
}

type ratedCol struct {
	j        int
	kind     colKind
	category int
}

// regionHit is a region cell's spelling resolved: the region it names, as
// a one-element slice shared by every row that spells it so.
type regionHit struct {
	regions []string
	known   bool
}

// maxRegionSpellings bounds the region cache; past it spellings are
// resolved each time (a file with thousands of distinct region spellings
// is broken anyway, and each is reported).
const maxRegionSpellings = 4096

func (s *Survey) newRowReader(t *source.Table, m columnMap) *rowReader {
	rr := &rowReader{s: s, report: s.Report, t: t, m: m, ids: newIDSet(),
		sectors: map[string]string{}, spelled: map[string]regionHit{}, strict: t.Sheet == ""}
	for j, c := range m.cols {
		if c.kind == colRating || c.kind == colRank {
			rr.rated = append(rr.rated, ratedCol{j, c.kind, c.category})
		}
	}
	for b := range 256 {
		if v, err := s.Vocab.Rating(string([]byte{byte(b)})); err == nil {
			rr.quick[b], rr.quickOK[b] = v, true
		}
	}
	for _, f := range surveyFields() {
		j, ok := m.fields[f]
		if !ok {
			j = -1
		}
		rr.cols = append(rr.cols, j)
	}
	rr.resp.Ratings = make([]int8, len(s.Vocab.Categories))
	if m.ranks > 0 {
		rr.resp.Ranks = make([]int8, len(s.Vocab.Categories))
	}
	return rr
}

func (rr *rowReader) problem(row, col int, reason, value string) {
	p := schema.Problem{File: rr.t.File, Sheet: rr.t.Sheet, Row: row, Column: col, Reason: reason, Value: value}
	if col > 0 && col <= len(rr.t.Header) {
		p.Field = rr.t.Header[col-1]
	}
	rr.report(p)
}

// parse fills rr.resp from a row. It returns false when the row is not
// used, and the number of cells ignored otherwise.
func (rr *rowReader) parse(row *source.Row) (bool, int) {
	if !rr.widthOK(row) {
		return false, 0
	}
	if !rr.uniqueID(row) {
		return false, 0
	}
	ok, bad := rr.fields(row)
	if ok {
		rr.resp.Sector = rr.firstSpelling(rr.resp.Sector)
	}
	return ok, bad
}

// fields fills rr.resp from a row but the id, which the caller checks,
// and leaves the sector as spelled in the row (see firstSpelling).
func (rr *rowReader) fields(row *source.Row) (bool, int) {
	regions, ok := rr.regions(row)
	if !ok {
		return false, 0
	}
	r := &rr.resp
	r.Regions = regions
	r.Sector = rr.sector(row)
	bad := rr.ratings(row)
	bad += rr.survivors(row)
	return true, bad
}

func cell(row *source.Row, j int) string {
	return row.Cell(j)
}

// Field ids: positions in surveyFields().
const (
	fRespondentID = iota
	fRegion
	fCountyFIPS
	fCounty
	fSector
	fServed
	fCounts // the first of countFields
)

// field returns the trimmed cell of field f, its 1-based column, and
// whether the table has the field at all.
func (rr *rowReader) field(row *source.Row, f int) (string, int, bool) {
	j := rr.cols[f]
	if j < 0 {
		return "", 0, false
	}
	return trimSpace(cell(row, j)), j + 1, true
}

// trimSpace is strings.TrimSpace without its call for the usual cell that
// has no space at either end.
func trimSpace(s string) string {
	if s == "" || (s[0] > ' ' && s[0] < 0x80 && s[len(s)-1] > ' ' && s[len(s)-1] < 0x80) {
		return s
	}
	return strings.TrimSpace(s)
}

// widthOK rejects CSV rows whose cell count differs from the header's,
// unless the only extra cells are empty (a trailing delimiter).
func (rr *rowReader) widthOK(row *source.Row) bool {
	want := len(rr.t.Header)
	n := row.Len()
	if !rr.strict || n == want {
		return true
	}
	if n > want && blankFrom(row, want) {
		return true
	}
	rr.problem(row.Num, 0, fmt.Sprintf("ragged row: %d cells, the header has %d", n, want), "")
	return false
}

// blankFrom reports whether cells from..end of the row are all blank.
func blankFrom(row *source.Row, from int) bool {
	for j := from; j < row.Len(); j++ {
		if strings.TrimSpace(row.Cell(j)) != "" {
			return false
		}
	}
	return true
}

// uniqueID rejects a row whose respondent id was seen before. Numeric ids
// are kept as numbers so a million respondents stay cheap.
func (rr *rowReader) uniqueID(row *source.Row) bool {
	id, col, ok := rr.field(row, fRespondentID)
	if !ok || id == "" {
		return true
	}
	first, dup := rr.ids.add(id, int32(row.Num))
	if dup {
		rr.problem(row.Num, col, dupIDReason(first), "")
	}
	return !dup
}

func dupIDReason(first int32) string {
	return fmt.Sprintf("duplicate respondent id (first seen in row %d); row not used", first)
}

func (rr *rowReader) sector(row *source.Row) string {
	s, _, ok := rr.field(row, fSector)
	if !ok {
		return ""
	}
	return s
}

// firstSpelling returns the first spelling seen of a sector, so that
// "Law enforcement" and "law  enforcement" count as one.
func (rr *rowReader) firstSpelling(s string) string {
	if s == "" {
		return ""
	}
	k := Fold(s)
	if first, ok := rr.sectors[k]; ok {
		return first
	}
	s = strings.Clone(s) // the row's text may be reused
	rr.sectors[k] = s
	return s
}

// ratings reads every rating and rank cell; a bad cell becomes missing.
func (rr *rowReader) ratings(row *source.Row) int {
	r := &rr.resp
	for i := range r.Ratings {
		r.Ratings[i] = schema.Missing
	}
	for i := range r.Ranks {
		r.Ranks[i] = 0
	}
	bad := 0
	for _, rc := range rr.rated {
		c := cell(row, rc.j)
		switch rc.kind {
		case colRating:
			if c == "" {
				continue // blank is missing, as the reset left it
			}
			if len(c) == 1 && rr.quickOK[c[0]] {
				r.Ratings[rc.category] = rr.quick[c[0]]
				continue
			}
			v, err := rr.s.Vocab.Rating(c)
			if err != nil {
				rr.problem(row.Num, rc.j+1, err.Error()+"; cell ignored", clip(c))
				bad++
			}
			r.Ratings[rc.category] = v
		case colRank:
			v, ok := rankCell(c)
			if !ok {
				rr.problem(row.Num, rc.j+1, "rank is not a positive whole number; cell ignored", clip(c))
				bad++
			}
			r.Ranks[rc.category] = v
		}
	}
	return bad
}

func rankCell(s string) (int8, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "", "n/a", "na", "-":
		return 0, true
	}
	n, ok := wholeNumber(s)
	if !ok || n < 1 || n > 100 {
		return 0, false
	}
	return int8(n), true
}

// clip returns a coded value for a problem report, or a placeholder when
// the cell looks like free text or contact details: values are reported
// only for coded fields, and even there a stray name, phone number or
// e-mail address must not reach rejects.csv.
func clip(s string) string {
	s = strings.TrimSpace(s)
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if len(s) > 40 || digits >= 7 || strings.ContainsRune(s, '@') || len(strings.Fields(s)) > 5 {
		return "(text withheld)"
	}
	return s
}
