package main

// The sample resource guide mirrors what the strategic plan (seed 000)
// says about the wave 1 guide: at least 13 adult shelter and housing
// programs serve the Southeast, but in three of its towns; youth shelters
// are scarce outside St. Louis and Kansas City (fewer than a dozen
// elsewhere, two sex-trafficking specific in the state); legal aid in the
// Southwest sits only in its office towns (Joplin and Springfield, with
// the other offices the plan names — Cape Girardeau, Sikeston, Rolla,
// West Plains — in neighbouring regions); mental health and substance use
// treatment are usually offered by the same organisation. Every name is
// fictional; phone numbers are in the 555-01xx range reserved for fiction
// and websites under example.org.

// town is a place resources sit in.
type town struct {
	name, fips, area string
}

var (
	stlCity       = town{"St. Louis", "29510", "314"}
	stlCounty     = town{"Clayton", "29189", "314"}
	stCharles     = town{"St. Charles", "29183", "636"}
	belleville    = town{"Belleville", "17163", "618"}
	alton         = town{"Alton", "17119", "618"}
	carlinville   = town{"Carlinville", "17117", "217"}
	chester       = town{"Chester", "17157", "618"}
	capeGirardeau = town{"Cape Girardeau", "29031", "573"}
	poplarBluff   = town{"Poplar Bluff", "29023", "573"}
	farmington    = town{"Farmington", "29187", "573"}
	sikeston      = town{"Sikeston", "29201", "573"}
	hillsboro     = town{"Hillsboro", "29099", "636"}
	union         = town{"Union", "29071", "636"}
	westPlains    = town{"West Plains", "29091", "417"}
	kennett       = town{"Kennett", "29069", "573"}
	springfield   = town{"Springfield", "29077", "417"}
	joplin        = town{"Joplin", "29097", "417"}
	branson       = town{"Branson", "29213", "417"}
	lebanon       = town{"Lebanon", "29105", "417"}
	neosho        = town{"Neosho", "29145", "417"}
	bolivar       = town{"Bolivar", "29167", "417"}
	stJoseph      = town{"St. Joseph", "29021", "816"}
	maryville     = town{"Maryville", "29147", "660"}
	harrisonville = town{"Harrisonville", "29037", "816"}
	bethany       = town{"Bethany", "29081", "660"}
	kirksville    = town{"Kirksville", "29001", "660"}
	hannibal      = town{"Hannibal", "29127", "573"}
	troy          = town{"Troy", "29113", "636"}
	macon         = town{"Macon", "29121", "660"}
	bowlingGreen  = town{"Bowling Green", "29163", "573"}
	kansasCity    = town{"Kansas City", "29095", "816"}
	liberty       = town{"Liberty", "29047", "816"}
	plattCity     = town{"Platte City", "29165", "816"}
	warrensburg   = town{"Warrensburg", "29101", "660"}
	columbia      = town{"Columbia", "29019", "573"}
	jeffersonCity = town{"Jefferson City", "29051", "573"}
	rolla         = town{"Rolla", "29161", "573"}
	osageBeach    = town{"Osage Beach", "29029", "573"}
	sedalia       = town{"Sedalia", "29159", "660"}
	fulton        = town{"Fulton", "29027", "573"}
)

// entry is one row of the guide.
type entry struct {
	org, sector    string
	places         []town // none: statewide or telehealth
	statewide      bool
	services       []string
	populations    string
	ht, trained    bool
	telehealth     bool
	capacity       int
	area           string // phone area code for remote entries
	rawCounties    string // set only for the deliberately bad rows
	rawServices    string
	rawPopulations string
}

const (
	adults    = "adult;female;male"
	women     = "adult;female"
	youth     = "minor"
	everyone  = "adult;minor;female;male"
	inclusive = "adult;female;male;lgbtq"
	newcomers = "adult;minor;female;male;foreign_born"
)

// guide returns the sample resource guide, in the order it is written.
func guide() []entry {
	var g []entry
	for _, part := range [][]entry{behavioralHealth(), housing(), youthShelters(), legalAid(), crisisAndCase(),
		basicServices(), remoteEntries()} {
		g = append(g, part...)
	}
	return g
}

