package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// messyReferrals writes a referral file of n rows that mixes every kind
// of row the reader treats differently: good rows, repeated ids (some
// repeating a row that was itself unusable), bad and missing dates,
// dates outside the period, unknown services, regions and counties,
// ragged rows, quoted names with commas and escaped quotes, CRLF
// endings, blank lines, agency spellings, a first accented name far into
// the file, and cells over two lines in its second half.
func messyReferrals(n int) []byte {
	rng := rand.New(rand.NewPCG(7, 11))
	agencies := []string{"Gateway Women's Shelter", "\"Spring River Outreach, Inc.\"", "Spring River Outreach",
		"Northland Crisis Center", "NORTHLAND  crisis center", "\"The \"\"Safe\"\" House\"", "", "Big Muddy Housing Alliance", "Lighthouse"}
	services := []string{"legal_assistance", "peer_mentorship", "Transportation", "housing", "not a service", ""}
	places := [][2]string{{"29510", "St. Louis"}, {"29031", "Southeast"}, {"", "Central"}, {"29019", ""},
		{"99999", "Central"}, {"", "Atlantis"}, {"", ""}, {"17163", ""}}
	statuses := []string{"completed", "pending", "declined", "not_completed", "Yes", "maybe"}
	dates := []string{"2021-03-04", "2020-12-31", "2023-07-18", "2019-01-01", "1899-12-30", "2023-02-30", "", "3/4/2022"}
	var b strings.Builder
	b.WriteString("referral_id,referral_date,client_code,referring_agency,receiving_agency,service,county_fips,region,status,completed_date,abuse_types\n")
	for i := range n {
		id := fmt.Sprintf("R%07d", i)
		if i > 10 && rng.IntN(200) == 0 {
			id = fmt.Sprintf("R%07d", rng.IntN(i)) // repeats an earlier id
		}
		if rng.IntN(300) == 0 {
			id = ""
		}
		date := dates[rng.IntN(len(dates))]
		if rng.IntN(4) > 0 {
			date = fmt.Sprintf("20%02d-%02d-%02d", 19+rng.IntN(6), 1+rng.IntN(12), 1+rng.IntN(28))
		}
		p := places[rng.IntN(len(places))]
		if rng.IntN(3) > 0 {
			p = places[rng.IntN(2)]
		}
		st := statuses[rng.IntN(len(statuses))]
		done := ""
		if st == "completed" || st == "Yes" {
			done = fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
			if rng.IntN(20) == 0 {
				done = "2001-01-01" // before the referral
			}
		}
		abuse := []string{"DV", "SA;DV", "HT-sex", "", "DV;unknown"}[rng.IntN(5)]
		from, to := agencies[rng.IntN(len(agencies))], agencies[rng.IntN(len(agencies))]
		if i > n*3/4 && rng.IntN(50) == 0 {
			from = "Niños Center"
		}
		line := fmt.Sprintf("%s,%s,C%05d,%s,%s,%s,%s,%s,%s,%s,%s", id, date, rng.IntN(5000), from, to,
			services[rng.IntN(len(services))], p[0], p[1], st, done, abuse)
		switch rng.IntN(400) {
		case 0:
			line += ",extra"
		case 1:
			line = line[:strings.LastIndexByte(line, ',')]
		case 2:
			line += "\r"
		case 3:
			line = "\n" + line
		case 4:
			if i > n/2 { // a cell over two lines: the ordinary parser reads on from here
				line = strings.Replace(line, ",C", ",\"two\nlines\",C", 1)
			}
		}
		b.WriteString(line + "\n")
	}
	return []byte(b.String())
}

// TestParallelReferralsMatchSequential reads one messy file (several
// parts long) with one worker and with three: every output file must be
// byte-identical, rejects and run.json included.
func TestParallelReferralsMatchSequential(t *testing.T) {
	if testing.Short() {
		t.Skip("writes two full runs")
	}
	in := filepath.Join(t.TempDir(), "referrals")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	data := messyReferrals(60_000)
	if len(data) < 5<<20 {
		t.Fatalf("the file is %d bytes: too small to be read in several parts", len(data))
	}
	if err := os.WriteFile(filepath.Join(in, "referrals.csv"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(workers int) string {
		dir := filepath.Join(t.TempDir(), "out")
		cfg := DefaultConfig()
		cfg.Output.Dir = dir
		cfg.Inputs.Referrals = in
		cfg.Period.From, cfg.Period.To = "2020-01-01", "2023-12-31"
		if _, err := Run(context.Background(), cfg, Deps{Workers: workers}); err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		return dir
	}
	// Small blocks, overwritten once merged: a string kept from a
	// reused buffer garbles the output.
	t.Setenv("NEEDSMAP_TEST_BLOCK_BYTES", "65536")
	one, three := run(1), run(3)
	for _, name := range []string{"tables/referrals_by_region_service.csv", "tables/referral_network.csv", "rejects.csv"} {
		b, err := os.ReadFile(filepath.Join(one, name))
		if err != nil {
			t.Fatal(err)
		}
		if lines := bytes.Count(b, []byte{'\n'}); lines < 20 {
			t.Errorf("%s has %d lines: the test file exercises too little", name, lines)
		}
	}
	compareDirs(t, one, three)
}

// compareDirs fails for each file that differs between two output
// folders, or is in one only.
func compareDirs(t *testing.T, a, b string) {
	t.Helper()
	seen := map[string]bool{}
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		seen[rel] = true
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s: only in the first run", rel)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s differs", rel)
		}
		return nil
	})
	filepath.WalkDir(b, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if rel, _ := filepath.Rel(b, p); !seen[rel] {
				t.Errorf("%s: only in the second run", rel)
			}
		}
		return err
	})
}

