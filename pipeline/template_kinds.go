package pipeline

import (
	"strings"

	"needsmap/data/normalize"
	"needsmap/reports"
)

func col(name, help string, kind reports.ColumnKind, list string, strict, required bool, width float64) reports.TemplateColumn {
	return reports.TemplateColumn{Name: name, Help: help, Kind: kind, List: list, Strict: strict, Required: required, Width: width}
}

func referralTemplate(l map[string]reports.TemplateList) *reports.Template {
	return &reports.Template{Kind: "referrals", Sheet: "Referrals", Title: "Referral tracking sheet",
		Intro: []string{
			"One row per referral your agency makes (and, if you track them, receives). Keep one sheet per agency; send the file as it is.",
			"A referral recorded by both the referring and the receiving agency is counted once, by client code, service, both agencies and date: write agency names the same way each time.",
			privacy},
		Columns: []reports.TemplateColumn{
			col("referral_id", "Your own number for the referral (unique within this sheet).", reports.TextColumn, "", false, false, 14),
			col("referral_date", "Date the referral was made.", reports.DateColumn, "", false, true, 14),
			col("client_code", "The collaborative's de-identified client code, never a name or initials.", reports.TextColumn, "", false, false, 14),
			col("referring_agency", "Agency that made the referral.", reports.TextColumn, "", false, false, 30),
			col("receiving_agency", "Agency the client was referred to.", reports.TextColumn, "", false, false, 30),
			col("service", "Service the client was referred for.", reports.ListColumn, "services", true, true, 40),
			col("county_fips", "County where the client lives or receives the service (the code counts).", reports.ListColumn, "counties", true, false, 32),
			col("region", "Region, when no county is given (the county's region otherwise).", reports.ListColumn, "regions", true, false, 16),
			col("status", "completed, not_completed (did not happen), declined (by the client) or pending (no outcome yet).", reports.ListColumn, "referral statuses", true, true, 16),
			col("completed_date", "Date the service started, for completed referrals.", reports.DateColumn, "", false, false, 16),
			col("abuse_types", "Types of abuse, separated by ';': DV, SA, HT-sex, HT-labor.", reports.TextColumn, "", false, false, 20),
		},
		Lists: lists(l, "services", "counties", "regions", "referral statuses")}
}

func trainingTemplate(l map[string]reports.TemplateList) *reports.Template {
	return &reports.Template{Kind: "trainings", Sheet: "Trainings", Title: "Trainings and presentations log",
		Intro: []string{"One row per training, presentation or other event your agency hosted or took part in for the collaborative.",
			"Attendance is the number of people reached; never list attendees' names."},
		Columns: []reports.TemplateColumn{
			col("date", "Date of the event.", reports.DateColumn, "", false, true, 14),
			col("county_fips", "County where it took place.", reports.ListColumn, "counties", true, false, 32),
			col("region", "Region, or Statewide for a statewide event (the county's region otherwise).", reports.ListColumn, "regions and Statewide", true, false, 16),
			col("type", "training, presentation or event.", reports.ListColumn, "event types", true, true, 14),
			col("audience", "Who attended (law enforcement, health care providers …).", reports.ListColumn, "audiences", false, false, 26),
			col("attendance", "Number of people attending.", reports.WholeColumn, "", false, false, 12),
			col("organizations", "Participating organisations, separated by ';'.", reports.TextColumn, "", false, false, 50),
		},
		Lists: lists(l, "counties", "regions and Statewide", "event types", "audiences")}
}

func milestoneTemplate(l map[string]reports.TemplateList) *reports.Template {
	return &reports.Template{Kind: "milestones", Sheet: "Milestones", Title: "Logic-model tracker",
		Intro: []string{"One row per outcome of your logic model (the strategic plan's performance measures), with its target and progress.",
			"Targets are text, as the plan writes them: 6/2020 or by 12/2020 (due by the month's last day), by 1/31/2020, or +6m / +2w / +1y counted from your start date.",
			"The notes column is for your own use: needsmap never reads it."},
		Columns: []reports.TemplateColumn{
			col("region", "Region, or Statewide for the state-level plan.", reports.ListColumn, "regions and Statewide", true, true, 16),
			col("need", "The need the outcome addresses.", reports.ListColumn, "needs", false, false, 34),
			col("resource", "Resource (organisation or group) responsible.", reports.TextColumn, "", false, false, 30),
			col("task", "The resource's task.", reports.TextColumn, "", false, false, 40),
			col("term", "short, medium, long or ultimate.", reports.ListColumn, "terms", true, false, 12),
			col("outcome", "The outcome (milestone) itself.", reports.TextColumn, "", false, true, 50),
			col("target", "Target date as the plan writes it: 6/2020, by 12/2020, by 1/31/2020, +6m.", reports.TextColumn, "", false, true, 14),
			col("status", "not_started, in_progress, complete or dropped.", reports.ListColumn, "milestone statuses", true, true, 14),
			col("completed_on", "Date the outcome was reached.", reports.DateColumn, "", false, false, 14),
			col("notes", "Your notes (never read by needsmap).", reports.TextColumn, "", false, false, 30),
		},
		Lists: lists(l, "regions and Statewide", "needs", "terms", "milestone statuses")}
}

// resourceTemplate uses SPEC's canonical resource-guide columns.
func resourceTemplate(l map[string]reports.TemplateList, v *normalize.Vocabulary) *reports.Template {
	var keys []string
	for _, c := range v.Categories {
		keys = append(keys, c.Key)
	}
	return &reports.Template{Kind: "resources", Sheet: "Resources", Title: "Resource guide",
		Intro: []string{"One row per organisation and service site. An organisation serving several counties may list them separated by ';', or Statewide.",
			"Publishable contact details only: an organisation's main phone and website, never a staff member's name or a street address of a shelter."},
		Columns: []reports.TemplateColumn{
			col("organization", "Name of the organisation or program.", reports.TextColumn, "", false, true, 34),
			col("county_fips", "County served (several separated by ';'), or Statewide.", reports.ListColumn, "counties and Statewide", false, true, 32),
			col("services", "Services offered, separated by ';': "+strings.Join(keys, "; ")+".", reports.TextColumn, "", false, true, 40),
			col("populations", "Populations served, separated by ';': adult, minor, male, female, lgbtq, foreign_born.", reports.TextColumn, "", false, false, 30),
			col("ht_specific", "yes if the program is specific to human trafficking.", reports.ListColumn, "yes/no", true, false, 12),
			col("trained", "yes if staff are trained on human trafficking.", reports.ListColumn, "yes/no", true, false, 10),
			col("telehealth", "yes if services are offered by telehealth.", reports.ListColumn, "yes/no", true, false, 12),
			col("capacity", "Beds or slots, if known.", reports.WholeColumn, "", false, false, 10),
			col("phone", "The organisation's public phone number.", reports.TextColumn, "", false, false, 16),
			col("website", "The organisation's website.", reports.TextColumn, "", false, false, 30),
		},
		Lists: lists(l, "counties and Statewide", "yes/no")}
}
