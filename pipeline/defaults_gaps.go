package pipeline

import (
	"needsmap/analysis/gaps"
	"needsmap/data/normalize"
)

// defaultResources reads the canonical resource guide (SPEC), the header
// spellings guides commonly use, and the resource-mapping workbook's
// external-resource tables (seed 004), whose needs are mapped to
// categories under services.
func defaultResources() normalize.ResourceOptions {
	return normalize.ResourceOptions{
		Columns: map[string][]string{
			"organization":        {"Organisation", "Agency", "Provider", "Provider/Agency", "Organization name", "Who can meet these needs? Provider/Agency?"},
			"sector":              {"Sector", "Organization type", "Organisation type", "Type of organization"},
			"county_fips":         {"fips", "County FIPS", "county_code"},
			"county":              {"County", "Counties", "County served", "Counties served"},
			"services":            {"Services", "Services offered", "Service", "Need", "Possible Needs of Survivors of Human Trafficking"},
			"populations":         {"Populations", "Populations served", "Population served"},
			"ht_specific":         {"HT specific", "Human trafficking specific", "HT-specific"},
			"trained":             {"Trained", "Trained?", "Anti-HT & Trauma Awareness Trained?"},
			"telehealth":          {"Telehealth", "Telehealth available"},
			"capacity":            {"Capacity", "Beds", "Slots"},
			"phone":               {"Phone", "Telephone", "Phone number"},
			"website":             {"Website", "Web site", "URL"},
			"partnership":         {"Partnership", "Partner", "Point of Contact? Partnership Yes, No, Who"},
			"serves_adult":        {"Adult", "Adults"},
			"serves_minor":        {"Minor", "Minors"},
			"serves_male":         {"Male", "Men"},
			"serves_female":       {"Female", "Women"},
			"serves_lgbtq":        {"LGBTQ", "LGBTQ+"},
			"serves_foreign_born": {"Foreign Born", "Foreign-born"},
		},
		Services: seedServices(),
		Populations: []normalize.PopulationSpec{
			{Key: "adult", Aliases: []string{"adults"}},
			{Key: "minor", Aliases: []string{"minors", "youth", "children", "juveniles"}},
			{Key: "male", Aliases: []string{"men", "males"}},
			{Key: "female", Aliases: []string{"women", "females"}},
			{Key: "lgbtq", Aliases: []string{"lgbtq+", "lgbt", "lgbtqia+"}},
			{Key: "foreign_born", Aliases: []string{"immigrants", "refugees"}},
		},
		Statewide:  []string{"Statewide", "State-wide", "All counties"},
		Telehealth: []string{"Telehealth", "Online", "Virtual"},
	}
}

// seedServices maps the needs listed in the resource-mapping workbook
// (seed 004) that are not category names to categories. Needs with no
// category (law enforcement, prosecutors…) are reported as unknown.
func seedServices() []normalize.ServiceSpec {
	s := func(match string, cats ...string) normalize.ServiceSpec {
		return normalize.ServiceSpec{Match: match, Categories: cats}
	}
	legal := "legal_assistance"
	return []normalize.ServiceSpec{
		s("24 Hour Emergency Response", "crisis_services"), s("Safety/Safety Planning", "crisis_services"),
		s("Food/Clothing/Toiletries", "basic_needs"), s("Drop-in center", "basic_needs", "crisis_services"),
		s("Legal Needs Information & Linkage", legal), s("Legal needs Info & linkage", legal),
		s("Legal guardianship for minors", legal), s("Criminal legal assistance", legal),
		s("Family court legal assistance", legal), s("Housing court legal assistance", legal),
		s("Civil legal assistance", legal), s("Family law", legal), s("Employment law", legal),
		s("Public benefits access", legal), s("Worker rights, sexual assault/ harassment, and exploitation Edu.", legal),
		s("Case management/advocacy/ goal setting", "case_management"), s("Accompaniment", "case_management"),
		s("Advocacy with social services, law enforcement, linkage to resources", "case_management"),
		s("Social worker", "case_management"), s("Financial support - connection", "financial_assistance"),
		s("Shelter", "adult_shelter"), s("Emergency shelter", "adult_shelter"),
		s("Emergency shelter Hotel – average 30 days", "adult_shelter"),
		s("Transitional Housing – 6-9 months", "transitional_housing"),
		s("Community support, life skills, transportation", "life_skills", "transportation"),
		s("Permanency placement for youth; child care", "child_care"),
		s("Refugee benefits for HT survivors/ victims", "immigration", "financial_assistance"),
		s("Financial management/literacy", "life_skills"), s("Education, GED, college, ESL", "education"),
		s("Job training/employment connection", "employment"), s("Emergency Health/Medical", "medical_care"),
		s("Reproductive Health", "medical_care"), s("Mental health care", "mental_health"),
		s("Substance use resources", "sud_residential", "sud_outpatient"),
		s("Substance use treatment", "sud_residential", "sud_outpatient"),
		s("Immigration: U & T Visa or repatriation/reunification", "immigration"),
		s("ID/document obtainment", "id_documents"),
		s("Faith-based & social support connection, peer mentorship", "peer_mentorship"),
	}
}

// defaultGaps are the gap-score weights. Shelter and housing supply is
// counted in beds, so their half-saturation constants are in beds too.
func defaultGaps() gaps.Options {
	return gaps.Options{
		Weights:        gaps.Weights{Supply: 0.25, Coverage: 0.25, Access: 0.5},
		HalfSaturation: gaps.HalfSaturation{Supply: 0.5, Access: 0.5},
		HalfSaturationBy: []gaps.CategoryHalfSaturation{
			{Categories: []string{"adult_shelter", "minor_shelter", "transitional_housing", "housing"}, Supply: 10, Access: 10},
		},
		StatewideWeight:  0.25,
		TelehealthWeight: 0.5,
		CoverageKm:       40,
		Catchment:        []gaps.Step{{Km: 40, Weight: 1}, {Km: 80, Weight: 0.68}, {Km: 120, Weight: 0.22}},
		EarthRadiusKm:    6371.0088,
		SupplyUnit:       gaps.UnitCapacity,
		DefaultCapacity:  1,
		MultiCounty:      gaps.SplitEqually,
		Populations:      []string{"minor", "male", "foreign_born", "lgbtq"},
		TopN:             5,
		MapCategories:    []string{},
	}
}
