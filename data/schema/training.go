package schema

// TrainingType classifies an event of the trainings and presentations log
// (toolkit step 8: "presentation, training, special event").
type TrainingType uint8

// Training types, in column order.
const (
	TypeTraining TrainingType = iota
	TypePresentation
	TypeOtherEvent
)

// TrainingTypes lists the canonical type names in column order.
var TrainingTypes = []string{"training", "presentation", "event"}

// StatewideRegion is the region value of records that cover the whole
// state (a statewide webinar, the plan's "Region: State" milestones).
const StatewideRegion = "Statewide"

// Training is one event of the trainings and presentations log.
// Attendance counts professionals reached, not survivors.
type Training struct {
	Date       Date
	Region     string // canonical region name or StatewideRegion
	CountyFIPS string
	Type       TrainingType
	Audience   string
	Attendance int // Missing when not recorded
	// Organizations holds the participating organisations' normalised
	// names (for counting distinct organisations).
	Organizations []string
	Source        Position
}