// messySurvey writes a survey of n rows in the sample's columns that
// mixes what the survey reader treats differently: ids in and out of
// order, repeated, textual or missing; regions by name (spelled several
// ways), by one or more county codes, unknown, or missing; sectors
// spelled several ways; ratings and ranks good, bad or blank; survivor
// counts; ragged and blank rows; quoted cells; and a cell over two lines
// in the second half.
func messySurvey(n int) []byte {
	rng := rand.New(rand.NewPCG(3, 5))
	header := "respondent_id,region,county_fips,sector,survivors_served,n_sex,n_labor,n_both,n_ipv,n_familial,n_pimp,n_survival,n_other_sex,n_minor,n_adult"
	cats := []string{"mental_health", "sud_residential", "transitional_housing", "legal_assistance", "transportation", "medical_care"}
	for _, c := range cats {
		header += ",need_" + c
	}
	for _, c := range cats {
		header += ",rank_" + c
	}
	regions := []string{"Southeast", "Southwest", "Kansas City", "kansas  city", "St. Louis", "Metro East", "", "Atlantis"}
	counties := []string{"", "29510", "29031;17163", "29047", "99999", "\"29510, 29189\""}
	sectors := []string{"", "Law enforcement", "law  enforcement", "Health care", "\"Shelter, emergency\"", "Faith community"}
	ratings := []string{"1", "2", "3", "4", "5", "", "3", "4", "very high", "7"}
	var b strings.Builder
	b.WriteString(header + "\n")
	for i := range n {
		id := fmt.Sprint(i + 1)
		switch rng.IntN(200) {
		case 0:
			id = fmt.Sprint(rng.IntN(i + 1)) // repeats, or goes back
		case 1:
			id = fmt.Sprintf("X-%d", rng.IntN(n/10+1))
		case 2:
			id = ""
		}
		cells := []string{id, regions[rng.IntN(len(regions))], counties[rng.IntN(len(counties))], sectors[rng.IntN(len(sectors))]}
		if rng.IntN(3) > 0 {
			cells[1], cells[2] = regions[rng.IntN(3)], ""
		}
		for range 11 {
			cells = append(cells, []string{"", "0", "3", "12", "x"}[rng.IntN(5)])
		}
		for range cats {
			cells = append(cells, ratings[rng.IntN(len(ratings))])
		}
		for range cats {
			cells = append(cells, []string{"", "1", "2", "6", "0"}[rng.IntN(5)])
		}
		line := strings.Join(cells, ",")
		switch rng.IntN(300) {
		case 0:
			line += ",extra"
		case 1:
			line = ""
		case 2:
			if i > n/2 {
				line = strings.Replace(line, ",", ",\"two\nlines\",", 1)
			}
		}
		b.WriteString(line + "\n")
	}
	return []byte(b.String())
}

// TestParallelSurveyMatchesSequential reads one messy survey (several
// parts long) with one worker and with three: every output file must be
// byte-identical.
func TestParallelSurveyMatchesSequential(t *testing.T) {
	if testing.Short() {
		t.Skip("writes two full runs")
	}
	path := filepath.Join(t.TempDir(), "survey.csv")
	data := messySurvey(80_000)
	if len(data) < 5<<20 {
		t.Fatalf("the file is %d bytes: too small to be read in several parts", len(data))
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(workers int) string {
		dir := filepath.Join(t.TempDir(), "out")
		cfg := DefaultConfig()
		cfg.Output.Dir = dir
		cfg.Inputs.Survey = path
		cfg.Needs.Bootstrap = 50
		if _, err := Run(context.Background(), cfg, Deps{Workers: workers}); err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		return dir
	}
	// Small blocks, overwritten once merged: a string kept from a
	// reused buffer garbles the output.
	t.Setenv("NEEDSMAP_TEST_BLOCK_BYTES", "65536")
	one, three := run(1), run(3)
	b, err := os.ReadFile(filepath.Join(one, "rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"duplicate respondent id", "unknown region", "ragged row", "cell ignored"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("rejects.csv has no %q: the test file exercises too little", want)
		}
	}
	compareDirs(t, one, three)
}