// behavioralHealth: mental health usually comes with substance use
// treatment, as the plan found in the wave 1 guide; a few programs offer
// substance use treatment alone.
func behavioralHealth() []entry {
	var out []entry
	coLocated := []struct {
		name  string
		towns []town
		res   bool // also residential / detox
	}{
		{"Bluestem Behavioral Health", []town{stlCity, stlCounty, stCharles}, true},
		{"Confluence Counseling and Recovery", []town{belleville, alton}, true},
		{"Bootheel Behavioral Health", []town{capeGirardeau, poplarBluff, farmington, sikeston, kennett}, false},
		{"Big Spring Recovery Center", []town{capeGirardeau}, true},
		{"Ozark Plateau Behavioral Health", []town{springfield, joplin, branson, lebanon}, true},
		{"Loess Hills Community Mental Health", []town{stJoseph, maryville}, true},
		{"North River Behavioral Health", []town{hannibal, kirksville}, false},
		{"Westport Behavioral Health", []town{kansasCity, liberty}, true},
		{"Two Rivers Behavioral Health", []town{columbia, jeffersonCity, rolla}, true},
	}
	for _, c := range coLocated {
		for i, t := range c.towns {
			svc := []string{"mental_health", "sud_outpatient", "case_management"}
			if c.res && i == 0 {
				svc = append(svc, "sud_residential")
			}
			out = append(out, entry{org: c.name + " – " + t.name, sector: "Behavioral health center", places: []town{t},
				services: svc, populations: everyone, trained: i%2 == 0})
		}
	}
	for _, r := range []struct {
		name string
		t    town
		svc  []string
	}{
		{"Cape Recovery Lodge", capeGirardeau, []string{"sud_residential"}},
		{"Queen City Detox Center", springfield, []string{"sud_residential", "sud_outpatient"}},
		{"Gateway Sober Living", stlCity, []string{"sud_residential"}},
		{"Northland Recovery Clinic", liberty, []string{"sud_outpatient"}},
	} {
		out = append(out, entry{org: r.name, sector: "Substance use treatment program", places: []town{r.t},
			services: r.svc, populations: adults})
	}
	for _, t := range []town{stlCity, stlCounty, kansasCity, columbia, springfield} {
		out = append(out, entry{org: t.name + " Trauma Therapy Collective", sector: "Counseling practice", places: []town{t},
			services: []string{"mental_health", "peer_mentorship"}, populations: inclusive, trained: true})
	}
	return out
}

// housing: the Southeast's thirteen programs crowd into three towns; other
// regions have fewer programs, more spread out.
func housing() []entry {
	var out []entry
	add := func(name, sector string, t town, svc []string, pop string, capacity int, ht bool) {
		out = append(out, entry{org: name, sector: sector, places: []town{t}, services: svc, populations: pop,
			capacity: capacity, ht: ht, trained: sector == "Domestic and sexual violence agency" || ht})
	}
	shelter, th := []string{"adult_shelter", "crisis_services", "case_management"}, []string{"transitional_housing", "case_management", "life_skills"}
	for _, s := range []struct {
		name   string
		t      town
		th     bool
		sector string
		pop    string
		beds   int
	}{
		{"Cape Girardeau Safe House", capeGirardeau, false, "Domestic and sexual violence agency", women, 24},
		{"River Bluff Rescue Mission", capeGirardeau, false, "Homeless services", adults, 40},
		{"Cape Girardeau Bridge Housing", capeGirardeau, true, "Homeless services", adults, 16},
		{"New Dawn Women's Residence", capeGirardeau, true, "Faith-based organization", women, 10},
		{"Southeast Family Shelter", capeGirardeau, false, "Homeless services", adults, 20},
		{"Poplar Bluff Haven", poplarBluff, false, "Domestic and sexual violence agency", women, 18},
		{"Black River Shelter", poplarBluff, false, "Homeless services", adults, 24},
		{"Butler County Transitional Homes", poplarBluff, true, "Homeless services", adults, 12},
		{"Poplar Bluff Hope House", poplarBluff, true, "Faith-based organization", women, 8},
		{"St. Francois Safe Harbor", farmington, false, "Domestic and sexual violence agency", women, 16},
		{"Poplar Bluff Transitional Living", poplarBluff, true, "Homeless services", adults, 10},
		{"Cape Shelter of Hope", capeGirardeau, false, "Domestic and sexual violence agency", women, 14},
		{"Mississippi River Housing Bridge", capeGirardeau, true, "Homeless services", adults, 10},
	} {
		svc := shelter
		if s.th {
			svc = th
		}
		add(s.name, s.sector, s.t, svc, s.pop, s.beds, false)
	}
	dv := "Domestic and sexual violence agency"
	for _, s := range []struct {
		name string
		t    town
		th   bool
		beds int
	}{
		{"Gateway Women's Shelter", stlCity, false, 40}, {"North County Family Shelter", stlCounty, false, 36},
		{"St. Charles Safe Place", stCharles, false, 24}, {"Mound City Transitional Housing", stlCity, true, 30},
		{"Metro East Safe Home", belleville, false, 26}, {"Riverbend Transitional Residence", alton, true, 18},
		{"Ozark Hearth Shelter", springfield, false, 32}, {"Joplin Safe Haven", joplin, false, 20},
		{"Queen City Transitional Housing", springfield, true, 20},
		{"St. Joseph Family Refuge", stJoseph, false, 18}, {"Cass County Safe House", harrisonville, false, 12},
		{"Kirksville Safe Home", kirksville, false, 12}, {"Hannibal Harbor House", hannibal, false, 14},
		{"Lincoln County Shelter", troy, false, 10}, {"Macon Bridge Housing", macon, true, 8},
		{"Pike County Transitional Homes", bowlingGreen, true, 8},
		{"Kansas City Women's Refuge", kansasCity, false, 44}, {"Clay County Safe Home", liberty, false, 20},
		{"Blue River Transitional Housing", kansasCity, true, 28},
		{"Boone County Safe Shelter", columbia, false, 30}, {"Capital City Shelter", jeffersonCity, false, 20},
		{"Lake Area Safe House", osageBeach, false, 12}, {"Columbia Transitional Living", columbia, true, 16},
	} {
		svc, sector := shelter, dv
		if s.th {
			svc, sector = th, "Homeless services"
		}
		add(s.name, sector, s.t, svc, women, s.beds, false)
	}
	add("Safe Passage Residence", "Anti-trafficking organization", stlCity, []string{"adult_shelter", "transitional_housing", "case_management"}, inclusive, 12, true)
	add("Heartland Freedom House", "Anti-trafficking organization", kansasCity, []string{"transitional_housing", "case_management"}, women, 10, true)
	return out
}

