package main

// The bundled referral sample: about twenty partner agencies of the
// collaborative, each keeping its own referral sheet with its own header
// spellings, date format and status words (all covered by config.yaml),
// plus a few agencies outside the collaborative that only receive
// referrals.

// agency is a partner (with a sheet) or an outside receiver.
type agency struct {
	name     string
	region   string
	receives []string // services it takes referrals for
	sheet    *sheetStyle
}

// sheetStyle is how one partner keeps its sheet.
type sheetStyle struct {
	file     string
	header   []string // per field of fieldOrder; "" leaves the field out
	extra    string   // an unmapped column (never read), "" for none
	dates    string   // iso, us, us2, serial (CSV numbers), cell (XLSX dates), text (XLSX text)
	date1904 bool
	status   [4]string // completed, not_completed, declined, pending
	service  string    // key, label or alias
	place    string    // region, alias, fips, both, county
	self     string    // how it writes its own and others' names: as-is, upper, inc
	received bool      // also records referrals it receives
	title    bool      // a title row and a blank row above the header
	readme   bool      // the workbook has a "Read me" sheet
}

// fieldOrder is the order of the canonical referral fields.
var fieldOrder = []string{"referral_id", "referral_date", "client_code", "referring_agency", "receiving_agency",
	"service", "county_fips", "region", "status", "completed_date", "abuse_types"}

var (
	hCanon = fieldOrder
	hA     = []string{"Referral ID", "Date of referral", "Client ID", "Referred by", "Referred to", "Service type",
		"County FIPS", "Region", "Referral status", "Date completed", "Type of abuse"}
	hB = []string{"Ref ID", "Referral Date", "Client code", "Referring agency", "Agency referred to", "Service needed",
		"FIPS", "Service region", "Completed?", "Completion date", "Abuse types"}
	hC = []string{"Referral #", "Date referred", "Participant ID", "Referring organization", "Receiving organization", "Service",
		"County", "", "Outcome", "Completed on", "Types of abuse"}
	hD = []string{"Referral number", "Referred on", "Case ID", "Referral source", "Referred to", "Service category",
		"", "Region", "Follow-through", "Date service received", ""}
)

var (
	stWords1 = [4]string{"Completed", "Not completed", "Declined", "Pending"}
	stWords2 = [4]string{"Yes", "No", "declined by client", "Pending"}
	stWords3 = [4]string{"Y", "N", "Refused", "In progress"}
	stWords4 = [4]string{"TRUE", "FALSE", "Client declined", "Open"}
	stWords5 = [4]string{"Done", "No show", "Declined", "Waitlist"}
	stWords6 = [4]string{"completed", "not_completed", "declined", "pending"}
)

