package main

import (
	"fmt"
	"strings"

	"needsmap/data/schema"
)

// serviceAliases are spellings of config.yaml's category aliases, used by
// sheets that write services that way.
var serviceAliases = map[string]string{
	"mental_health": "Counseling", "sud_residential": "Detox", "sud_outpatient": "SUD outpatient",
	"transitional_housing": "Transitional living", "adult_shelter": "Adult shelter", "minor_shelter": "Youth shelter",
	"crisis_services": "Crisis services", "legal_assistance": "Legal aid", "transportation": "Transportation",
	"peer_mentorship": "Peer mentoring", "case_management": "Case management", "medical_care": "Medical",
	"dental_care": "Dental", "employment": "Job training", "education": "Education", "interpretation": "Interpreter services",
	"basic_needs": "Basic needs", "financial_assistance": "Financial aid", "child_care": "Childcare", "life_skills": "Life skills",
	"id_documents": "ID documents", "immigration": "T/U visa",
}

var notes = []string{"", "", "warm handoff", "left voicemail", "follow up next week", "transport arranged", "", "intake scheduled"}

// layout lists the sheet's columns: the fields it keeps, then its extra
// column.
func layout(s *sheetStyle) (heads []string, fields []string) {
	for i, h := range s.header {
		if h != "" {
			heads = append(heads, h)
			fields = append(fields, fieldOrder[i])
		}
	}
	if s.extra != "" {
		heads = append(heads, s.extra)
		fields = append(fields, "extra")
	}
	return heads, fields
}

// sheetRows renders a partner's records as sheet rows (without header).
func sheetRows(a *agency, recs []record) [][]xcell {
	s := a.sheet
	_, fields := layout(s)
	out := make([][]xcell, len(recs))
	for i, rec := range recs {
		row := make([]xcell, len(fields))
		for j, f := range fields {
			row[j] = fieldCell(a, rec, f, i)
		}
		out[i] = row
	}
	return out
}

func fieldCell(a *agency, rec record, f string, i int) xcell {
	s, r := a.sheet, rec.r
	switch f {
	case "referral_id":
		return str(rec.id)
	case "referral_date":
		return dateOut(s, r.date)
	case "client_code":
		if s.self == "upper" {
			return str(strings.ToLower(r.client))
		}
		return str(r.client)
	case "referring_agency":
		return str(nameIn(a, r.from))
	case "receiving_agency":
		return str(nameIn(a, r.to))
	case "service":
		return str(serviceIn(s, r.service))
	case "county_fips":
		switch s.place {
		case "fips", "both":
			return str(r.county)
		case "county":
			return str(countyNames[r.county])
		}
	case "region":
		switch s.place {
		case "region", "both":
			return str(r.region)
		case "alias":
			return str(regionAliases[r.region])
		}
	case "status":
		return str(s.status[rec.status])
	case "completed_date":
		if rec.status == 0 && rec.done != schema.NoDate {
			return dateOut(s, rec.done)
		}
	case "abuse_types":
		if s.dates == "us" {
			return str(strings.ReplaceAll(r.abuse, ";", ", "))
		}
		return str(r.abuse)
	case "extra":
		if s.extra == "Notes" {
			return str(notes[i%len(notes)])
		}
		return str(fmt.Sprintf("Attorney %d", 1+i%4))
	}
	return str("")
}

// nameIn is how sheet owner a writes agency b's name.
func nameIn(a, b *agency) string {
	name := b.name
	if alias, ok := agencyAliases[b.name]; ok && a != b && (a.region == b.region) {
		name = alias
	}
	switch {
	case a.sheet.self == "upper":
		return strings.ToUpper(name)
	case a.sheet.self == "inc" && a == b:
		return name + ", Inc."
	}
	return name
}

func serviceIn(s *sheetStyle, key string) string {
	switch s.service {
	case "label":
		return labels[key]
	case "alias":
		return serviceAliases[key]
	}
	return key
}

