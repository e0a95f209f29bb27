package normalize

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// Referral fields (SPEC's canonical names), in template order. county is
// accepted besides county_fips: a county name, matched to one county.
var referralFields = []string{"referral_id", "referral_date", "client_code", "referring_agency",
	"receiving_agency", "service", "county_fips", "county", "region", "status", "completed_date", "abuse_types"}

// ReferralFields lists the canonical referral columns in template order
// (without the optional county-name column).
func ReferralFields() []string {
	var out []string
	for _, f := range referralFields {
		if f != "county" {
			out = append(out, f)
		}
	}
	return out
}

// StatusSpec lists the spellings of one referral status.
type StatusSpec struct {
	// Status is completed, not_completed, declined or pending.
	Status string   `mapstructure:"status"`
	Values []string `mapstructure:"values"`
}

// AgencySpec names an agency and other spellings partners use for it, so
// both records of one referral name the same agencies.
type AgencySpec struct {
	Name    string   `mapstructure:"name"`
	Aliases []string `mapstructure:"aliases"`
}

// ReferralOptions say how referral sheets are read and matched.
type ReferralOptions struct {
	// Columns lists, per canonical field, other header spellings.
	Columns map[string][]string `mapstructure:"columns"`
	// Statuses are the accepted spellings of each status; any other value
	// is a problem with its cell.
	Statuses []StatusSpec `mapstructure:"statuses"`
	Agencies []AgencySpec `mapstructure:"agencies"`
	// Identifiers are header patterns of direct identifiers. A sheet with
	// such a column is refused, unless DropIdentifiers drops the columns
	// unread.
	Identifiers     []string `mapstructure:"identifiers"`
	DropIdentifiers bool     `mapstructure:"drop_identifiers"`
	// DuplicateWindowDays: two records of different files are one referral
	// when client, service and both agencies match and their referral
	// dates are at most this many days apart (0: the same day).
	DuplicateWindowDays int `mapstructure:"duplicate_window_days"`
	// Confidence is the level of the Wilson interval of completion rates.
	Confidence float64 `mapstructure:"confidence"`
}

// Validate checks the options and fills defaults.
func (o *ReferralOptions) Validate() error {
	if _, err := newFieldSet("referrals", referralFields, o.Columns); err != nil {
		return err
	}
	if _, err := newStatusVocab(o.Statuses); err != nil {
		return err
	}
	if _, err := newAgencyVocab(o.Agencies); err != nil {
		return err
	}
	if o.DuplicateWindowDays < 0 {
		return fmt.Errorf("referrals.duplicate_window_days %d: want 0 or more", o.DuplicateWindowDays)
	}
	if o.Confidence == 0 {
		o.Confidence = 0.95
	}
	if o.Confidence <= 0 || o.Confidence >= 1 {
		return fmt.Errorf("referrals.confidence %v: want a level between 0 and 1", o.Confidence)
	}
	return nil
}

// Referrals reads partner agencies' referral sheets. One Referrals value
// reads one file (all its sheets): referral ids must be unique within it.
type Referrals struct {
	Vocab   *Vocabulary
	Geo     *reference.Geography
	Options ReferralOptions
	// Input numbers the file among the run's referral files.
	Input  int
	Report func(schema.Problem)

	ids referralIDs
}

// ErrNotInput marks a sheet with no header of the input being read (the
// templates' Instructions sheet, a notes sheet): it is skipped.
var ErrNotInput = errors.New("no header row")

// TemplateSheets are the sheets of needsmap's input templates that hold
// no data; readers skip them without a problem.
var TemplateSheets = []string{"Instructions", "Lists"}

// Read maps the table's header and streams its rows to emit, which must
// copy what it keeps: the Referral is reused. It returns an error wrapping
// ErrNotInput for a sheet with no referral header, a problem error
// wrapping ErrIdentifiers for a refused sheet, and an error for a sheet
// missing a required column; the caller goes on with other sheets.
func (r *Referrals) Read(t *source.Table, emit func(*schema.Referral) error) (Stats, error) {
	return ReadReferrals(r, t, 1, func(_ int, rec *schema.Referral) *schema.Referral { return rec }, emit,
		func(*schema.Referral) {})
}

// newRowReader finds the header, applies the identifier policy and
// checks the required columns.
func (r *Referrals) newRowReader(t *source.Table) (*referralRow, error) {
	fs, err := newFieldSet("referrals", referralFields, r.Options.Columns)
	if err != nil {
		return nil, err
	}
	header, hrow, ok, err := fs.findHeader(t, 3)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s: %w: none of its first rows names three referral columns (%s)", where(t), ErrNotInput,
			strings.Join(ReferralFields(), ", "))
	}
	cols := fs.mapHeader(t, header, hrow, r.Report)
	policy := newIdentifierPolicy(r.Options.Identifiers, r.Options.DropIdentifiers)
	dropped, refusal := policy.check(t, header, hrow, cols, "referrals")
	if refusal != nil {
		return nil, refusal
	}
	if len(dropped) > 0 {
		r.Report(schema.Problem{File: t.File, Sheet: t.Sheet, Row: hrow,
			Reason: fmt.Sprintf("%d column(s) of direct identifiers dropped unread (referrals.drop_identifiers)", len(dropped))})
	}
	if missing := missingReferralFields(cols); missing != "" {
		return nil, &schema.FatalError{File: where(t), Reason: "sheet not used: " + missing}
	}
	return r.rowReader(t, header, hrow, cols)
}

func missingReferralFields(cols map[string]int) string {
	var missing []string
	for _, f := range []string{"referral_date", "service", "status"} {
		if _, ok := cols[f]; !ok {
			missing = append(missing, f)
		}
	}
	_, r := cols["region"]
	_, c := cols["county_fips"]
	_, n := cols["county"]
	if !r && !c && !n {
		missing = append(missing, "region or county_fips")
	}
	if len(missing) == 0 {
		return ""
	}
	return "no column for " + strings.Join(missing, ", ")
}

// unreadable is the problem of a row the source could not read.
func unreadable(t *source.Table, re *source.RowError) schema.Problem {
	return schema.Problem{File: t.File, Sheet: t.Sheet, Row: re.Num, Reason: "unreadable row: " + re.Err.Error()}
}

// streamRows reads every data row of t into parse, counting rows read,
// kept and rejected; an unreadable row is a problem, and reading goes on.
func streamRows(t *source.Table, report func(schema.Problem), st *Stats, parse func(source.Row) (bool, int, error)) error {
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var re *source.RowError
			if !errors.As(err, &re) {
				return fmt.Errorf("read %s: %w", where(t), err)
			}
			st.Read++
			st.Rejected++
			report(unreadable(t, re))
			continue
		}
		st.Read++
		ok, bad, err := parse(row)
		if err != nil {
			return err
		}
		if !ok {
			st.Rejected++
			continue
		}
		st.Cells += bad
		st.Kept++
	}
}