// youthShelters: plenty in St. Louis and Kansas City, six elsewhere; two
// are sex-trafficking specific.
func youthShelters() []entry {
	var out []entry
	for _, s := range []struct {
		name string
		t    town
		beds int
		ht   bool
	}{
		{"Lighthouse Youth Home", stlCity, 10, true}, {"Gateway Youth Emergency Shelter", stlCity, 16, false},
		{"North County Youth Haven", stlCounty, 12, false}, {"St. Charles Teen Shelter", stCharles, 10, false},
		{"Riverfront Youth Residence", stlCounty, 14, false},
		{"Harbor Youth Residence", kansasCity, 8, true}, {"Kansas City Youth Shelter", kansasCity, 20, false},
		{"Northland Teen Haven", liberty, 10, false}, {"Blue Valley Youth Home", kansasCity, 12, false},
		{"Ozark Youth Shelter", springfield, 12, false}, {"Joplin Children's Haven", joplin, 8, false},
		{"Mid-Missouri Youth Shelter", columbia, 10, false}, {"Cape Youth Emergency Home", capeGirardeau, 8, false},
		{"St. Joseph Youth Refuge", stJoseph, 6, false}, {"Metro East Youth Home", belleville, 10, false},
	} {
		out = append(out, entry{org: s.name, sector: "Youth services", places: []town{s.t},
			services: []string{"minor_shelter", "crisis_services", "case_management"}, populations: "minor;female;male;lgbtq",
			capacity: s.beds, ht: s.ht, trained: true})
	}
	return out
}

// legalAid: Southwest offices only in Joplin and Springfield; the other
// offices of the plan's list are in neighbouring regions.
func legalAid() []entry {
	var out []entry
	offices := []struct {
		name  string
		towns []town
	}{
		{"Western Ozarks Legal Aid", []town{joplin, springfield}},
		{"Southern Missouri Legal Services", []town{capeGirardeau, sikeston, westPlains, rolla}},
		{"Gateway Legal Services", []town{stlCity, stlCounty, stCharles}},
		{"Metro East Legal Aid", []town{belleville, alton}},
		{"Western Missouri Legal Aid", []town{kansasCity, liberty, stJoseph, warrensburg}},
		{"Mid-Missouri Legal Aid", []town{columbia, jeffersonCity}},
		{"Northeast Missouri Legal Services", []town{hannibal, kirksville}},
	}
	for _, o := range offices {
		for _, t := range o.towns {
			out = append(out, entry{org: o.name + " – " + t.name + " office", sector: "Legal aid", places: []town{t},
				services: []string{"legal_assistance", "id_documents"}, populations: adults})
		}
	}
	for _, t := range []town{stlCity, kansasCity} {
		out = append(out, entry{org: t.name + " Survivor Legal Clinic", sector: "Legal aid", places: []town{t},
			services: []string{"legal_assistance", "immigration"}, populations: newcomers, ht: true, trained: true})
	}
	return out
}

