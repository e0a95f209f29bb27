package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"needsmap/data/normalize"
	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
	"needsmap/reports/xlsx"
)

// fillTemplate writes the template of kind, fills its data sheet with
// rows (values as a user enters them: text, dates as dates, numbers) and
// saves it.
func fillTemplate(t *testing.T, kind string, rows [][]any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), kind+".xlsx")
	if err := WriteTemplate(DefaultConfig(), kind, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := r
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return path
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// readTemplate reads a filled template through the normal readers with
// the default configuration and no mapping; it fails on any problem.
func readTemplate(t *testing.T, path string, read func(tb *source.Table, report func(schema.Problem)) (normalize.Stats, error)) {
	t.Helper()
	var problems []schema.Problem
	report := func(p schema.Problem) { problems = append(problems, p) }
	in := input{role: "test", name: path, path: path}
	_, used, err := readSheets(in, report, nil, func(tb *source.Table) (normalize.Stats, error) { return read(tb, report) })
	if err != nil || !used {
		t.Fatalf("read %s: used %v, %v", path, used, err)
	}
	for _, p := range problems {
		t.Errorf("problem: %s", p.Error())
	}
}

func testEnv(t *testing.T) (*normalize.Vocabulary, *reference.Geography) {
	t.Helper()
	cfg := DefaultConfig()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	v, err := cfg.Vocabulary()
	if err != nil {
		t.Fatal(err)
	}
	geo, err := reference.Load(cfg.Reference)
	if err != nil {
		t.Fatal(err)
	}
	return v, geo
}

// TestReferralTemplateRoundTrip fills the referral template and reads it
// back with no mapping: every field comes back as entered.
func TestReferralTemplateRoundTrip(t *testing.T) {
	v, geo := testEnv(t)
	stl, _ := geo.County("29510")
	jasper, _ := geo.County("29097")
	rows := [][]any{
		{"R-1", day(2021, 3, 15), "C10001", "Gateway Family Services", "Ozark Legal Aid", "Legal assistance", CountyChoice(stl), "", "completed", day(2021, 4, 2), "DV;HT-sex"},
		{"R-2", day(2021, 12, 31), "C10002", "Ozark Legal Aid", "Harbor House Women's Shelter", "Shelter for adults", CountyChoice(jasper), "Southwest", "pending", nil, "HT-labor"},
		{"R-3", day(2020, 2, 29), "C10003", "Gateway Family Services", "Riverbend Legal Aid", "Immigration assistance (T/U visa)", "", "Kansas City", "declined", nil, ""},
	}
	path := fillTemplate(t, "referrals", rows)
	cfg := DefaultConfig()
	cfg.Validate()
	var got []schema.Referral
	readTemplate(t, path, func(tb *source.Table, report func(schema.Problem)) (normalize.Stats, error) {
		r := &normalize.Referrals{Vocab: v, Geo: geo, Options: cfg.Referrals, Report: report}
		return r.Read(tb, func(rec *schema.Referral) error { got = append(got, *rec); return nil })
	})
	svc := func(label string) int { i, _ := v.CategoryIndex(label); return i }
	want := []schema.Referral{
		{ID: "R-1", Date: schema.DateOf(2021, 3, 15), CompletedOn: schema.DateOf(2021, 4, 2), Client: "C10001",
			Referring: schema.Agency{Key: "gateway family services", Name: "Gateway Family Services"},
			Receiving: schema.Agency{Key: "ozark legal aid", Name: "Ozark Legal Aid"}, Service: svc("legal_assistance"),
			Region: "St. Louis", CountyFIPS: "29510", Status: schema.StatusCompleted, Abuse: schema.AbuseDV | schema.AbuseHTSex},
		{ID: "R-2", Date: schema.DateOf(2021, 12, 31), CompletedOn: schema.NoDate, Client: "C10002",
			Referring: schema.Agency{Key: "ozark legal aid", Name: "Ozark Legal Aid"},
			Receiving: schema.Agency{Key: "harbor house women s shelter", Name: "Harbor House Women's Shelter"}, Service: svc("adult_shelter"),
			Region: "Southwest", CountyFIPS: "29097", Status: schema.StatusPending, Abuse: schema.AbuseHTLabor},
		{ID: "R-3", Date: schema.DateOf(2020, 2, 29), CompletedOn: schema.NoDate, Client: "C10003",
			Referring: schema.Agency{Key: "gateway family services", Name: "Gateway Family Services"},
			Receiving: schema.Agency{Key: "riverbend legal aid", Name: "Riverbend Legal Aid"}, Service: svc("immigration"),
			Region: "Kansas City", Status: schema.StatusDeclined},
	}
	if len(got) != len(want) {
		t.Fatalf("%d referrals read back, want %d", len(got), len(want))
	}
	for i := range want {
		got[i].Source, got[i].Input = schema.Position{}, 0
		if got[i] != want[i] {
			t.Errorf("row %d:\n got  %+v\n want %+v", i+2, got[i], want[i])
		}
	}
}

// TestTrainingTemplateRoundTrip: the trainings log template reads back
// with every field.
func TestTrainingTemplateRoundTrip(t *testing.T) {
	v, geo := testEnv(t)
	greene, _ := geo.County("29077")
	rows := [][]any{
		{day(2021, 5, 4), CountyChoice(greene), "", "training", "Law enforcement", 35, "Gateway Family Services; Ozark Legal Aid, Inc."},
		{day(2021, 6, 30), "", "Statewide", "presentation", "A custom audience", 120, ""},
		{day(2020, 1, 2), "", "Metro East", "event", "", nil, "Metro East Crisis Center"},
	}
	path := fillTemplate(t, "trainings", rows)
	var got []schema.Training
	readTemplate(t, path, func(tb *source.Table, report func(schema.Problem)) (normalize.Stats, error) {
		r := &normalize.Trainings{Vocab: v, Geo: geo, Options: DefaultConfig().Trainings, Report: report}
		return r.Read(tb, func(rec *schema.Training) error {
			c := *rec
			c.Organizations = append([]string(nil), rec.Organizations...)
			got = append(got, c)
			return nil
		})
	})
	want := []schema.Training{
		{Date: schema.DateOf(2021, 5, 4), Region: "Southwest", CountyFIPS: "29077", Type: schema.TypeTraining, Audience: "Law enforcement",
			Attendance: 35, Organizations: []string{"Gateway Family Services", "Ozark Legal Aid, Inc."}},
		{Date: schema.DateOf(2021, 6, 30), Region: schema.StatewideRegion, Type: schema.TypePresentation, Audience: "A custom audience", Attendance: 120},
		{Date: schema.DateOf(2020, 1, 2), Region: "Metro East", Type: schema.TypeOtherEvent, Attendance: schema.Missing, Organizations: []string{"Metro East Crisis Center"}},
	}
	if len(got) != len(want) {
		t.Fatalf("%d events read back, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		g.Source = schema.Position{}
		if g.Date != w.Date || g.Region != w.Region || g.CountyFIPS != w.CountyFIPS || g.Type != w.Type || g.Audience != w.Audience ||
			g.Attendance != w.Attendance || len(g.Organizations) != len(w.Organizations) {
			t.Errorf("row %d:\n got  %+v\n want %+v", i+2, g, w)
			continue
		}
		for j := range w.Organizations {
			if g.Organizations[j] != w.Organizations[j] {
				t.Errorf("row %d organization %d = %q, want %q", i+2, j, g.Organizations[j], w.Organizations[j])
			}
		}
	}
}

// TestMilestoneTemplateRoundTrip: targets stay text as the plan writes
// them (a target cell must not turn 6/2020 into a date), and every field
// the reader reads comes back. Notes are never read, by design.
func TestMilestoneTemplateRoundTrip(t *testing.T) {
	v, _ := testEnv(t)
	rows := [][]any{
		{"Statewide", "Housing (shelter and transitional)", "HT Taskforce", "Plan housing", "short", "Gain commitments", "by 6/2020", "complete", day(2020, 6, 18), "a note"},
		{"Central", "Transportation", "Transit partners", "Vouchers", "medium", "Rideshare vouchers", "+12m", "in_progress", nil, ""},
		{"Southwest", "Legal assistance", "Legal aid", "Network", "long", "Form a network", "by 1/31/2020", "not_started", nil, ""},
		{"Kansas City", "A need of our own", "", "", "ultimate", "Survivors housed", "", "dropped", nil, ""},
	}
	path := fillTemplate(t, "milestones", rows)
	var got []schema.Milestone
	readTemplate(t, path, func(tb *source.Table, report func(schema.Problem)) (normalize.Stats, error) {
		r := &normalize.Milestones{Vocab: v, Options: DefaultConfig().Milestones, Report: report}
		ms, st, err := r.Read(tb)
		got = append(got, ms...)
		return st, err
	})
	want := []schema.Milestone{
		{Region: schema.StatewideRegion, Need: "housing", Label: "Housing (shelter and transitional)", Resource: "HT Taskforce", Task: "Plan housing",
			Term: schema.TermShort, Outcome: "Gain commitments", TargetText: "by 6/2020", Target: schema.DateOf(2020, 6, 30),
			Reported: schema.ProgressComplete, CompletedOn: schema.DateOf(2020, 6, 18)},
		{Region: "Central", Need: "transportation", Label: "Transportation", Resource: "Transit partners", Task: "Vouchers",
			Term: schema.TermMedium, Outcome: "Rideshare vouchers", TargetText: "+12m", Target: schema.DateOf(2021, 7, 1),
			Reported: schema.ProgressInProgress, CompletedOn: schema.NoDate},
		{Region: "Southwest", Need: "legal_assistance", Label: "Legal assistance", Resource: "Legal aid", Task: "Network",
			Term: schema.TermLong, Outcome: "Form a network", TargetText: "by 1/31/2020", Target: schema.DateOf(2020, 1, 31),
			Reported: schema.ProgressNotStarted, CompletedOn: schema.NoDate},
		{Region: "Kansas City", Need: "A need of our own", Label: "A need of our own", Term: schema.TermUltimate, Outcome: "Survivors housed",
			Target: schema.NoDate, Reported: schema.ProgressDropped, CompletedOn: schema.NoDate},
	}
	if len(got) != len(want) {
		t.Fatalf("%d milestones read back, want %d", len(got), len(want))
	}
	for i := range want {
		got[i].Source = schema.Position{}
		if got[i] != want[i] {
			t.Errorf("row %d:\n got  %+v\n want %+v", i+2, got[i], want[i])
		}
	}
}

// TestResourceTemplateRoundTrip: a filled-in resource-guide template
// reads back through the resource reader with no mapping and no loss:
// counties as the drop-down offers them (and several separated by ';'),
// Statewide, services and populations as keys, yes/no flags, capacity and
// contact fields.
func TestResourceTemplateRoundTrip(t *testing.T) {
	v, geo := testEnv(t)
	boone, ok := geo.County("29019")
	if !ok {
		t.Fatal("Boone County missing from the reference data")
	}
	greene, _ := geo.County("29077")
	rows := [][]any{
		{"Hope House", CountyChoice(boone), "adult_shelter; mental_health", "adult; female", "yes", "no", "no", 12, "573-555-0100", "https://hope.example.org"},
		{"Legal Line", "Statewide", "legal_assistance", "", "no", "yes", "yes", nil, "800-555-0199", ""},
		{"Ozarks Youth", CountyChoice(greene) + "; " + CountyChoice(boone), "minor_shelter", "minor; lgbtq", "", "", "", 6, "", ""},
	}
	path := fillTemplate(t, "resources", rows)
	var problems []schema.Problem
	cfg := DefaultConfig()
	got, _, err := readResources(cfg, input{role: "resources", name: path, path: path}, v, geo,
		func(p schema.Problem) { problems = append(problems, p) })
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("problem: %+v", p)
	}
	cat := func(keys ...string) []int {
		var out []int
		for _, k := range keys {
			i, ok := v.CategoryIndex(k)
			if !ok {
				t.Fatalf("no category %q", k)
			}
			out = append(out, i)
		}
		slices.Sort(out)
		return out
	}
	pops := func(ps ...schema.Population) schema.PopulationSet {
		var s schema.PopulationSet
		for _, p := range ps {
			s |= schema.PopulationSet(p)
		}
		return s
	}
	want := []schema.Resource{
		{Organization: "Hope House", Counties: []string{"29019"}, Services: cat("adult_shelter", "mental_health"),
			Populations: pops(schema.Adult, schema.Female), HTSpecific: schema.Yes, Trained: schema.No, Capacity: 12,
			Phone: "573-555-0100", Website: "https://hope.example.org"},
		{Organization: "Legal Line", Statewide: true, Telehealth: true, Services: cat("legal_assistance"),
			HTSpecific: schema.No, Trained: schema.Yes, Phone: "800-555-0199"},
		{Organization: "Ozarks Youth", Counties: []string{"29019", "29077"}, Services: cat("minor_shelter"),
			Populations: pops(schema.Minor, schema.LGBTQ), Capacity: 6},
	}
	if len(got) != len(want) {
		t.Fatalf("%d resources read back, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		got[i].Source = schema.Position{}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("row %d:\n got  %+v\n want %+v", i+2, got[i], want[i])
		}
	}
}

// TestTemplatesDeterministic: a template's bytes depend only on the
// configuration, and its lists sit on a hidden sheet referenced by range.
func TestTemplatesDeterministic(t *testing.T) {
	for _, kind := range TemplateKinds {
		tpl, err := Template(DefaultConfig(), kind)
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := xlsx.WriteTemplate(&a, tpl); err != nil {
			t.Fatal(err)
		}
		xlsx.WriteTemplate(&b, tpl)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes differ", kind)
		}
		f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if vis, _ := f.GetSheetVisible(xlsx.ListsSheet); vis {
			t.Errorf("%s: the Lists sheet is visible", kind)
		}
		dvs, _ := f.GetDataValidations(tpl.Sheet)
		lists := 0
		for _, dv := range dvs {
			if dv.Type == "list" {
				lists++
				if len(dv.Formula1) > 0 && dv.Formula1[0] == '"' {
					t.Errorf("%s: an inline list %s", kind, dv.Formula1)
				}
			}
		}
		if lists == 0 {
			t.Errorf("%s: no drop-down", kind)
		}
		f.Close()
	}
	if _, err := Template(DefaultConfig(), "nope"); err == nil {
		t.Error("unknown kind accepted")
	}
	path := filepath.Join(t.TempDir(), "x.xlsx")
	os.WriteFile(path, []byte("keep"), 0o644)
	if err := WriteTemplate(DefaultConfig(), "referrals", path); err == nil {
		t.Error("an existing file was replaced")
	}
}

