package schema

import "strconv"

// ReferralStatus is the outcome of a referral.
type ReferralStatus uint8

// Referral statuses. The order of the constants is the published column
// order; StatusNone is never counted.
const (
	StatusNone ReferralStatus = iota
	StatusCompleted
	StatusNotCompleted
	StatusDeclined
	StatusPending
)

// ReferralStatuses lists the statuses in column order.
var ReferralStatuses = []ReferralStatus{StatusCompleted, StatusNotCompleted, StatusDeclined, StatusPending}

// String is the canonical name of the status, as written in the
// template's drop-down and the tables' column names.
func (s ReferralStatus) String() string {
	switch s {
	case StatusCompleted:
		return "completed"
	case StatusNotCompleted:
		return "not_completed"
	case StatusDeclined:
		return "declined"
	case StatusPending:
		return "pending"
	}
	return ""
}

// Precedence ranks statuses for merging two records of one referral: the
// more final outcome wins (completed > declined > not completed > pending).
func (s ReferralStatus) Precedence() int {
	switch s {
	case StatusCompleted:
		return 4
	case StatusDeclined:
		return 3
	case StatusNotCompleted:
		return 2
	case StatusPending:
		return 1
	}
	return 0
}

// AbuseTypes is a set of the abuse types a referral records.
type AbuseTypes uint8

// Abuse types (SPEC: DV, SA, HT-sex, HT-labor).
const (
	AbuseDV AbuseTypes = 1 << iota
	AbuseSA
	AbuseHTSex
	AbuseHTLabor
)

// AbuseTypeNames are the canonical spellings, in bit order.
var AbuseTypeNames = []string{"DV", "SA", "HT-sex", "HT-labor"}

// Agency is a referring or receiving agency: Key is the normalised name
// used for matching (case, punctuation and configured aliases folded),
// Name the spelling shown in tables.
type Agency struct {
	Key, Name string
}

// Referral is one referral record of a partner agency's sheet. Readers
// reuse one Referral for every row: a consumer must copy what it keeps.
//
// Client is the de-identified client code. It is used only to recognise
// the same referral recorded by two agencies and is never published.
type Referral struct {
	ID          string // the sheet's referral id, "" when none
	Date        Date
	CompletedOn Date // NoDate when not completed or not recorded
	Client      string
	Referring   Agency
	Receiving   Agency
	Service     int    // index into the configured categories
	Region      string // canonical region name
	CountyFIPS  string // "" when not given
	Status      ReferralStatus
	Abuse       AbuseTypes
	// Source is where the record was read, for duplicate reports; Input
	// numbers the files of the run in reading order (records of
	// different files may be duplicates of each other).
	Source Position
	Input  int
}

// Position is a row of an input file or sheet.
type Position struct {
	File  string
	Sheet string
	Row   int
}

// String renders the position as `file`, `file sheet "S"`, plus the row.
func (p Position) String() string {
	s := p.File
	if p.Sheet != "" {
		s += " sheet \"" + p.Sheet + "\""
	}
	if p.Row > 0 {
		s += " row " + strconv.Itoa(p.Row)
	}
	return s
}
