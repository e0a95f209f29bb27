package normalize

import (
	"bytes"
	"testing"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

func openCSV(t *testing.T, text string) *source.Table {
	t.Helper()
	tables, err := source.Open("in.csv", bytes.NewReader([]byte(text)), int64(len(text)), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tables[0]
}

type outcomeProblem struct {
	row, col int
	reason   string
}

func checkOutcomeProblems(t *testing.T, got []schema.Problem, want []outcomeProblem) {
	t.Helper()
	if len(got) != len(want) {
		for _, p := range got {
			t.Log(p.Error())
		}
		t.Fatalf("%d problems, want %d", len(got), len(want))
	}
	for i, w := range want {
		if p := got[i]; p.Row != w.row || p.Column != w.col || p.Reason != w.reason {
			t.Errorf("problem %d = %s; want row %d column %d %q", i, p.Error(), w.row, w.col, w.reason)
		}
	}
}

func TestReadTrainings(t *testing.T) {
	text := "Date,County FIPS,Region,Type,Audience,Attendance,Organizations\n" +
		"2021-03-02,29095,,Webinar,Law enforcement,40,Gateway; Ozark Legal Aid\n" +
		"3/4/2021,,Statewide,Conference,,,\n" +
		"13/05/2021,,KC,Training,,10,\n" +
		"2021-03-05,,KC,Zoom,,10,\n" +
		"2021-03-06,,KC,Training,,about 40,\n" +
		"2021-03-07,,Ozarks,Training,,5,\n"
	geo, _ := reference.Load(reference.Options{})
	var got []schema.Training
	var problems []schema.Problem
	opts := TrainingOptions{Columns: map[string][]string{"county_fips": {"County FIPS"}},
		Types: []TypeSpec{{Type: "presentation", Values: []string{"Webinar"}}, {Type: "event", Values: []string{"Conference"}}}}
	r := &Trainings{Vocab: testVocab(t), Geo: geo, Options: opts, Report: func(p schema.Problem) { problems = append(problems, p) }}
	st, err := r.Read(openCSV(t, text), func(tr *schema.Training) error {
		c := *tr
		c.Organizations = append([]string(nil), tr.Organizations...)
		got = append(got, c)
		return nil
	})
	if err != nil || st.Kept != 3 || st.Rejected != 3 {
		t.Fatalf("%+v, %v", st, err)
	}
	checkOutcomeProblems(t, problems, []outcomeProblem{
		{4, 1, "date: month 13 does not exist (dates are read month first: 1/31/2020); row not used"},
		{5, 4, "unknown event type (training, presentation or event; add spellings to trainings.types); row not used"},
		{6, 6, "attendance is not a whole number of 0 or more; cell ignored"},
		{7, 3, "unknown region; row not used"},
	})
	if g := got[0]; g.Region != "Kansas City" || g.CountyFIPS != "29095" || g.Type != schema.TypePresentation || g.Attendance != 40 ||
		len(g.Organizations) != 2 || g.Organizations[1] != "Ozark Legal Aid" {
		t.Errorf("first = %+v", g)
	}
	if g := got[1]; g.Region != schema.StatewideRegion || g.Type != schema.TypeOtherEvent || g.Attendance != schema.Missing || g.Date != schema.DateOf(2021, 3, 4) {
		t.Errorf("second = %+v", g)
	}
	if g := got[2]; g.Attendance != schema.Missing {
		t.Errorf("third = %+v", g)
	}
}

func TestReadMilestones(t *testing.T) {
	text := "Region,Need,Resources,Tasks,Term,Outcome,Target,Status,Completed on,Notes\n" +
		"State,housing,Taskforce,Plan,Short term,Gain commitments,by 6/2020,Complete,6/18/2020,private note\n" +
		"KC,Legal services,Legal aid,Network,Long-term,Form a network,by 2/31/2020,In progress,,\n" +
		"Northwest,Mental health,Providers,Convene,Medium,Convene providers,+6m,,,\n" +
		"St. Louis,Something else,,,Soon,Other outcome,ongoing,Not started,,\n" +
		"Ozarks,Transportation,,,Short,X,6/2020,Complete,,\n" +
		"St. Louis,Transportation,,,Short,Y,6/2020,Paused,,\n" +
		"St. Louis,Transportation,,,Short,Z,6/2020,In progress,7/1/2020,\n" +
		"St. Louis,Transportation,,,Short,W,6/2020,,7/1/2020,\n"
	var problems []schema.Problem
	opts := MilestoneOptions{Statuses: []ProgressSpec{{Status: "in_progress", Values: []string{"In progress"}},
		{Status: "not_started", Values: []string{"Not started"}}}, StartDate: "2020-01-15",
		StartDates: []StartSpec{{Region: "NW", Date: "2020-07-01"}}, DueSoonDays: 30}
	v := testVocab(t)
	v.Regions = append(v.Regions, "Northwest")
	r := &Milestones{Vocab: v, Options: opts, Report: func(p schema.Problem) { problems = append(problems, p) }}
	if err := opts.Validate(v); err == nil {
		t.Fatal("start date of an unknown region accepted")
	}
	r.Options.StartDates[0].Region = "Northwest"
	ms, st, err := r.Read(openCSV(t, text))
	if err != nil || st.Kept != 6 || st.Rejected != 2 {
		t.Fatalf("%+v, %v", st, err)
	}
	checkOutcomeProblems(t, problems, []outcomeProblem{
		{3, 7, "target: not a real date: February 2020 has 29 days; target not used"},
		{5, 5, "unknown term (short, medium, long or ultimate); cell ignored"},
		{5, 7, `target: not a target date: write a date (1/31/2020), a month (6/2020), "by 12/2020" or an offset from the start date (+6m); target not used`},
		{6, 1, "unknown region (a region, or State for statewide milestones); row not used"},
		{7, 8, "unknown status (not_started, in_progress, complete or dropped; add spellings to milestones.statuses); row not used"},
		{8, 9, "completion date given but the status is in_progress; cell ignored"},
	})
	m := ms[0]
	if m.Region != schema.StatewideRegion || m.Need != "housing" || m.Term != schema.TermShort || m.Target != schema.DateOf(2020, 6, 30) ||
		m.Reported != schema.ProgressComplete || m.CompletedOn != schema.DateOf(2020, 6, 18) || m.TargetText != "by 6/2020" {
		t.Errorf("first = %+v", m)
	}
	if m := ms[1]; m.Region != "Kansas City" || m.Need != "legal_assistance" || m.Target != schema.NoDate || m.TargetText != "by 2/31/2020" {
		t.Errorf("second = %+v", m)
	}
	if m := ms[2]; m.Target != schema.DateOf(2021, 1, 1) || m.Reported != schema.ProgressNone {
		t.Errorf("offset from the region's start = %+v", m)
	}
	if m := ms[3]; m.Need != "Something else" || m.Label != "Something else" {
		t.Errorf("free-text need = %+v", m)
	}
	if m := ms[5]; m.Reported != schema.ProgressComplete || m.CompletedOn != schema.DateOf(2020, 7, 1) {
		t.Errorf("a completion date with a blank status = %+v", m)
	}
}
