package normalize

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

func resVocab(t *testing.T) *Vocabulary {
	t.Helper()
	cats := []CategorySpec{
		{Key: "mental_health", Label: "Mental health, therapy, counseling, support groups", Aliases: []string{"Mental health"}},
		{Key: "sud_residential", Label: "Substance use treatment (residential/detox)"},
		{Key: "sud_outpatient", Label: "Substance use treatment (outpatient)"},
		{Key: "adult_shelter", Label: "Shelter for adults", Aliases: []string{"Adult shelter"}},
		{Key: "minor_shelter", Label: "Shelter for minors", Aliases: []string{"Youth shelter"}},
		{Key: "legal_assistance", Label: "Legal assistance", Aliases: []string{"Legal aid"}},
		{Key: "basic_needs", Label: "Food, clothing, toiletries"},
	}
	levels := []LevelSpec{{0, "no", nil}, {1, "yes", nil}}
	v, err := NewVocabulary(cats, nil, ScaleSpec{Levels: levels}, []RegionSpec{{Name: "St. Louis"}})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// seedOptions are the mappings the default config ships for the
// resource-mapping workbook (seed 004), cut down to the test categories.
func seedOptions() ResourceOptions {
	return ResourceOptions{
		Columns: map[string][]string{
			"organization": {"Who can meet these needs? Provider/Agency?", "Provider"},
			"services":     {"Possible Needs of Survivors of Human Trafficking", "Need"},
			"partnership":  {"Point of Contact? Partnership Yes, No, Who"},
			"trained":      {"Anti-HT & Trauma Awareness Trained?", "Trained?"},
			"serves_adult": {"Adult"}, "serves_minor": {"Minor"}, "serves_male": {"Male"},
			"serves_foreign_born": {"Foreign Born"},
		},
		Services: []ServiceSpec{
			{Match: "Substance use resources", Categories: []string{"sud_residential", "sud_outpatient"}},
			{Match: "Mental health care", Categories: []string{"mental_health"}},
		},
		Populations: []PopulationSpec{{Key: "minor", Aliases: []string{"youth", "minors"}}, {Key: "adult", Aliases: []string{"adults"}}},
		Statewide:   []string{"Statewide", "All counties"},
		Telehealth:  []string{"Telehealth", "Online"},
	}
}

type resRead struct {
	res      []schema.Resource
	problems []schema.Problem
	stats    []Stats
	errs     []error
}

func readResources(t *testing.T, name string, b []byte, o ResourceOptions) resRead {
	t.Helper()
	v := resVocab(t)
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Validate(v); err != nil {
		t.Fatal(err)
	}
	tables, err := source.Open(name, bytes.NewReader(b), int64(len(b)), source.Options{HeaderMatch: HeaderLooksLikeResources(v, o)})
	if err != nil {
		t.Fatal(err)
	}
	var r resRead
	rd := &Resources{Vocab: v, Geo: geo, Options: o, Report: func(p schema.Problem) { r.problems = append(r.problems, p) }}
	for _, tb := range tables {
		st, err := rd.Read(tb, func(x schema.Resource) { r.res = append(r.res, x) })
		r.stats, r.errs = append(r.stats, st), append(r.errs, err)
		tb.Close()
	}
	return r
}

type wantProblem struct {
	sheet string
	row   int
	col   string
	text  string
}

func checkProblems(t *testing.T, got []schema.Problem, want []wantProblem) {
	t.Helper()
	if len(got) != len(want) {
		for _, p := range got {
			t.Log(p.Error())
		}
		t.Fatalf("%d problems, want %d", len(got), len(want))
	}
	for i, w := range want {
		p := got[i]
		if p.Sheet != w.sheet || p.Row != w.row || schema.ColumnLetter(p.Column) != w.col || !strings.Contains(p.Reason, w.text) {
			t.Errorf("problem %d = %q, want sheet %q row %d col %q %q", i, p.Error(), w.sheet, w.row, w.col, w.text)
		}
	}
}

func TestResourcesLongTable(t *testing.T) {
	text := "organization,county_fips,services,populations,ht_specific,trained,telehealth,capacity,phone,website,contact_person,address\n" +
		"Riverbend Shelter,29031,adult_shelter;Mental health,adult;female,no,yes,no,24,(573) 555-0101,riverbend.example.org,Jane Doe,1 Main St\n" + // 2 fine
		"Two County Counseling,\"29031, 29201\",\"Mental health, therapy, counseling, support groups; Food, clothing, toiletries, Legal aid\",all,yes,no,no,,,,,\n" + // 3 commas in labels
		"State Hotline,Statewide,legal_assistance,adult,no,no,no,,,https://hotline.example.org/help,,\n" + // 4 statewide
		"Tele Counsel,,mental_health,adult,no,yes,yes,,,,,\n" + // 5 telehealth only
		"Nowhere Org,29999,adult_shelter,adult,no,no,no,,,,,\n" + // 6 unknown county, row not used
		"Odd Services,29510,yoga;minor_shelter,seniors;minor,maybe,no,no,-3,call Jane,jane@example.org,,\n" + // 7 several bad cells
		",29510,adult_shelter,adult,no,no,no,,,,,\n" + // 8 no organisation
		"No Service Org,29510,yoga,adult,no,no,no,,,,,\n" + // 9 no known service
		"Riverbend Shelter,29031,adult_shelter;Mental health,adult;female,no,yes,no,24,,,,\n" + // 10 duplicate of 2
		"No Place,,adult_shelter,adult,no,no,no,,,,,\n" + // 11 no county
		"City Site,St. Louis city,legal_assistance,adult,,,,,,,,\n" + // 12 city by name
		"Short,29510\n" // 13 ragged
	r := readResources(t, "guide.csv", []byte(text), seedOptions())
	if r.errs[0] != nil {
		t.Fatal(r.errs[0])
	}
	if st := r.stats[0]; st.Read != 12 || st.Kept != 6 || st.Rejected != 6 {
		t.Errorf("stats = %+v", st)
	}
	checkProblems(t, r.problems, []wantProblem{
		{"", 6, "B", "unknown county FIPS code; this county ignored"}, {"", 6, "B", "no usable county"},
		{"", 7, "C", "unknown service"}, {"", 7, "D", "unknown population"}, {"", 7, "E", "not yes or no"},
		{"", 7, "H", "capacity is not a number"}, {"", 7, "I", "not a phone number"}, {"", 7, "J", "not a web address"},
		{"", 8, "A", "no organisation named"}, {"", 9, "C", "unknown service"}, {"", 9, "C", "no known service"},
		{"", 10, "", "duplicate of row 2"}, {"", 11, "", "no usable county"}, {"", 13, "", "ragged row"},
	})
	for _, p := range r.problems {
		if strings.Contains(p.Value, "Jane") || strings.Contains(p.Value, "@") {
			t.Errorf("problem leaks a contact: %q", p.Error())
		}
	}
	byOrg := map[string]schema.Resource{}
	for _, x := range r.res {
		byOrg[x.Organization] = x
	}
	rb := byOrg["Riverbend Shelter"]
	if !slices.Equal(rb.Counties, []string{"29031"}) || !slices.Equal(rb.Services, []int{0, 3}) || rb.Capacity != 24 ||
		rb.Trained != schema.Yes || rb.HTSpecific != schema.No || rb.Phone != "(573) 555-0101" || !rb.Populations.Has(schema.Female) || rb.Populations.Has(schema.Minor) {
		t.Errorf("Riverbend = %+v", rb)
	}
	tc := byOrg["Two County Counseling"]
	if !slices.Equal(tc.Counties, []string{"29031", "29201"}) || !slices.Equal(tc.Services, []int{0, 5, 6}) || tc.Populations != 63 {
		t.Errorf("Two County = %+v", tc)
	}
	if h := byOrg["State Hotline"]; !h.Statewide || !h.Remote() || h.Website != "https://hotline.example.org/help" {
		t.Errorf("hotline = %+v", h)
	}
	if tele := byOrg["Tele Counsel"]; !tele.Telehealth || !tele.Remote() || tele.Statewide {
		t.Errorf("telehealth = %+v", tele)
	}
	if odd := byOrg["Odd Services"]; !slices.Equal(odd.Services, []int{4}) || odd.Phone != "" || odd.Website != "" || odd.Capacity != 0 || !odd.Populations.Has(schema.Minor) {
		t.Errorf("odd = %+v", odd)
	}
	if c := byOrg["City Site"]; !slices.Equal(c.Counties, []string{"29510"}) {
		t.Errorf("St. Louis city = %v", c.Counties)
	}
}

func TestResourcesCategoryColumns(t *testing.T) {
	text := "Organization,County,Adult shelter,Youth shelter,Legal aid,Populations\n" +
		"A,Cape Girardeau,X,,✓,adults\n" +
		"B,\"Madison, IL\",,Yes,Yes - ask Jane,youth\n" +
		"C,Madison,X,,,adults\n" + // ambiguous county
		"D,St. Louis County,,TRUE,maybe,minors\n"
	r := readResources(t, "wide.csv", []byte(text), seedOptions())
	checkProblems(t, r.problems, []wantProblem{
		{"", 3, "E", "service mark is not X"}, {"", 4, "B", "matches 2 counties"}, {"", 4, "B", "no usable county"},
		{"", 5, "E", "service mark is not X"},
	})
	if r.problems[0].Value != "(text withheld)" || r.problems[3].Value != "maybe" {
		t.Errorf("values: %q, %q", r.problems[0].Value, r.problems[3].Value)
	}
	if len(r.res) != 3 {
		t.Fatalf("%d resources", len(r.res))
	}
	if a := r.res[0]; !slices.Equal(a.Services, []int{3, 5}) || a.Counties[0] != "29031" || !a.Populations.Has(schema.Adult) {
		t.Errorf("A = %+v", a)
	}
	if b := r.res[1]; b.Counties[0] != "17119" || !slices.Equal(b.Services, []int{4}) {
		t.Errorf("B = %+v", b)
	}
	if d := r.res[2]; d.Counties[0] != "29189" {
		t.Errorf("St. Louis County = %v", d.Counties)
	}
}

// xlsxBook builds a workbook with the given sheets (rows of cells).
func xlsxBook(t *testing.T, sheets []string, rows map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[name] {
			cellName, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cellName, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The published guide was one sheet per county: the sheet name is the
// county; "Statewide" holds statewide entries; a bad sheet name is
// reported once per row with its sheet and position.
func TestResourcesSheetPerCounty(t *testing.T) {
	head := []any{"Organization", "Services", "Populations", "Capacity"}
	b := xlsxBook(t, []string{"Cape Girardeau", "Scott County", "Statewide", "Nowhere"}, map[string][][]any{
		"Cape Girardeau": {{"Resource guide: Cape Girardeau County"}, head, {"Riverbend", "adult_shelter", "adult", 12}, {"Riverbend Counseling", "Mental health; sud_outpatient", "adult", nil}},
		"Scott County":   {head, {"Riverbend", "adult_shelter", "adult", 12}, {"Scott Youth", "Youth shelter", "minor", "ten"}},
		"Statewide":      {head, {"Hotline", "legal_assistance", "adult", nil}},
		"Nowhere":        {head, {"Lost Org", "adult_shelter", "adult", nil}},
	})
	r := readResources(t, "guide.xlsx", b, seedOptions())
	checkProblems(t, r.problems, []wantProblem{
		{"Scott County", 3, "D", "capacity is not a number"}, {"Nowhere", 2, "", "no usable county"},
	})
	if len(r.res) != 5 {
		t.Fatalf("%d resources: %+v", len(r.res), r.res)
	}
	got := make([]string, len(r.res))
	for i, x := range r.res {
		got[i] = fmt.Sprintf("%s@%v/%v row %d", x.Organization, x.Counties, x.Statewide, x.Source.Row)
	}
	want := []string{"Riverbend@[29031]/false row 3", "Riverbend Counseling@[29031]/false row 4",
		"Riverbend@[29201]/false row 2", "Scott Youth@[29201]/false row 3", "Hotline@[]/true row 2"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// The resource-mapping workbook's external-resource table: need,
// provider, point of contact with partnership, trained, and the
// population columns. A contact's name never reaches a problem.
func TestResourcesMappingWorkbook(t *testing.T) {
	head := []any{"Possible Needs of Survivors of Human Trafficking", "Who can meet these needs? Provider/Agency?",
		"Point of Contact? Partnership Yes, No, Who", "Anti-HT & Trauma Awareness Trained?", "Adult", "Minor", "Male", "Foreign Born"}
	b := xlsxBook(t, []string{"Medical and Mental Health"}, map[string][][]any{
		"Medical and Mental Health": {
			{"Medical and Mental Health Resources Assessment"},
			head,
			{"Mental health care", "Hilltop Counseling", "Yes - Jane Doe", "Yes", "X", "", "X", ""},
			{"Substance use resources", "Hilltop Recovery", "No", "", "X", "X", "", "X"},
			{"Dental care", "", "", "", "", "", "", ""},
			{"Mental health care", "Clinic", "Jane Doe, nurse", "No", "X", "", "", ""},
			{"Medical care", "Clinic", "No", "No", "X", "", "", ""},
		}})
	o := seedOptions()
	o.DefaultCounty = "29031"
	r := readResources(t, "mapping.xlsx", b, o)
	checkProblems(t, r.problems, []wantProblem{
		{"Medical and Mental Health", 5, "B", "no organisation named"},
		{"Medical and Mental Health", 6, "C", "partnership does not start with yes or no"},
		{"Medical and Mental Health", 7, "A", "unknown service"}, {"Medical and Mental Health", 7, "A", "no known service"},
	})
	if len(r.res) != 3 {
		t.Fatalf("%d resources", len(r.res))
	}
	h := r.res[0]
	if h.Organization != "Hilltop Counseling" || h.Partnership != schema.Yes || h.Trained != schema.Yes || h.Sector != "Medical and Mental Health" ||
		!h.Populations.Has(schema.Male) || h.Populations.Has(schema.Minor) || h.Counties[0] != "29031" {
		t.Errorf("Hilltop = %+v", h)
	}
	if rec := r.res[1]; !slices.Equal(rec.Services, []int{1, 2}) || rec.Partnership != schema.No || !rec.Populations.Has(schema.ForeignBorn) {
		t.Errorf("Hilltop Recovery = %+v", rec)
	}
	for _, p := range r.problems {
		if strings.Contains(p.Error(), "Jane") {
			t.Errorf("problem leaks a contact name: %s", p.Error())
		}
	}
}

func TestResourcesNeedColumns(t *testing.T) {
	text := "name,notes\nA,B\n"
	tables, err := source.Open("x.csv", strings.NewReader(text), int64(len(text)), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rd := &Resources{Vocab: resVocab(t), Options: seedOptions(), Report: func(schema.Problem) {}}
	_, err = rd.Read(tables[0], func(schema.Resource) {})
	if err == nil || !strings.Contains(err.Error(), "no organization column") || !strings.Contains(err.Error(), "no services column") {
		t.Errorf("err = %v", err)
	}
}

// TestTemplateCounty: the templates' drop-down form of a county is read
// only when its code and name agree.
func TestTemplateCounty(t *testing.T) {
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   string
		want string // FIPS, "" when refused
	}{
		{"29019 Boone County, MO", "29019"},
		{"29510 St. Louis city, MO", "29510"},
		{"17119 Madison County, IL", "17119"},
		{"29019 Greene County, MO", ""}, // code and name disagree
		{"29999 Nowhere County, MO", ""},
		{"Boone County", ""},
		{"2901 Boone", ""},
	} {
		c, ok := templateCounty(geo, tc.in)
		if got := map[bool]string{true: c.FIPS, false: ""}[ok]; got != tc.want {
			t.Errorf("templateCounty(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
