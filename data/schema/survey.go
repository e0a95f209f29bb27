package schema

// Missing marks a rating or count that was blank, "Don't know" or not asked.
const Missing = -1

// Category is one service category, keyed by its canonical key.
type Category struct {
	Key   string
	Label string
}

// Combined is a configured group of categories ranked as one need.
type Combined struct {
	Key     string
	Label   string
	Members []string // category keys
	Rule    string   // "max" or "mean"
}

// Level is one point of the need scale.
type Level struct {
	Value int
	Label string
}

// Response is one responding provider of a needs-assessment wave.
type Response struct {
	// Regions the provider serves (region names from the region table).
	// Usually one; several when the counties served span regions.
	Regions []string
	Sector  string
	// Ratings holds one value per configured category, in configuration
	// order: a scale value, or Missing.
	Ratings []int8
	// Ranks holds the position a respondent gave each category in a
	// rank-order question (1 = most needed), or 0 when not ranked. Nil when
	// the export has no rank-order question.
	Ranks     []int8
	Survivors Survivors
}

// Survivors is what a provider reported about survivors served in the past
// twelve months. Every field is a count or Missing.
type Survivors struct {
	Served, Sex, Labor, Both                int
	IPV, Familial, Pimp, Survival, OtherSex int
	Minor, Adult, LGBTQ, ForeignBorn        int
}

// NoSurvivors is a Survivors value with every field Missing.
var NoSurvivors = Survivors{
	Served: Missing, Sex: Missing, Labor: Missing, Both: Missing,
	IPV: Missing, Familial: Missing, Pimp: Missing, Survival: Missing, OtherSex: Missing,
	Minor: Missing, Adult: Missing, LGBTQ: Missing, ForeignBorn: Missing,
}

// Wave is a normalised survey export: its responses plus what was learned
// about the file while reading it.
type Wave struct {
	File       string
	Layout     string // "plain", "qualtrics", "qualtrics-legacy", "surveymonkey", "xlsx"
	Categories []Category
	Responses  []Response
	HasSector  bool
	HasRanks   bool
	RowsRead   int
}
