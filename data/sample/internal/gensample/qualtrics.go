package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

// qualtricsLabels are the choice texts a Qualtrics export writes for the
// need scale (0..4).
var qualtricsLabels = []string{"Not a need", "Low level need", "Moderate level need", "High level need", "Very high level need"}

// labels are the category labels as the survey's matrix rows read.
var labels = map[string]string{
	"mental_health": "Mental health, therapy, counseling, support groups", "sud_residential": "Substance use treatment (residential/detox)",
	"sud_outpatient": "Substance use treatment (outpatient)", "transitional_housing": "Transitional housing",
	"adult_shelter": "Shelter for adults", "minor_shelter": "Shelter for minors", "crisis_services": "Crisis/emergency services",
	"legal_assistance": "Legal assistance", "transportation": "Transportation", "peer_mentorship": "Peer mentorship",
	"case_management": "Case management", "medical_care": "Medical care", "dental_care": "Dental care",
	"employment": "Job training/employment", "education": "Education (GED, college, ESL)", "interpretation": "Interpretation/translation",
	"basic_needs": "Food, clothing, toiletries", "financial_assistance": "Financial assistance", "child_care": "Child care",
	"life_skills": "Life skills", "id_documents": "ID and documents", "immigration": "Immigration assistance (T/U visa)",
}

// Question texts of the Qualtrics version; config.yaml maps the first two.
const (
	qRegion  = "Which region does your organization primarily serve?"
	qSector  = "Which best describes your organization?"
	qServed  = "How many survivors of human trafficking did your organization serve in the past 12 months?"
	qMatrix  = "How much of a need is each of the following services for survivors in your region?"
	qRanking = "Rank the five services most needed in your region (1 = most needed)"
)

// qualtricsRows renders the same 107 responses as a Qualtrics CSV export:
// column ids, question text and ImportId rows, then choice text as answers.
// The region question is required there, so every row names its region.
func qualtricsRows(all []respondent) [][]string {
	ids := []string{"StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId", "Q1", "Q2", "Q3"}
	text := []string{"Start Date", "End Date", "Response Type", "Progress", "Finished", "Response ID", qRegion, qSector, qServed}
	imports := []string{"startDate", "endDate", "status", "progress", "finished", "_recordId", "QID1", "QID2", "QID3_TEXT"}
	for i, c := range categories {
		ids = append(ids, fmt.Sprintf("Q4_%d", i+1))
		text = append(text, qMatrix+" - "+labels[c])
		imports = append(imports, fmt.Sprintf("QID4_%d", i+1))
	}
	for i, c := range categories {
		ids = append(ids, fmt.Sprintf("Q5_%d", i+1))
		text = append(text, qRanking+" - "+labels[c])
		imports = append(imports, fmt.Sprintf("QID5_%d", i+1))
	}
	importRow := make([]string, len(imports))
	for i, id := range imports {
		b, _ := json.Marshal(map[string]string{"ImportId": id})
		importRow[i] = string(b)
	}
	out := [][]string{ids, text, importRow}
	for k, r := range all {
		day := fmt.Sprintf("2019-%02d-%02d", 3+k%6, 1+k%28)
		rec := []string{day + " 09:00:00", day + " 09:14:00", "IP Address", "100", "True", "R_" + strings.ToUpper(fmt.Sprintf("%015x", 0x5a17e0+k*7919)),
			r.region, r.sector, ""}
		if r.reports {
			rec[8] = itoa(r.sex + r.labor + r.both)
		}
		for _, v := range r.ratings {
			if v < 0 {
				rec = append(rec, "Don't know")
			} else {
				rec = append(rec, qualtricsLabels[v])
			}
		}
		for _, v := range r.ranks {
			if v == 0 {
				rec = append(rec, "")
			} else {
				rec = append(rec, itoa(v))
			}
		}
		out = append(out, rec)
	}
	return out
}
