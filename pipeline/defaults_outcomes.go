package pipeline

import "needsmap/data/normalize"

// defaultReferrals are the referral settings of config.yaml: header and
// status spellings seen in partner agencies' sheets, and the identifier
// patterns that make a sheet refused.
func defaultReferrals() normalize.ReferralOptions {
	return normalize.ReferralOptions{
		Columns: map[string][]string{
			"referral_id":      {"Referral ID", "Ref ID", "Referral #", "Referral number", "Referral no", "ID"},
			"referral_date":    {"Referral date", "Date of referral", "Date referred", "Referred on", "Date"},
			"client_code":      {"Client code", "Client ID", "Client #", "Participant ID", "Case ID", "Case number"},
			"referring_agency": {"Referring agency", "Referred by", "Referring organization", "Referring organisation", "Referring agency name", "From agency", "Referral source"},
			"receiving_agency": {"Receiving agency", "Referred to", "Receiving organization", "Receiving organisation", "Receiving agency name", "To agency", "Agency referred to"},
			"service":          {"Service", "Service type", "Service name", "Service needed", "Service category", "Service requested", "Type of service"},
			"county_fips":      {"FIPS", "County FIPS", "County code", "county_code"},
			"county":           {"County", "County name", "County of residence"},
			"region":           {"Region", "Region name", "Service region"},
			"status":           {"Status", "Referral status", "Outcome", "Completed?", "Referral completed", "Referral completed?", "Follow-through", "Follow through"},
			"completed_date":   {"Completed date", "Date completed", "Completion date", "Completed on", "Date of completion", "Date service received"},
			"abuse_types":      {"Abuse types", "Abuse type", "Type of abuse", "Types of abuse", "Victimization type"},
		},
		Statuses: []normalize.StatusSpec{
			{Status: "completed", Values: []string{"Completed", "Complete", "Yes", "Y", "TRUE", "1", "Done", "Connected", "Served", "Service received", "Referral completed"}},
			{Status: "not_completed", Values: []string{"Not completed", "Not complete", "Incomplete", "No", "N", "FALSE", "0", "No show", "Did not complete", "Unable to contact", "Lost contact", "Not served"}},
			{Status: "declined", Values: []string{"Declined", "Declined by client", "Client declined", "Refused", "Client refused", "Refused services", "Not interested"}},
			{Status: "pending", Values: []string{"Pending", "In progress", "Open", "Waiting", "Waitlist", "Wait list", "Waitlisted", "Scheduled", "Ongoing"}},
		},
		// The sample's partners write two agencies by a short name.
		Agencies: []normalize.AgencySpec{
			{Name: "Kansas City Legal Partners", Aliases: []string{"KC Legal Partners"}},
			{Name: "Harbor House Women's Shelter", Aliases: []string{"Harbor House"}},
		},
		Identifiers: []string{"name", "surname", "initials", "dob", "date of birth", "birth date", "birthdate", "birthday",
			"phone", "telephone", "cell", "mobile", "email", "e mail", "address", "street", "ssn", "social security"},
		DuplicateWindowDays: 0,
		Confidence:          0.95,
	}
}

// defaultTrainings are the trainings-log settings of config.yaml.
func defaultTrainings() normalize.TrainingOptions {
	return normalize.TrainingOptions{
		Columns: map[string][]string{
			"date":          {"Date", "Event date", "Date of event"},
			"county_fips":   {"FIPS", "County FIPS"},
			"county":        {"County"},
			"region":        {"Region"},
			"type":          {"Type", "Event type", "Type of event"},
			"audience":      {"Audience", "Target audience"},
			"attendance":    {"Attendance", "Attendees", "Number attending", "Participants"},
			"organizations": {"Organizations", "Organisations", "Participating organizations", "Partners"},
		},
		Types: []normalize.TypeSpec{
			{Type: "training", Values: []string{"Training", "Workshop", "Cross-training", "In-service", "Course"}},
			{Type: "presentation", Values: []string{"Presentation", "Talk", "Panel", "Webinar", "Keynote", "Awareness presentation"}},
			{Type: "event", Values: []string{"Event", "Special event", "Community event", "Outreach event", "Conference", "Tabling", "Awareness event"}},
		},
	}
}

// defaultMilestones are the logic-model tracker settings of config.yaml.
// The sample's plan dates run from January 2020; Central started later.
func defaultMilestones() normalize.MilestoneOptions {
	return normalize.MilestoneOptions{
		Columns: map[string][]string{
			"resource":     {"Resources", "Resource"},
			"task":         {"Tasks", "Task"},
			"term":         {"Term", "Outcome term"},
			"outcome":      {"Outcome", "Outcomes", "Milestone"},
			"target":       {"Target", "Target date", "Due", "Due date", "By"},
			"status":       {"Status", "Progress"},
			"completed_on": {"Completed on", "Completion date", "Date completed"},
			"notes":        {"Notes", "Comments"},
		},
		Statuses: []normalize.ProgressSpec{
			{Status: "not_started", Values: []string{"Not started", "Planned", "Not begun", "To do"}},
			{Status: "in_progress", Values: []string{"In progress", "Started", "Ongoing", "Underway", "Under way"}},
			{Status: "complete", Values: []string{"Complete", "Completed", "Done", "Met", "Achieved", "Yes"}},
			{Status: "dropped", Values: []string{"Dropped", "Cancelled", "Canceled", "Discontinued", "Removed", "Abandoned"}},
		},
		StartDate:   "2020-01-01",
		StartDates:  []normalize.StartSpec{{Region: "Central", Date: "2020-07-01"}},
		DueSoonDays: 30,
	}
}
