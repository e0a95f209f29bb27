package reports

import (
	"reflect"
	"testing"

	"needsmap/data/schema"
	"needsmap/reports/tables"
)

func TestProblemReasons(t *testing.T) {
	got := ProblemReasons([]schema.Problem{{Reason: "b"}, {Reason: "a"}, {}, {Reason: "b"}, {Reason: "a"}, {Reason: "c"}, {Reason: "b"}})
	want := []ReasonCount{{"b", 3}, {"a", 2}, {"(no reason given)", 1}, {"c", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ProblemReasons = %v, want %v", got, want)
	}
}

func TestSnapshotViews(t *testing.T) {
	tb := &tables.Table{Title: "Survivors served", Columns: []string{"scope", "survivors", "sex", "minor", "suppression", "ipv"}}
	for _, tc := range []struct {
		name  string
		t     *tables.Table
		all   bool
		wants []SnapshotView
	}{
		{"statewide", tb, true, []SnapshotView{
			{"Survivors served: by trafficking type", []int{1, 2}},
			{"Survivors served: by sex-trafficking subtype, age and population", []int{3, 5}}}},
		{"one region", tb, false, []SnapshotView{
			{"Survivors served, Central: by trafficking type", []int{1, 2}},
			{"Survivors served, Central: by sex-trafficking subtype, age and population", []int{3, 5}}}},
		{"by type only", &tables.Table{Title: "S", Columns: []string{"scope", "survivors"}}, true,
			[]SnapshotView{{"S: by trafficking type", []int{1}}}},
		{"no by-type column", &tables.Table{Title: "S", Columns: []string{"scope", "minor"}}, true, nil},
	} {
		if got := SnapshotViews(tc.t, "Central", tc.all); !reflect.DeepEqual(got, tc.wants) {
			t.Errorf("%s: SnapshotViews = %v, want %v", tc.name, got, tc.wants)
		}
	}
	row := []tables.Cell{tables.T("Central")}
	if !SnapshotRow(row, "Central", false) || SnapshotRow(row, "North", false) || !SnapshotRow(row, "North", true) {
		t.Error("SnapshotRow keeps the wrong rows")
	}
}
