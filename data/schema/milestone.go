package schema

// Term is the horizon of a logic-model outcome.
type Term uint8

// Terms of the strategic plan's performance-measure tables.
const (
	TermNone Term = iota
	TermShort
	TermMedium
	TermLong
	TermUltimate
)

// String is the canonical name of the term.
func (t Term) String() string {
	switch t {
	case TermShort:
		return "short"
	case TermMedium:
		return "medium"
	case TermLong:
		return "long"
	case TermUltimate:
		return "ultimate"
	}
	return ""
}

// Terms lists the terms in order.
var Terms = []Term{TermShort, TermMedium, TermLong, TermUltimate}

// Progress is the status a tracker reports for a milestone.
type Progress uint8

// Reported progress values.
const (
	ProgressNone Progress = iota // blank: not started or not reported
	ProgressNotStarted
	ProgressInProgress
	ProgressComplete
	ProgressDropped
)

// String is the canonical name of the reported progress.
func (p Progress) String() string {
	switch p {
	case ProgressNotStarted:
		return "not_started"
	case ProgressInProgress:
		return "in_progress"
	case ProgressComplete:
		return "complete"
	case ProgressDropped:
		return "dropped"
	}
	return ""
}

// Milestone is one outcome of a logic-model tracker, with its target.
// Notes are never read: free text may name people.
type Milestone struct {
	Region   string // canonical region name or StatewideRegion
	Need     string // category or combined key, or the text as written
	Label    string // the need's label
	Resource string
	Task     string
	Term     Term
	Outcome  string
	// TargetText is the target as written ("by 6/2020", "+6m"); Target is
	// the day it means (the last day of a month target), NoDate when the
	// cell is empty or not a real date.
	TargetText  string
	Target      Date
	Reported    Progress
	CompletedOn Date
	Source      Position
}