// serial is the spreadsheet serial of a day in the 1900 or 1904 system.
func serial(d schema.Date, date1904 bool) float64 {
	if date1904 {
		return float64(d) + 24107
	}
	return float64(d) + 25569
}

func dateOut(s *sheetStyle, d schema.Date) xcell {
	y, m, dd := d.YMD()
	switch s.dates {
	case "us", "text":
		return str(fmt.Sprintf("%d/%d/%d", m, dd, y))
	case "us2":
		return str(fmt.Sprintf("%02d/%02d/%02d", m, dd, y%100))
	case "serial":
		return str(fmt.Sprint(serial(d, false)))
	case "cell":
		return dateCell(serial(d, s.date1904))
	}
	return str(d.String())
}

// textRows renders the sheet as CSV rows, with the header (and title).
func textRows(s *sheetStyle, rows [][]xcell) [][]string {
	heads, _ := layout(s)
	var out [][]string
	if s.title {
		out = append(out, []string{"Referral log"}, []string{""})
	}
	out = append(out, heads)
	for _, row := range rows {
		rec := make([]string, len(row))
		for j, c := range row {
			rec[j] = c.Text
			if c.IsNum {
				rec[j] = fmtNum(c.Number)
			}
		}
		out = append(out, rec)
	}
	return out
}

// writeSheetXLSX writes a partner's workbook: its referral sheet and, for
// some, a "Read me" sheet of notes that is not data.
func writeSheetXLSX(path string, a *agency, rows [][]xcell) error {
	heads, _ := layout(a.sheet)
	var all [][]xcell
	if a.sheet.title {
		all = append(all, []xcell{str("Referral log — " + a.name)}, nil)
	}
	hrow := make([]xcell, len(heads))
	for i, h := range heads {
		hrow[i] = str(h)
	}
	all = append(append(all, hrow), rows...)
	sheets := []xsheet{{Name: "Referrals", Rows: all}}
	if a.sheet.readme {
		sheets = append(sheets, xsheet{Name: "Read me", Rows: [][]xcell{
			{str("This workbook lists referrals made and received by " + a.name + ".")},
			{str("Client codes follow the collaborative's de-identified scheme; never enter names.")}}})
	}
	return writeXLSX(path, sheets, a.sheet.date1904)
}

// injectProblems plants the mistakes real sheets have, each of which the
// run must report with its cell: unknown statuses, the impossible date
// the plan itself has (2/31), a completion before the referral, a
// service nobody configured, a repeated referral id, an unknown county
// and a blank status.
func injectProblems(a *agency, rows [][]xcell) {
	_, fields := layout(a.sheet)
	col := func(f string) int {
		for i, x := range fields {
			if x == f {
				return i
			}
		}
		panic("gensample: no column " + f + " in " + a.sheet.file)
	}
	set := func(row int, f string, c xcell) {
		if row < len(rows) {
			rows[row][col(f)] = c
		}
	}
	switch a.sheet.file {
	case "north_county_recovery.csv":
		set(14, "status", str("see notes"))
		set(39, "status", str("??"))
	case "harbor_house.csv":
		set(24, "referral_date", str("02/31/21"))
	case "ozark_family_services.csv":
		set(29, "referral_date", str("2/31/2021"))
	case "gateway_family_services.csv":
		for i, r := range rows {
			if r[col("status")].Text == "completed" && i > 50 {
				d := rows[i][col("referral_date")].Text
				set(i, "completed_date", str(d[:8]+"01"))
				set(i, "referral_date", str(d[:8]+"20"))
				break
			}
		}
	case "westport_health_clinic.csv":
		set(19, "service", str("Shelter"))
	case "st_joseph_health_clinic.csv":
		set(33, "referral_id", rows[32][col("referral_id")])
	case "springfield_transitional_living.xlsx":
		set(11, "county_fips", str("29999"))
	case "cass_county_outreach.csv":
		set(59, "status", str(""))
	}
}
