package trainings

import (
	"testing"

	"needsmap/data/schema"
)

func TestRows(t *testing.T) {
	b := NewBuilder([]string{"North", "South"}, schema.DateOf(2021, 1, 1), schema.DateOf(2021, 6, 30))
	add := func(m, d int, region string, typ schema.TrainingType, att int, orgs ...string) {
		b.Add(&schema.Training{Date: schema.DateOf(2021, m, d), Region: region, Type: typ, Attendance: att, Organizations: orgs})
	}
	add(1, 5, "North", schema.TypeTraining, 20, "Gateway FS", "gateway fs")
	add(2, 5, "North", schema.TypePresentation, -1, "Ozark Legal")
	add(5, 1, schema.StatewideRegion, schema.TypeOtherEvent, 100, "Gateway FS")
	add(8, 1, "South", schema.TypeTraining, 5)
	rows := b.Rows()
	if len(rows) != 9 || b.Outside != 1 {
		t.Fatalf("%d rows, %d outside", len(rows), b.Outside)
	}
	all := rows[2]
	if all.Scope != "Statewide" || all.Quarter != AllQuarters || all.Events != 3 || all.Attendance != 120 || all.Reported != 2 || all.Organizations != 2 {
		t.Errorf("statewide total = %+v", all)
	}
	if n := rows[3]; n.Scope != "North" || n.Events != 2 || n.ByType != [3]int{1, 1, 0} || n.Organizations != 2 {
		t.Errorf("North Q1 = %+v", n)
	}
	if s := rows[7]; s.Scope != "South" || s.Events != 0 {
		t.Errorf("South Q1 = %+v", s)
	}
}
