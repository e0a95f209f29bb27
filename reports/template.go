package reports

// Template is a blank input workbook partner agencies fill in: a data
// sheet whose header row holds the canonical column names (so a filled
// template reads back with no mapping), drop-downs fed by lists, date
// cells, and instructions.
type Template struct {
	// Kind is referrals, resources, milestones or trainings.
	Kind string
	// Sheet names the data sheet.
	Sheet string
	Title string
	// Intro are the instructions' opening paragraphs (what the sheet is
	// for, privacy).
	Intro   []string
	Columns []TemplateColumn
	Lists   []TemplateList
}

// ColumnKind says what a template column holds.
type ColumnKind int

// Column kinds.
const (
	TextColumn  ColumnKind = iota // free text, stored as text
	DateColumn                    // a date cell
	WholeColumn                   // a whole number of 0 or more
	ListColumn                    // a value from List
)

// TemplateColumn is one column of the data sheet.
type TemplateColumn struct {
	Name string // canonical header
	Help string // what it holds, for the instructions and the cell prompt
	Kind ColumnKind
	// List names the TemplateList of a ListColumn; Strict refuses other
	// values (otherwise the list only suggests).
	List     string
	Strict   bool
	Required bool
	Width    float64
}

// TemplateList is one drop-down list, kept on a hidden sheet (a list of
// 217 counties is far over Excel's 255-character limit for inline lists).
type TemplateList struct {
	Name   string
	Values []string
}

// List returns the named list.
func (t *Template) List(name string) (TemplateList, bool) {
	for _, l := range t.Lists {
		if l.Name == name {
			return l, true
		}
	}
	return TemplateList{}, false
}
