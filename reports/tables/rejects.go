package tables

import (
	"needsmap/data/schema"
)

// Rejects is rejects.csv: every row or cell not used, with its position.
// Value is only ever set by the readers for coded fields.
func Rejects(problems []schema.Problem) *Table {
	t := &Table{Name: "rejects", Title: "Rows and cells not used",
		Columns: []string{"file", "sheet", "row", "column", "field", "reason", "value"}}
	for _, p := range problems {
		row := []Cell{T(p.File), T(p.Sheet), rank(p.Row), T(schema.ColumnLetter(p.Column)), T(p.Field), T(reason(p)), T(p.Value)}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func reason(p schema.Problem) string {
	if p.Err != nil {
		return joinNonEmpty(": ", p.Reason, p.Err.Error())
	}
	return p.Reason
}
