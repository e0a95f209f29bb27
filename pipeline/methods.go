package pipeline

import (
	"fmt"
	"strconv"

	"needsmap/analysis/referrals"
	"needsmap/reports"
)

// referralMethods states the referral rules with the run's settings.
func referralMethods(cfg Config, res *referrals.Result, files int) reports.MethodNote {
	window := "the same referral date"
	if w := cfg.Referrals.DuplicateWindowDays; w > 0 {
		window = fmt.Sprintf("referral dates at most %d days apart", w)
	}
	return reports.MethodNote{Title: "Referral follow-through", Paragraphs: []string{
		"Each partner agency's referral sheet is read through the configured header aliases and status spellings; a status, service, region or date that cannot be read is listed in rejects.csv with its cell, and the row is not counted. " +
			"A sheet with a column of direct identifiers (a name, date of birth, phone, e-mail, street address or SSN) is refused whole, unless referrals.drop_identifiers drops such columns unread; client codes are used only to match duplicates and are never published.",
		"Duplicates: a referral recorded by both the referring and the receiving agency is counted once. Two records from different files are the same referral when their client code, service, referring agency and receiving agency are equal " +
			"(agencies compared ignoring case, punctuation, \"&\"/\"and\", a trailing Inc or LLC, and through referrals.agencies) and they have " + window + ". " +
			"Each record absorbs at most one twin; the one read first (files in name order) is kept, with the more final status of the two (completed > declined > not completed > pending) and the completed record's completion date. " +
			"Records without a client code or an agency are never matched. Records are matched through 64-bit hashes of these keys (two different keys collide with probability about n²/2⁶⁵ for n records). " +
			"Within one file, a repeated referral id is a problem and the later row is not counted.",
		"Completion rate = completed / (completed + not completed + declined); pending referrals have no outcome yet and are left out. " +
			"Its interval is the Wilson score interval at " + strconv.FormatFloat(100*res.Confidence, 'f', -1, 64) + "% (centre (p + z²/2n)/(1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n)). " +
			"Days to completion are whole days from the referral date to the completion date of completed referrals with both dates; the median is exact (the mean of the two middle values for an even count).",
		"Referrals are counted in the period by referral date (quarters likewise), whatever their completion date; the status is the latest the sheets record. " +
			"Referral counts pass through the same suppression as survivor counts, across the three referral tables together: each row's statuses add up to its total, services and quarters add up to the region's total, regions to Statewide, and the agency pairs to the statewide total. " +
			"A rate, interval or median is shown only when the counts it is computed from are. In the network, agency pairs with fewer than k referrals are pooled in one row.",
		fmt.Sprintf("This run read %d referral file(s); %d duplicate record(s) were merged and %d record(s) fell outside the period.", files, res.Duplicates, res.Outside),
	}}
}

// outcomeMethods states the trainings and milestone rules.
func outcomeMethods(cfg Config, p *period, trainings, milestones bool) []reports.MethodNote {
	var out []reports.MethodNote
	if trainings {
		out = append(out, reports.MethodNote{Title: "Trainings and presentations", Paragraphs: []string{
			"Events of the trainings log are counted per region and quarter of their date, by type (training, presentation, other event, through trainings.types). " +
				"Attendance sums the events that recorded it; organisations are counted once per region and quarter. " +
				"Attendees are professionals, not survivors, so these counts are not suppressed. Statewide events count only in the Statewide rows."}})
	}
	if milestones {
		out = append(out, reports.MethodNote{Title: "Logic-model milestones", Paragraphs: []string{
			"Targets are read as the plan writes them: a date (by 1/31/2020), a month (6/2020, by 12/2020: due by its last day), a quarter or year (due by its last day), or an offset from the region's start date (+6m, +2w, +1y; milestones.start_date and milestones.start_dates). " +
				"A target that is not a real date — the plan's own \"by 2/31/2020\" — is listed in rejects.csv with its cell and never moved to a nearby day; such a milestone has no_target unless it is complete or dropped.",
			fmt.Sprintf("Each milestone's standing is judged on %s: complete when the tracker says so and the completion date (if any) is not later; dropped when the tracker says so; otherwise overdue when the target has passed, due_soon when it falls within %d days, on_track beyond. "+
				"The same tracker and as-of date always give the same standings.", p.asOfDate(), cfg.Milestones.DueSoonDays)}})
	}
	return out
}