// agencies are the sample's partners and outside receivers. The services
// each receives follow SPEC's resource-guide facts (legal aid in the
// Southwest's towns, youth shelter in St. Louis and Kansas City, mental
// health and substance use often together).
var agencies = []agency{
	{name: "Gateway Family Services", region: "St. Louis", receives: []string{"case_management", "mental_health", "basic_needs", "life_skills"},
		sheet: &sheetStyle{file: "gateway_family_services.csv", header: hCanon, dates: "iso", status: stWords6, service: "key", place: "both", self: "as-is", received: true}},
	{name: "Riverbend Legal Aid", region: "St. Louis", receives: []string{"legal_assistance", "immigration", "id_documents"},
		sheet: &sheetStyle{file: "riverbend_legal_aid.xlsx", header: hA, dates: "cell", status: stWords1, service: "label", place: "fips", self: "inc", received: true, extra: "Notes"}},
	{name: "North County Recovery Center", region: "St. Louis", receives: []string{"sud_residential", "sud_outpatient", "mental_health"},
		sheet: &sheetStyle{file: "north_county_recovery.csv", header: hB, dates: "us", status: stWords2, service: "alias", place: "both", self: "as-is"}},
	{name: "Harbor House Women's Shelter", region: "St. Louis", receives: []string{"adult_shelter", "transitional_housing", "crisis_services"},
		sheet: &sheetStyle{file: "harbor_house.csv", header: hA, dates: "us2", status: stWords3, service: "label", place: "region", self: "upper", received: true}},
	{name: "Metro East Crisis Center", region: "Metro East", receives: []string{"crisis_services", "adult_shelter", "transitional_housing"},
		sheet: &sheetStyle{file: "metro_east_crisis_center.xlsx", header: hCanon, dates: "cell", date1904: true, status: stWords1, service: "key", place: "both", self: "as-is", received: true}},
	{name: "Madison County Counseling Services", region: "Metro East", receives: []string{"mental_health", "sud_outpatient"},
		sheet: &sheetStyle{file: "madison_county_counseling.csv", header: hD, dates: "iso", status: stWords5, service: "label", place: "alias", self: "as-is"}},
	{name: "Bootheel Community Action", region: "Southeast", receives: []string{"basic_needs", "financial_assistance", "transportation", "child_care"},
		sheet: &sheetStyle{file: "bootheel_community_action.csv", header: hB, dates: "serial", status: stWords4, service: "key", place: "fips", self: "as-is", title: true}},
	{name: "Cape Girardeau Crisis Center", region: "Southeast", receives: []string{"adult_shelter", "crisis_services", "transitional_housing"},
		sheet: &sheetStyle{file: "cape_girardeau_crisis_center.xlsx", header: hA, dates: "text", status: stWords2, service: "alias", place: "both", self: "inc", received: true, readme: true}},
	{name: "Ozark Family Services", region: "Southwest", receives: []string{"case_management", "mental_health", "minor_shelter"},
		sheet: &sheetStyle{file: "ozark_family_services.csv", header: hCanon, dates: "us", status: stWords1, service: "label", place: "region", self: "as-is", received: true}},
	{name: "Spring River Legal Aid", region: "Southwest", receives: []string{"legal_assistance", "immigration"},
		sheet: &sheetStyle{file: "spring_river_legal_aid.csv", header: hC, dates: "iso", status: stWords3, service: "alias", place: "county", self: "as-is", extra: "Attorney assigned"}},
	{name: "Springfield Transitional Living", region: "Southwest", receives: []string{"transitional_housing", "life_skills", "employment"},
		sheet: &sheetStyle{file: "springfield_transitional_living.xlsx", header: hB, dates: "cell", status: stWords5, service: "key", place: "fips", self: "as-is"}},
	{name: "Cass County Outreach", region: "Northwest", receives: []string{"case_management", "crisis_services", "basic_needs"},
		sheet: &sheetStyle{file: "cass_county_outreach.csv", header: hA, dates: "us", status: stWords2, service: "label", place: "both", self: "as-is", received: true}},
	{name: "St. Joseph Health Clinic", region: "Northwest", receives: []string{"medical_care", "dental_care", "mental_health"},
		sheet: &sheetStyle{file: "st_joseph_health_clinic.csv", header: hCanon, dates: "iso", status: stWords6, service: "key", place: "region", self: "as-is"}},
	{name: "Tri-County Family Services", region: "Northeast", receives: []string{"case_management", "adult_shelter", "transitional_housing"},
		sheet: &sheetStyle{file: "tri_county_family_services.csv", header: hD, dates: "us2", status: stWords1, service: "alias", place: "alias", self: "as-is", received: true}},
	{name: "Hannibal Counseling Services", region: "Northeast", receives: []string{"mental_health", "sud_outpatient", "peer_mentorship"},
		sheet: &sheetStyle{file: "hannibal_counseling_services.xlsx", header: hA, dates: "cell", date1904: true, status: stWords3, service: "label", place: "fips", self: "as-is"}},
	{name: "Heartland Advocacy Network", region: "Kansas City", receives: []string{"case_management", "crisis_services", "peer_mentorship"},
		sheet: &sheetStyle{file: "heartland_advocacy_network.csv", header: hCanon, dates: "iso", status: stWords1, service: "key", place: "both", self: "as-is", received: true}},
	{name: "Northland Youth Shelter", region: "Kansas City", receives: []string{"minor_shelter", "crisis_services", "education"},
		sheet: &sheetStyle{file: "northland_youth_shelter.csv", header: hB, dates: "us", status: stWords4, service: "label", place: "fips", self: "upper"}},
	{name: "Kansas City Legal Partners", region: "Kansas City", receives: []string{"legal_assistance", "immigration", "id_documents"},
		sheet: &sheetStyle{file: "kansas_city_legal_partners.xlsx", header: hA, dates: "cell", status: stWords2, service: "alias", place: "alias", self: "as-is", received: true, title: true}},
	{name: "Westport Health Clinic", region: "Kansas City", receives: []string{"medical_care", "dental_care", "mental_health", "sud_outpatient"},
		sheet: &sheetStyle{file: "westport_health_clinic.csv", header: hA, dates: "us", status: stWords5, service: "key", place: "region", self: "as-is"}},
	{name: "Capital City Counseling Services", region: "Central", receives: []string{"mental_health", "sud_residential", "sud_outpatient"},
		sheet: &sheetStyle{file: "capital_city_counseling.csv", header: hCanon, dates: "iso", status: stWords2, service: "label", place: "both", self: "as-is", received: true}},
	{name: "Mid-Missouri Workforce Center", region: "Central", receives: []string{"employment", "education", "transportation", "life_skills"},
		sheet: &sheetStyle{file: "mid_missouri_workforce_center.csv", header: hB, dates: "us2", status: stWords3, service: "alias", place: "alias", self: "as-is"}},
	// Outside the collaborative: they receive referrals, keep no sheet.
	{name: "Missouri Job Center", region: "", receives: []string{"employment", "education"}},
	{name: "Salvation Army Family Shelter", region: "", receives: []string{"adult_shelter", "basic_needs", "financial_assistance"}},
	{name: "Community Transit", region: "", receives: []string{"transportation"}},
	{name: "International Institute", region: "", receives: []string{"interpretation", "immigration"}},
	{name: "Boys and Girls Town", region: "", receives: []string{"minor_shelter", "child_care"}},
	{name: "State Recovery Hotline", region: "", receives: []string{"sud_residential", "crisis_services"}},
	{name: "Faith Community Pantry", region: "", receives: []string{"basic_needs", "dental_care"}},
}

