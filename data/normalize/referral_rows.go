package normalize

import (
	"fmt"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// referralRow parses the rows of one table into a reused Referral.
type referralRow struct {
	r      *Referrals
	t      *source.Table
	header []string
	col    [nReferralFields]int    // column of each field, -1 for none
	vals   [nReferralFields]string // the fields of the row being read
	strict bool                    // CSV rows must match the header width
	rec    schema.Referral
	report func(schema.Problem)

	status  statusVocab
	agency  agencyVocab
	service memo[int]
	region  memo[string]
	county  memo[*schema.County]
	agencyM memo[schema.Agency]
	statusM memo[schema.ReferralStatus]
	abuse   memo[schema.AbuseTypes]
	dates   memo[schema.Date] // a file spans a few thousand days
}

func (r *Referrals) rowReader(t *source.Table, header []string, hrow int, cols map[string]int) (*referralRow, error) {
	sv, err := newStatusVocab(r.Options.Statuses)
	if err != nil {
		return nil, err
	}
	av, err := newAgencyVocab(r.Options.Agencies)
	if err != nil {
		return nil, err
	}
	rr := &referralRow{r: r, t: t, header: header, strict: t.Sheet == "", status: sv, agency: av, report: r.Report}
	for f, name := range referralFields {
		rr.col[f] = -1
		if j, ok := cols[name]; ok {
			rr.col[f] = j
		}
	}
	rr.rec.Input = r.Input
	rr.rec.Source = schema.Position{File: t.File, Sheet: t.Sheet}
	return rr, nil
}

func (rr *referralRow) problem(row, col int, reason, value string) {
	p := schema.Problem{File: rr.t.File, Sheet: rr.t.Sheet, Row: row, Column: col, Reason: reason, Value: value}
	if col > 0 && col <= len(rr.header) {
		p.Field = rr.header[col-1]
	}
	rr.report(p)
}

// Referral fields by their index in referralFields.
const (
	rfID = iota
	rfDate
	rfClient
	rfReferring
	rfReceiving
	rfService
	rfCountyFIPS
	rfCounty
	rfRegion
	rfStatus
	rfCompleted
	rfAbuse
	nReferralFields
)

// load reads the row's cells of every field, trimmed, into rr.vals.
func (rr *referralRow) load(row *source.Row) {
	row.Pick(rr.col[:], rr.vals[:])
	rr.trim()
}

// trim trims the loaded cells.
func (rr *referralRow) trim() {
	for f := range rr.vals {
		if s := rr.vals[f]; s != "" && (s[0] <= ' ' || s[0] >= 0x80 || s[len(s)-1] <= ' ' || s[len(s)-1] >= 0x80) {
			rr.vals[f] = strings.TrimSpace(s)
		}
	}
}

// field returns the trimmed cell of a field of the loaded row and its
// 1-based column.
func (rr *referralRow) field(_ *source.Row, f int) (string, int, bool) {
	j := rr.col[f]
	return rr.vals[f], j + 1, j >= 0
}

// parse fills rr.rec; ok is false when the row is not used, and bad
// counts cells ignored in a used row.
func (rr *referralRow) parse(row *source.Row) (ok bool, bad int) {
	if rr.strict && !widthOK(rr, row) {
		return false, 0
	}
	rr.load(row)
	if id, col, ok := rr.id(row); ok && !rr.r.ids.add(id) {
		rr.problem(row.Num, col, repeatedID, "")
		return false, 0
	}
	return rr.fields(row)
}

const repeatedID = "referral id repeats an earlier row of this file; row not used"

// id reads the referral id into rr.rec; ok is false when there is none.
func (rr *referralRow) id(row *source.Row) (id string, col int, ok bool) {
	id, col, ok = rr.field(row, rfID)
	rr.rec.ID = id
	return id, col, ok && id != ""
}

// fields parses the row's cells but the id, which the caller checks.
func (rr *referralRow) fields(row *source.Row) (ok bool, bad int) {
	rec := &rr.rec
	rec.Source.Row = row.Num
	if !rr.date(row) || !rr.serviceOf(row) || !rr.statusOf(row) || !rr.place(row, &bad) {
		return false, 0
	}
	bad += rr.completion(row)
	bad += rr.abuseTypes(row)
	rec.Client = upper(cellOf(rr, row, rfClient))
	rec.Referring = rr.agencyOf(row, rfReferring)
	rec.Receiving = rr.agencyOf(row, rfReceiving)
	return true, bad
}

// upper is strings.ToUpper without its call for the usual client code,
// already upper case ASCII.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			return strings.ToUpper(s)
		}
	}
	return s
}

func cellOf(rr *referralRow, row *source.Row, f int) string {
	s, _, _ := rr.field(row, f)
	return s
}

// widthOK rejects a CSV row whose cell count differs from the header's,
// unless the extra cells are empty.
func widthOK(rr *referralRow, row *source.Row) bool {
	want, n := len(rr.header), row.Len()
	if n == want || n > want && blankFrom(row, want) {
		return true
	}
	rr.problem(row.Num, 0, fmt.Sprintf("ragged row: %d cells, the header has %d; row not used", n, want), "")
	return false
}

func (rr *referralRow) date(row *source.Row) bool {
	s, col, _ := rr.field(row, rfDate)
	d, err := rr.dates.get(s, rr.parseDate)
	switch {
	case err != nil:
		rr.problem(row.Num, col, "referral date: "+err.Error()+"; row not used", clipDate(s))
		return false
	case d == schema.NoDate:
		rr.problem(row.Num, col, "referral date is empty; row not used", "")
		return false
	case !plausible(d):
		rr.problem(row.Num, col, "referral date "+d.String()+" is outside 1990–2099; row not used", clipDate(s))
		return false
	}
	rr.rec.Date = d
	return true
}