// TestReferralDateSystems: the same referral dates written as date cells
// of a 1900-system and of a 1904-system workbook (serials 1,462 apart),
// as serial numbers in a CSV and as text read back alike.
func TestReferralDateSystems(t *testing.T) {
	v, geo := testEnv(t)
	cfg := DefaultConfig()
	cfg.Validate()
	dates := []time.Time{day(2020, 1, 31), day(2020, 2, 29), day(2021, 12, 31)}
	head := []any{"referral_date", "service", "region", "status", "completed_date"}
	read := func(path string) []schema.Referral {
		var got []schema.Referral
		readTemplate(t, path, func(tb *source.Table, report func(schema.Problem)) (normalize.Stats, error) {
			r := &normalize.Referrals{Vocab: v, Geo: geo, Options: cfg.Referrals, Report: report}
			return r.Read(tb, func(rec *schema.Referral) error { got = append(got, *rec); return nil })
		})
		return got
	}
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		f.SetSheetRow("Sheet1", "A1", &head)
		for i, d := range dates {
			row := []any{d, "Transportation", "Central", "completed", d.AddDate(0, 0, 9)}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			f.SetSheetRow("Sheet1", cell, &row)
		}
		path := filepath.Join(t.TempDir(), "dates.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		got := read(path)
		for i, d := range dates {
			want := schema.DateOf(d.Year(), int(d.Month()), d.Day())
			if got[i].Date != want || got[i].CompletedOn != want+9 {
				t.Errorf("1904=%v row %d: %s, %s; want %s", date1904, i+2, got[i].Date, got[i].CompletedOn, want)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "serials.csv")
	os.WriteFile(path, []byte("referral_date,service,region,status,completed_date\n43861,Transportation,Central,completed,2/9/2020\n"), 0o644)
	if got := read(path); got[0].Date != schema.DateOf(2020, 1, 31) || got[0].CompletedOn != schema.DateOf(2020, 2, 9) {
		t.Errorf("CSV serial: %s, %s", got[0].Date, got[0].CompletedOn)
	}
}
