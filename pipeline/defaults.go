package pipeline

import (
	"needsmap/analysis/disclosure"
	"needsmap/analysis/needs"
	"needsmap/analysis/waves"
	"needsmap/data/normalize"
)

// DefaultConfig is the configuration used when no config file is found. It
// equals the repository's config.yaml (a test keeps them in step), so a
// binary run outside the repository behaves the same.
func DefaultConfig() Config {
	return Config{
		Output: Output{Dir: "out", Charts: []string{"svg", "png"}},
		Report: ReportOptions{
			Title:    "Needs, gaps and progress: Missouri and Metro East St. Louis",
			Subtitle: "Bundled sample wave (fictional data)",
		},
		Regions:    defaultRegions(),
		Categories: defaultCategories(),
		Combined: []normalize.CombinedSpec{
			{Key: "housing", Label: "Housing (shelter and transitional)", Members: []string{"adult_shelter", "minor_shelter", "transitional_housing"}, Rule: "max"},
			{Key: "mh_sud", Label: "Mental health & substance treatment", Members: []string{"mental_health", "sud_residential", "sud_outpatient"}, Rule: "max"},
		},
		Scale: normalize.ScaleSpec{
			Levels: []normalize.LevelSpec{
				{Value: 0, Label: "Not a need", Aliases: []string{"No need"}},
				{Value: 1, Label: "Low level need", Aliases: []string{"Low need", "Low"}},
				{Value: 2, Label: "Moderate level need", Aliases: []string{"Moderate need", "Moderate"}},
				{Value: 3, Label: "High level need", Aliases: []string{"High need", "High"}},
				{Value: 4, Label: "Very high level need", Aliases: []string{"Very high need", "Very high"}},
			},
			Missing: []string{"Don't know", "Do not know", "Dont know", "DK", "Unsure", "N/A", "NA", "Not applicable", "-99"},
		},
		Survey: normalize.SurveyOptions{
			NeedPrefix: "need_",
			RankPrefix: "rank_",
			Columns: map[string][]string{
				"respondent_id":    {"ResponseId", "Response ID", "ResponseID", "record_id", "Respondent ID", "id"},
				"region":           {"Region", "Service region", "Region served"},
				"county_fips":      {"fips", "county_code", "County FIPS"},
				"county":           {"County", "County served", "Counties served", "county_name"},
				"sector":           {"Sector", "organization_type", "organisation_type", "Organization type", "Type of organization", "org_type"},
				"survivors_served": {"Survivors served", "n_survivors", "survivors"},
			},
			// The bundled Qualtrics export's questions; ratings need no entry
			// because its matrix rows are the category labels.
			Questions: []normalize.QuestionSpec{
				{Match: "Which region does your organization primarily serve?", Field: "region"},
				{Match: "Which best describes your organization?", Field: "sector"},
				{Match: "How many survivors of human trafficking did your organization serve in the past 12 months?", Field: "survivors_served"},
				{Match: "Rank the five services most needed in your region (1 = most needed)", Kind: "rank"},
			},
		},
		Needs: needs.Options{
			Metric:         needs.MetricMean,
			MinRespondents: 10,
			Bootstrap:      1000,
			Seed:           20200131,
			Confidence:     0.95,
			TopN:           3,
			TopK:           3,
		},
		Waves:      waves.Options{CurrentLabel: "2019 wave", BaselineLabel: "2017 wave"},
		Disclosure: disclosure.Options{Suppress: true, K: 11},
		Resources:  defaultResources(),
		Gaps:       defaultGaps(),
		Referrals:  defaultReferrals(),
		Trainings:  defaultTrainings(),
		Milestones: defaultMilestones(),
	}
}

func defaultRegions() []normalize.RegionSpec {
	return []normalize.RegionSpec{
		{Name: "St. Louis", Aliases: []string{"Saint Louis", "St Louis", "STL", "St. Louis Region", "St. Louis Metro"}},
		{Name: "Metro East", Aliases: []string{"Metro East St. Louis", "Metro-East", "Metro East STL", "Metro East Illinois"}},
		{Name: "Southeast", Aliases: []string{"SE", "Southeast Missouri", "South East"}},
		{Name: "Southwest", Aliases: []string{"SW", "Southwest Missouri", "South West"}},
		{Name: "Northwest", Aliases: []string{"NW", "Northwest Missouri", "North West"}},
		{Name: "Northeast", Aliases: []string{"NE", "Northeast Missouri", "North East"}},
		{Name: "Kansas City", Aliases: []string{"KC", "Kansas City Region", "KC Metro", "Kansas City Metro"}},
		{Name: "Central", Aliases: []string{"Central Missouri", "Mid-Missouri", "Mid Missouri"}},
	}
}

func defaultCategories() []normalize.CategorySpec {
	return []normalize.CategorySpec{
		{Key: "mental_health", Label: "Mental health, therapy, counseling, support groups", Aliases: []string{"Mental health", "Mental health/therapy/counseling/support groups", "Counseling", "Therapy"}},
		{Key: "sud_residential", Label: "Substance use treatment (residential/detox)", Aliases: []string{"Substance use treatment (residential and detox)", "Substance use treatment (residential)", "Detox", "SUD residential"}},
		{Key: "sud_outpatient", Label: "Substance use treatment (outpatient)", Aliases: []string{"SUD outpatient", "Outpatient substance use treatment"}},
		{Key: "transitional_housing", Label: "Transitional housing", Aliases: []string{"Transitional living"}},
		{Key: "adult_shelter", Label: "Shelter for adults", Aliases: []string{"Adult shelter", "Emergency shelter for adults"}},
		{Key: "minor_shelter", Label: "Shelter for minors", Aliases: []string{"Minor shelter", "Youth shelter", "Shelter for youth"}},
		{Key: "crisis_services", Label: "Crisis/emergency services", Aliases: []string{"Crisis services", "Emergency services", "Crisis"}},
		{Key: "legal_assistance", Label: "Legal assistance", Aliases: []string{"Legal services", "Legal aid", "Legal"}},
		{Key: "transportation", Label: "Transportation"},
		{Key: "peer_mentorship", Label: "Peer mentorship", Aliases: []string{"Peer mentoring", "Survivor mentorship"}},
		{Key: "case_management", Label: "Case management"},
		{Key: "medical_care", Label: "Medical care", Aliases: []string{"Medical", "Health care", "Healthcare"}},
		{Key: "dental_care", Label: "Dental care", Aliases: []string{"Dental"}},
		{Key: "employment", Label: "Job training/employment", Aliases: []string{"Employment", "Job training", "Employment services"}},
		{Key: "education", Label: "Education (GED, college, ESL)", Aliases: []string{"Education"}},
		{Key: "interpretation", Label: "Interpretation/translation", Aliases: []string{"Interpretation", "Translation", "Interpreter services"}},
		{Key: "basic_needs", Label: "Food, clothing, toiletries", Aliases: []string{"Basic needs", "Food and clothing"}},
		{Key: "financial_assistance", Label: "Financial assistance", Aliases: []string{"Financial aid", "Cash assistance"}},
		{Key: "child_care", Label: "Child care", Aliases: []string{"Childcare"}},
		{Key: "life_skills", Label: "Life skills"},
		{Key: "id_documents", Label: "ID and documents", Aliases: []string{"Identification documents", "ID documents", "IDs"}},
		{Key: "immigration", Label: "Immigration assistance (T/U visa)", Aliases: []string{"Immigration assistance", "Immigration", "T/U visa"}},
	}
}