// agencyAliases are spellings one partner uses for another that only
// config.yaml's referrals.agencies can match.
var agencyAliases = map[string]string{
	"Kansas City Legal Partners":   "KC Legal Partners",
	"Harbor House Women's Shelter": "Harbor House",
}

// regionAliases are the region spellings of sheets with place "alias".
var regionAliases = map[string]string{
	"St. Louis": "STL", "Metro East": "Metro-East", "Southeast": "SE", "Southwest": "SW",
	"Northwest": "NW", "Northeast": "NE", "Kansas City": "KC", "Central": "Mid-Missouri",
}

// sampleCounties are the counties referrals are placed in, per region.
var sampleCounties = map[string][]string{
	"St. Louis":   {"29510", "29189", "29189", "29183"},
	"Metro East":  {"17163", "17119", "17119", "17133", "17083"},
	"Southeast":   {"29031", "29201", "29023", "29187", "29099", "29069"},
	"Southwest":   {"29077", "29077", "29097", "29043", "29145", "29213"},
	"Northwest":   {"29037", "29037", "29021", "29147", "29003"},
	"Northeast":   {"29001", "29127", "29173", "29113"},
	"Kansas City": {"29095", "29095", "29047", "29165", "29033"},
	"Central":     {"29019", "29051", "29027", "29161"},
}

// countyNames spell the Southwest counties for the sheet that writes
// names instead of codes.
var countyNames = map[string]string{
	"29077": "Greene County, MO", "29097": "Jasper County, MO", "29043": "Christian County, MO",
	"29145": "Newton County, MO", "29213": "Taney County, MO", "29209": "Stone County, MO",
}

// regionWeight is each region's share of referrals.
var regionWeight = []struct {
	region string
	w      float64
}{
	{"St. Louis", 0.20}, {"Metro East", 0.08}, {"Southeast", 0.10}, {"Southwest", 0.14},
	{"Northwest", 0.10}, {"Northeast", 0.07}, {"Kansas City", 0.19}, {"Central", 0.12},
}
