package normalize

import (
	"bytes"
	"strings"
	"testing"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

func testVocab(t testing.TB) *Vocabulary {
	t.Helper()
	cats := []CategorySpec{
		{Key: "mental_health", Label: "Mental health, therapy, counseling, support groups", Aliases: []string{"Mental health"}},
		{Key: "legal_assistance", Label: "Legal assistance", Aliases: []string{"Legal services"}},
		{Key: "transportation", Label: "Transportation"},
	}
	levels := []LevelSpec{{0, "Not a need", nil}, {1, "Low level need", nil}, {2, "Moderate level need", nil},
		{3, "High level need", nil}, {4, "Very high level need", []string{"Very high need"}}}
	v, err := NewVocabulary(cats, nil, ScaleSpec{Levels: levels, Missing: []string{"Don't know", "-99", "N/A"}},
		[]RegionSpec{{Name: "St. Louis", Aliases: []string{"STL"}}, {Name: "Kansas City", Aliases: []string{"KC"}}, {Name: "Northwest"}})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRating(t *testing.T) {
	v := testVocab(t)
	cases := []struct {
		in      string
		want    int8
		wantErr bool
	}{
		{"0", 0, false}, {"4", 4, false}, {" 3 ", 3, false}, {"3.0", 3, false}, {"2.00", 2, false},
		{"", schema.Missing, false}, {"Don't know", schema.Missing, false}, {"Don’t Know", schema.Missing, false},
		{"DON'T KNOW", schema.Missing, false}, {"-99", schema.Missing, false}, {"n/a", schema.Missing, false},
		{"High level need", 3, false}, {"high  level   need", 3, false}, {"Very high need", 4, false},
		{"5", schema.Missing, true}, {"-1", schema.Missing, true}, {"2.5", schema.Missing, true},
		{"huge need", schema.Missing, true}, {"1e3", schema.Missing, true},
	}
	for _, c := range cases {
		got, err := v.Rating(c.in)
		if got != c.want || (err != nil) != c.wantErr {
			t.Errorf("Rating(%q) = %d, %v; want %d, err %v", c.in, got, err, c.want, c.wantErr)
		}
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"need_mental_health": "need mental health", "  Mental   Health ": "mental health",
		"Don’t know": "don't know", "Metro-East": "metro east", "\ufeffrespondent_id": "respondent id",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVocabularyRejectsCollisions(t *testing.T) {
	_, err := NewVocabulary([]CategorySpec{{Key: "a", Label: "A", Aliases: []string{"x"}}, {Key: "b", Label: "B", Aliases: []string{"X"}}},
		nil, ScaleSpec{Levels: []LevelSpec{{0, "no", nil}, {1, "yes", nil}}}, nil)
	if err == nil || !strings.Contains(err.Error(), "names both") {
		t.Errorf("alias collision not caught: %v", err)
	}
}

type read struct {
	resps    []schema.Response
	problems []schema.Problem
	stats    Stats
	err      error
}

func readCSV(t *testing.T, text string, o SurveyOptions) read {
	t.Helper()
	v := testVocab(t)
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Validate(v); err != nil {
		t.Fatal(err)
	}
	tables, err := source.Open("survey.csv", bytes.NewReader([]byte(text)), int64(len(text)), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var r read
	s := &Survey{Vocab: v, Geo: geo, Options: o, Report: func(p schema.Problem) { r.problems = append(r.problems, p) }}
	r.stats, r.err = s.Read(tables[0], func(resp *schema.Response) error {
		c := *resp
		c.Ratings = append([]int8(nil), resp.Ratings...)
		r.resps = append(r.resps, c)
		return nil
	})
	return r
}

func TestSurveyRows(t *testing.T) {
	text := "respondent_id,region,county_fips,need_mental_health,Legal services,need_transportation,survivors_served,n_sex,n_labor,n_both\n" +
		"1,STL,,4,High level need,Don't know,10,8,1,1\n" + // row 2: fine
		"2,,29037,3,2,1,,,,\n" + // row 3: region from Cass County
		"3,Ozarks,,1,1,1,,,,\n" + // row 4: unknown region
		"1,KC,,1,1,1,,,,\n" + // row 5: duplicate id
		"5,KC,,7,1,1,3,2,2,0\n" + // row 6: rating off scale; types exceed total
		"6,KC,,1,1\n" + // row 7: ragged
		"7,,99999,1,1,1,,,,\n" + // row 8: unknown county
		"8,,,1,1,1,,,,\n" // row 9: no region
	r := readCSV(t, text, SurveyOptions{})
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.stats.Read != 8 || r.stats.Kept != 3 || r.stats.Rejected != 5 || r.stats.Cells != 2 {
		t.Errorf("stats = %+v", r.stats)
	}
	want := []struct {
		row  int
		col  string
		text string
	}{
		{4, "B", "unknown region"}, {5, "A", "duplicate respondent id (first seen in row 2)"},
		{6, "D", "value outside the scale"}, {6, "G", "more than the 3 survivors served"},
		{7, "", "ragged row: 5 cells, the header has 10"}, {8, "C", "unknown county FIPS code"},
		{9, "", "no region and no county given"},
	}
	if len(r.problems) != len(want) {
		t.Fatalf("problems = %d, want %d: %v", len(r.problems), len(want), r.problems)
	}
	for i, w := range want {
		p := r.problems[i]
		if p.Row != w.row || schema.ColumnLetter(p.Column) != w.col || !strings.Contains(p.Reason, w.text) || p.File != "survey.csv" {
			t.Errorf("problem %d = %q (row %d col %s), want row %d col %s %q", i, p.Error(), p.Row, schema.ColumnLetter(p.Column), w.row, w.col, w.text)
		}
	}
	if got := r.resps[0]; got.Regions[0] != "St. Louis" || got.Ratings[0] != 4 || got.Ratings[1] != 3 || got.Ratings[2] != schema.Missing || got.Survivors.Served != 10 {
		t.Errorf("row 2 = %+v", got)
	}
	if got := r.resps[1]; got.Regions[0] != "Northwest" {
		t.Errorf("Cass County mapped to %v, want Northwest", got.Regions)
	}
	if got := r.resps[2]; got.Ratings[0] != schema.Missing || got.Survivors.Served != schema.Missing {
		t.Errorf("row 6 = %+v, want the bad rating missing and survivors dropped", got)
	}
}

func TestSurveyNeedsColumns(t *testing.T) {
	r := readCSV(t, "id,name\n1,x\n", SurveyOptions{})
	if r.err == nil || !strings.Contains(r.err.Error(), "no need-rating column") || !strings.Contains(r.err.Error(), "no region or county_fips column") {
		t.Errorf("err = %v", r.err)
	}
}

func TestValuesNeverLeakFreeText(t *testing.T) {
	text := "respondent_id,region,need_mental_health,need_transportation,need_legal_assistance\n" +
		"1,KC,call Jane Doe at 314-555-0199,jane@example.org,very very very long free text answer here\n"
	r := readCSV(t, text, SurveyOptions{})
	for _, p := range r.problems {
		if strings.Contains(p.Value, "555") || strings.Contains(p.Value, "@") || strings.Contains(p.Value, "Jane") || strings.Contains(p.Value, "free text") {
			t.Errorf("problem value leaks free text: %q", p.Value)
		}
	}
	if len(r.problems) != 3 {
		t.Errorf("want 3 problems, got %v", r.problems)
	}
}

func TestQualtricsMapping(t *testing.T) {
	text := "ResponseId,Q1,Q2_1,Q2_2,Q3\n" +
		"Response ID,Which region do you serve?,How much of a need is each service? - Mental health,How much of a need is each service? - Transportation,Legal?\n" +
		`"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_1""}","{""ImportId"":""QID2_2""}","{""ImportId"":""QID3""}"` + "\n" +
		"R_1,KC,Very high level need,Not a need,High level need\n"
	o := SurveyOptions{Questions: []QuestionSpec{{Match: "QID1", Field: FieldRegion}, {Match: "Legal?", Category: "legal_assistance"}}}
	r := readCSV(t, text, o)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.stats.Layout != source.LayoutQualtrics || len(r.resps) != 1 {
		t.Fatalf("stats = %+v", r.stats)
	}
	got := r.resps[0]
	if got.Regions[0] != "Kansas City" || got.Ratings[0] != 4 || got.Ratings[1] != 3 || got.Ratings[2] != 0 {
		t.Errorf("response = %+v", got)
	}
}