func (rr *referralRow) parseDate(s string) (schema.Date, error) { return ParseDate(s, rr.t.Date1904) }

// plausible bounds the dates of referrals, trainings and milestones; a
// small number in a date column (a serial of 1900) is a mistake.
func plausible(d schema.Date) bool {
	return d >= firstPlausible && d <= lastPlausible
}

var firstPlausible, lastPlausible = schema.DateOf(1990, 1, 1), schema.DateOf(2099, 12, 31)

func (rr *referralRow) serviceOf(row *source.Row) bool {
	s, col, _ := rr.field(row, rfService)
	i, err := rr.service.get(s, func(s string) (int, error) {
		if i, ok := rr.r.Vocab.CategoryIndex(s); ok {
			return i, nil
		}
		if s == "" {
			return 0, fmt.Errorf("service is empty")
		}
		return 0, fmt.Errorf("unknown service (add it to a category's aliases)")
	})
	if err != nil {
		rr.problem(row.Num, col, err.Error()+"; row not used", clip(s))
		return false
	}
	rr.rec.Service = i
	return true
}

func (rr *referralRow) statusOf(row *source.Row) bool {
	s, col, _ := rr.field(row, rfStatus)
	st, err := rr.statusM.get(s, rr.status.parse)
	if err != nil {
		rr.problem(row.Num, col, err.Error()+"; row not used", clip(s))
		return false
	}
	rr.rec.Status = st
	return true
}

// place resolves region and county: the region column when given (it
// wins), otherwise the county's region.
func (rr *referralRow) place(row *source.Row, bad *int) bool {
	rec := &rr.rec
	rec.Region, rec.CountyFIPS = "", ""
	county, ccol, err := rr.countyOf(row)
	if err != nil {
		county = &noCounty
	}
	if name, col, ok := rr.field(row, rfRegion); ok && name != "" {
		region, err := rr.region.get(name, func(s string) (string, error) {
			if r, ok := rr.r.Vocab.Region(s); ok {
				return r, nil
			}
			return "", fmt.Errorf("unknown region")
		})
		if err != nil {
			rr.problem(row.Num, col, "unknown region; row not used", clip(name))
			return false
		}
		rec.Region = region
	}
	if err != nil {
		if rec.Region == "" {
			rr.problem(row.Num, ccol, err.Error()+"; row not used", "")
			return false
		}
		rr.problem(row.Num, ccol, err.Error()+"; cell ignored", "")
		*bad++
	}
	rec.CountyFIPS = county.FIPS
	if rec.Region == "" {
		if county.FIPS == "" {
			rr.problem(row.Num, 0, "no region and no county given; row not used", "")
			return false
		}
		if county.Region == "" {
			rr.problem(row.Num, ccol, fmt.Sprintf("county %s (%s, %s) is in no region of the region table; row not used", county.FIPS, county.Name, county.State), "")
			return false
		}
		rec.Region = county.Region
	}
	return true
}

var noCounty schema.County

// countyOf reads county_fips, else county (a name). A county cell may be
// the template's "29510 St. Louis city, MO": the leading code counts.
func (rr *referralRow) countyOf(row *source.Row) (*schema.County, int, error) {
	raw, col, ok := rr.field(row, rfCountyFIPS)
	byName := false
	if !ok || raw == "" {
		if raw, col, ok = rr.field(row, rfCounty); !ok || raw == "" {
			return &noCounty, col, nil
		}
		byName = true
	}
	c, err := rr.county.get(raw, func(s string) (*schema.County, error) {
		c, err := lookupCounty(rr.r.Geo, s, byName)
		return &c, err
	})
	if err != nil {
		return &noCounty, col, fmt.Errorf("county %q: %w", clip(raw), err)
	}
	return c, col, nil
}

func (rr *referralRow) completion(row *source.Row) int {
	rec := &rr.rec
	rec.CompletedOn = schema.NoDate
	s, col, ok := rr.field(row, rfCompleted)
	if !ok || s == "" || rec.Status != schema.StatusCompleted {
		return 0
	}
	d, err := rr.dates.get(s, rr.parseDate)
	switch {
	case err != nil:
		rr.problem(row.Num, col, "completion date: "+err.Error()+"; days to completion not counted", clipDate(s))
		return 1
	case !plausible(d):
		rr.problem(row.Num, col, "completion date "+d.String()+" is outside 1990–2099; days to completion not counted", clipDate(s))
		return 1
	case d < rec.Date:
		rr.problem(row.Num, col, "completed before the referral date; days to completion not counted", clipDate(s))
		return 1
	}
	rec.CompletedOn = d
	return 0
}

func (rr *referralRow) abuseTypes(row *source.Row) int {
	s, col, ok := rr.field(row, rfAbuse)
	rr.rec.Abuse = 0
	if !ok || s == "" {
		return 0
	}
	a, err := rr.abuse.get(s, parseAbuse)
	rr.rec.Abuse = a
	if err != nil {
		rr.problem(row.Num, col, err.Error()+"; the other types are kept", clip(s))
		return 1
	}
	return 0
}

func (rr *referralRow) agencyOf(row *source.Row, f int) schema.Agency {
	s, _, _ := rr.field(row, f)
	if s == "" {
		return schema.Agency{}
	}
	// The agency's name outlives the row: a copy, so it does not hold on
	// to the text the row was read from.
	a, _ := rr.agencyM.get(s, func(s string) (schema.Agency, error) { return rr.agency.lookup(strings.Clone(s)), nil })
	return a
}