// crisisAndCase: anti-trafficking organisations and crisis centres.
func crisisAndCase() []entry {
	var out []entry
	for _, c := range []struct {
		name string
		t    town
		ht   bool
	}{
		{"Gateway Freedom Network", stlCity, true}, {"Prairie Rise Survivor Services", kansasCity, true},
		{"Ozarks Anti-Trafficking Alliance", springfield, true}, {"Metro East Crisis Center", belleville, false},
		{"Buchanan County Crisis Center", stJoseph, false}, {"Northland Crisis Line", liberty, false},
		{"Boone County Crisis Center", columbia, false}, {"Northwest Rural Crisis Services", bethany, false},
	} {
		svc := []string{"crisis_services", "case_management", "basic_needs"}
		if c.ht {
			svc = append(svc, "peer_mentorship", "life_skills", "transportation")
		}
		out = append(out, entry{org: c.name, sector: crisisSector(c.ht), places: []town{c.t}, services: svc,
			populations: inclusive, ht: c.ht, trained: true})
	}
	return out
}

func crisisSector(ht bool) string {
	if ht {
		return "Anti-trafficking organization"
	}
	return "Crisis center"
}

// basicServices: community action agencies, clinics, transit, refugee
// services and workforce centres.
func basicServices() []entry {
	var out []entry
	for _, t := range []town{stlCity, belleville, capeGirardeau, poplarBluff, springfield, joplin, stJoseph, hannibal, kansasCity, columbia, sedalia} {
		out = append(out, entry{org: t.name + " Community Action", sector: "Community action agency", places: []town{t},
			services: []string{"basic_needs", "financial_assistance", "employment", "life_skills", "child_care"}, populations: everyone})
	}
	for _, t := range []town{stlCity, stlCounty, alton, capeGirardeau, springfield, stJoseph, kirksville, kansasCity, columbia, rolla} {
		out = append(out, entry{org: t.name + " Community Health Clinic", sector: "Health clinic", places: []town{t},
			services: []string{"medical_care", "dental_care"}, populations: everyone})
	}
	for _, t := range []town{stlCity, kansasCity, springfield, columbia} {
		out = append(out, entry{org: t.name + " Transit Access", sector: "Transit provider", places: []town{t},
			services: []string{"transportation"}, populations: everyone})
		out = append(out, entry{org: t.name + " Refugee and Immigrant Services", sector: "Refugee and immigrant services",
			places: []town{t}, services: []string{"interpretation", "immigration", "education", "employment"}, populations: newcomers})
	}
	for _, t := range []town{stlCounty, belleville, farmington, joplin, jeffersonCity, liberty} {
		out = append(out, entry{org: t.name + " Workforce Center", sector: "Workforce center", places: []town{t},
			services: []string{"employment", "education"}, populations: adults})
	}
	return out
}

// remoteEntries are statewide and telehealth-only services, and three
// rows a real guide would have: an unknown county, an unknown service and
// an unknown population.
func remoteEntries() []entry {
	return []entry{
		{org: "Show-Me Survivor Hotline", sector: "Anti-trafficking organization", statewide: true, area: "573",
			services: []string{"crisis_services"}, populations: inclusive, ht: true, trained: true},
		{org: "Missouri Legal Help Line", sector: "Legal aid", statewide: true, area: "573",
			services: []string{"legal_assistance"}, populations: adults},
		{org: "TeleCare Counseling Network", sector: "Counseling practice", telehealth: true, area: "573",
			services: []string{"mental_health"}, populations: inclusive, trained: true},
		{org: "Recovery Connect Telehealth", sector: "Behavioral health center", telehealth: true, area: "417",
			services: []string{"sud_outpatient", "mental_health"}, populations: adults},
		{org: "Ozark Hope Center", sector: "Faith-based organization", rawCounties: "29999", area: "417",
			services: []string{"basic_needs"}, populations: everyone},
		{org: "Riverside Wellness", sector: "Counseling practice", places: []town{sedalia},
			rawServices: "mental_health; equine therapy", populations: adults},
		{org: "Northland Family Center", sector: "Community action agency", places: []town{plattCity},
			services: []string{"basic_needs", "child_care"}, rawPopulations: "adult; seniors"},
		{org: "Branson Care Closet", sector: "Faith-based organization", places: []town{branson, neosho, bolivar},
			services: []string{"basic_needs"}, populations: everyone},
		{org: "Jefferson County Family Services", sector: "Community action agency", places: []town{hillsboro, union},
			services: []string{"basic_needs", "case_management"}, populations: everyone},
		{org: "Chester Area Outreach", sector: "Community action agency", places: []town{chester, carlinville},
			services: []string{"basic_needs", "transportation"}, populations: everyone},
	}
}
