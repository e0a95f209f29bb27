package normalize

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

func referralOptions() ReferralOptions {
	o := ReferralOptions{
		Columns: map[string][]string{"referral_date": {"Date of referral"}, "status": {"Completed?"}, "client_code": {"Client ID"}},
		Statuses: []StatusSpec{{Status: "completed", Values: []string{"Yes", "Y", "TRUE", "1"}},
			{Status: "not_completed", Values: []string{"No", "0"}}, {Status: "declined", Values: []string{"declined by client"}},
			{Status: "pending", Values: []string{"In progress"}}},
		Agencies:    []AgencySpec{{Name: "Kansas City Legal Partners", Aliases: []string{"KC Legal Partners"}}},
		Identifiers: []string{"name", "dob", "date of birth", "phone", "email", "e mail", "address", "ssn"},
	}
	o.Validate()
	return o
}

func readReferrals(t *testing.T, text string, opts ReferralOptions) ([]schema.Referral, []schema.Problem, Stats, error) {
	t.Helper()
	tables, err := source.Open("r.csv", bytes.NewReader([]byte(text)), int64(len(text)), source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []schema.Referral
	var problems []schema.Problem
	r := &Referrals{Vocab: testVocab(t), Geo: geo, Options: opts, Report: func(p schema.Problem) { problems = append(problems, p) }}
	st, err := r.Read(tables[0], func(rec *schema.Referral) error { got = append(got, *rec); return nil })
	return got, problems, st, err
}

func TestReadReferrals(t *testing.T) {
	text := "Referral log\n\n" +
		"referral_id,Date of referral,Client ID,referring_agency,receiving_agency,service,county_fips,region,Completed?,completed_date,abuse_types,Notes\n" +
		"A-1,1/31/2020,c0001,\"Gateway Family Services, Inc.\",KC Legal Partners,Legal services,29095,,Yes,2020-02-10,DV;HT-sex,call back\n" +
		"A-2,43861,C0002,Gateway Family Services,Kansas City Legal Partners,Mental health,,STL,declined by client,,,\n" +
		"A-3,2/31/2020,C0003,Gateway,Other,Transportation,,KC,Yes,,,\n" +
		"A-2,2020-03-01,C0004,Gateway,Other,Transportation,,KC,No,,,\n" +
		"A-5,2020-03-01,C0005,Gateway,Other,Housing,,KC,No,,,\n" +
		"A-6,2020-03-01,C0006,Gateway,Other,Transportation,,Ozarks,No,,,\n" +
		"A-7,2020-03-01,C0007,Gateway,Other,Transportation,,KC,see notes,,,\n" +
		"A-8,2020-03-01,C0008,Gateway,Other,Transportation,99999,,No,,,\n" +
		"A-9,2020-03-05,C0009,Gateway,Other,Transportation,,KC,1,2020-03-01,DV;XX,\n" +
		"A-10,2020-03-05,C0010,Gateway,Other,Transportation,,,In progress,,,\n"
	got, problems, st, err := readReferrals(t, text, referralOptions())
	if err != nil {
		t.Fatal(err)
	}
	if st.Read != 10 || st.Kept != 3 || st.Rejected != 7 || st.Cells != 2 {
		t.Errorf("stats %+v", st)
	}
	want := []struct {
		row, col int
		reason   string
		value    string
	}{
		{6, 2, "referral date: not a real date: February 2020 has 29 days; row not used", "2/31/2020"},
		{7, 1, "referral id repeats an earlier row of this file; row not used", ""},
		{8, 6, "unknown service (add it to a category's aliases); row not used", "Housing"},
		{9, 8, "unknown region; row not used", "Ozarks"},
		{10, 9, "unknown status (add the spelling to referrals.statuses); row not used", "see notes"},
		{11, 7, `county "99999": unknown county FIPS code; row not used`, ""},
		{12, 10, "completed before the referral date; days to completion not counted", "2020-03-01"},
		{12, 11, "unknown abuse type (use DV, SA, HT-sex, HT-labor); the other types are kept", "DV;XX"},
		{13, 0, "no region and no county given; row not used", ""},
	}
	if len(problems) != len(want) {
		for _, p := range problems {
			t.Log(p.Error())
		}
		t.Fatalf("%d problems, want %d", len(problems), len(want))
	}
	for i, w := range want {
		p := problems[i]
		if p.Row != w.row || p.Column != w.col || p.Reason != w.reason || p.Value != w.value {
			t.Errorf("problem %d = %s, want row %d col %d %q value %q", i, p.Error(), w.row, w.col, w.reason, w.value)
		}
	}
	first := got[0]
	if first.ID != "A-1" || first.Date != schema.DateOf(2020, 1, 31) || first.CompletedOn != schema.DateOf(2020, 2, 10) ||
		first.Client != "C0001" || first.Region != "Kansas City" || first.CountyFIPS != "29095" ||
		first.Status != schema.StatusCompleted || first.Abuse != schema.AbuseDV|schema.AbuseHTSex ||
		first.Referring.Key != "gateway family services" || first.Receiving.Name != "Kansas City Legal Partners" || first.Source.Row != 4 {
		t.Errorf("first referral = %+v", first)
	}
	second := got[1]
	if second.Date != schema.DateOf(2020, 1, 31) || second.Region != "St. Louis" || second.Status != schema.StatusDeclined ||
		second.Referring.Key != first.Referring.Key || second.Receiving.Key != first.Receiving.Key {
		t.Errorf("second referral = %+v", second)
	}
	if got[2].CompletedOn != schema.NoDate || got[2].Abuse != schema.AbuseDV || got[2].Status != schema.StatusCompleted {
		t.Errorf("row 12 = %+v", got[2])
	}
}

func TestIdentifierColumns(t *testing.T) {
	head := "referral_date,service,region,status,Client Name,Client DOB,E-mail,client_code\n"
	text := head + "2020-01-01,Transportation,KC,Yes,Jane Roe,1/2/1990,jane@example.org,C1\n"
	_, problems, st, err := readReferrals(t, text, referralOptions())
	var p *schema.Problem
	if !errors.As(err, &p) || !errors.Is(err, ErrIdentifiers) {
		t.Fatalf("err = %v, want a refusal", err)
	}
	for _, want := range []string{"E (Client Name)", "F (Client DOB)", "G (E-mail)", "referrals.drop_identifiers"} {
		if !strings.Contains(p.Reason, want) {
			t.Errorf("refusal %q does not name %q", p.Reason, want)
		}
	}
	if strings.Contains(p.Error(), "Jane") || st.Read != 0 || len(problems) != 0 {
		t.Errorf("refusal read data: %s, %+v, %v", p.Error(), st, problems)
	}
	opts := referralOptions()
	opts.DropIdentifiers = true
	got, problems, _, err := readReferrals(t, text, opts)
	if err != nil || len(got) != 1 || len(problems) != 1 || !strings.Contains(problems[0].Reason, "3 column(s) of direct identifiers dropped") {
		t.Fatalf("drop: %v, %v, %v", got, problems, err)
	}
	if got[0].Client != "C1" {
		t.Errorf("client_code = %q", got[0].Client)
	}
}

func TestIdentifierPolicy(t *testing.T) {
	p := newIdentifierPolicy([]string{"name", "date of birth", "phone", "e mail", "ssn"}, false)
	for h, want := range map[string]bool{
		"Client Name": true, "name": true, "First name": true, "Client date of birth": true, "Phone #": true,
		"E-mail address": true, "SSN": true, "Surname": false, "Agency": false, "Date of referral": false,
		"Namesake": false, "Birth": false, "Telephone": false,
	} {
		if got := p.matches(h); got != want {
			t.Errorf("matches(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestNotAReferralSheet(t *testing.T) {
	_, _, _, err := readReferrals(t, "This workbook lists referrals.\nNever enter names.\n", referralOptions())
	if !errors.Is(err, ErrNotInput) {
		t.Errorf("err = %v", err)
	}
	_, _, _, err = readReferrals(t, "referral_date,service,client_code\n2020-01-01,Transportation,C1\n", referralOptions())
	var fe *schema.FatalError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "no column for status, region or county_fips") {
		t.Errorf("err = %v", err)
	}
}

func TestReferralIDs(t *testing.T) {
	var s referralIDs
	for _, id := range []string{"R00000001", "R1", "R00000002", "17", "017", "abc", "ABC", "R-99999999999"} {
		if !s.add(id) {
			t.Errorf("%q reported as a repeat", id)
		}
	}
	for _, id := range []string{"R00000001", "17", "abc", "R-99999999999"} {
		if s.add(id) {
			t.Errorf("%q not reported as a repeat", id)
		}
	}
}

func TestAgencyKey(t *testing.T) {
	same := [][2]string{{"Gateway Family Services, Inc.", "gateway family services"}, {"A & B Counseling", "A and B counseling"},
		{"Ozark  Legal-Aid LLC", "Ozark Legal Aid"}}
	for _, p := range same {
		if AgencyKey(p[0]) != AgencyKey(p[1]) {
			t.Errorf("%q and %q differ: %q vs %q", p[0], p[1], AgencyKey(p[0]), AgencyKey(p[1]))
		}
	}
	if AgencyKey("Inc") != "inc" {
		t.Error("a one-word name lost its word")
	}
}

func TestUpper(t *testing.T) {
	for _, s := range []string{"", "C0001", "c0001", "C000a", "ç0001", "Ab-1", "ÉCOLE", "ß"} {
		if got, want := upper(s), strings.ToUpper(s); got != want {
			t.Errorf("upper(%q) = %q, want %q", s, got, want)
		}
	}
}
