package tables

import (
	"math"
	"strconv"

	"needsmap/analysis/disclosure"
	"needsmap/analysis/referrals"
	"needsmap/data/schema"
)

// AllServices is the service column of a scope's total row.
const AllServices = "all_services"

// ServiceKey is the published service column: the category key, or
// AllServices for a total row.
func ServiceKey(cats []schema.Category, s int) string {
	if s == referrals.AllServices || s < 0 || s >= len(cats) {
		return AllServices
	}
	return cats[s].Key
}

var referralColumns = append(append([]string(nil), referrals.Columns...), "completion_rate", "ci_low", "ci_high", "median_days")

// ReferralsByService is tables/referrals_by_region_service.csv.
func ReferralsByService(res *referrals.Result, cats []schema.Category, opts disclosure.Options) *Table {
	t := &Table{Name: "referrals_by_region_service", Title: "Referrals by region and service", Counts: true,
		Columns: append([]string{"region", "service"}, referralColumns...)}
	for i, g := range res.Groups {
		row := []Cell{T(g.Region), T(ServiceKey(cats, g.Service))}
		t.Rows = append(t.Rows, append(row, referralCells(res.ByService, i, g, opts, true)...))
	}
	t.Notes = referralNotes(res, opts)
	return t
}

// ReferralsByQuarter is tables/referrals_by_quarter.csv.
func ReferralsByQuarter(res *referrals.Result, opts disclosure.Options) *Table {
	t := &Table{Name: "referrals_by_quarter", Title: "Referrals by region and quarter", Counts: true,
		Columns: append([]string{"region", "quarter"}, referralColumns...)}
	for i, g := range res.QuarterGroups {
		row := []Cell{T(g.Region), T(schema.QuarterLabel(g.Quarter))}
		t.Rows = append(t.Rows, append(row, referralCells(res.ByQuarter, i, g, opts, true)...))
	}
	t.Notes = append(referralNotes(res, opts), "Quarters by referral date; a referral completed in a later quarter counts in the quarter it was made.")
	return t
}

// ReferralNetwork is tables/referral_network.csv.
func ReferralNetwork(res *referrals.Result, opts disclosure.Options) *Table {
	t := &Table{Name: "referral_network", Title: "Referrals between agencies", Counts: true,
		Columns: append([]string{"referring_agency", "receiving_agency"}, referrals.NetworkColumns...)}
	pooled := 0
	// One array for every row's cells: the table can list a million pairs.
	cells := make([]Cell, 3*len(res.Pairs))
	t.Rows = make([][]Cell, len(res.Pairs))
	for i, p := range res.Pairs {
		row := cells[3*i : 3*i+3 : 3*i+3]
		row[0], row[1], row[2] = T(p.Referring), T(p.Receiving), CountCell(res.Network.Cells[i][referrals.ColReferrals], opts)
		t.Rows[i] = row
		pooled += p.Pooled
	}
	t.Notes = []string{SuppressionNote(opts), "Agencies are matched ignoring case, punctuation, \"&\"/\"and\" and a trailing Inc or LLC, and through referrals.agencies; \"" +
		referrals.NotRecorded + "\" stands for a blank agency cell."}
	if pooled > 0 {
		t.Notes = append(t.Notes, "Agency pairs with fewer than "+itoa(opts.K)+" referrals ("+itoa(pooled)+" pairs) are pooled in the last row rather than listed one by one.")
	}
	return t
}

// UnmetReferrals is tables/unmet_referrals.csv: the rows of region and
// service of ReferralsByService whose service no resource in the region
// offers, with the same published cells.
func UnmetReferrals(res *referrals.Result, rows []int, cats []schema.Category, opts disclosure.Options) *Table {
	t := &Table{Name: "unmet_referrals", Title: "Referrals for services no resource in the region offers", Counts: true,
		Columns: append([]string{"region", "service"}, append(append([]string(nil), referrals.Columns...), "completion_rate")...)}
	for _, i := range rows {
		g := res.Groups[i]
		cells := referralCells(res.ByService, i, g, opts, false)
		t.Rows = append(t.Rows, append([]Cell{T(g.Region), T(ServiceKey(cats, g.Service))}, cells...))
	}
	t.Notes = []string{SuppressionNote(opts), "A service counts as offered in a region when at least one resource of the resource guide located in one of the region's counties, or serving the whole state, lists it; telehealth-only services do not count."}
	return t
}

// referralCells publishes one row's counts and statistics. A statistic
// whose counts are suppressed is blank: the rate and its interval need
// completed, not completed and declined; the median needs completed.
func referralCells(grid *disclosure.Grid, row int, g referrals.Group, opts disclosure.Options, full bool) []Cell {
	cs := grid.Cells[row]
	out := make([]Cell, 0, len(cs)+4)
	for _, c := range cs {
		out = append(out, CountCell(c, opts))
	}
	rateOK := referrals.RateShown(grid, row)
	out = append(out, published(g.Rate, rateOK))
	if !full {
		return out
	}
	return append(out, published(g.Low, rateOK), published(g.High, rateOK), published(g.Median, referrals.MedianShown(grid, row)))
}

func published(x float64, ok bool) Cell {
	if !ok {
		return Blank(Float)
	}
	return F(x)
}

func referralNotes(res *referrals.Result, opts disclosure.Options) []string {
	return []string{SuppressionNote(opts),
		"completion_rate = completed / (completed + not_completed + declined); pending referrals are left out. ci_low/ci_high: " +
			percent(res.Confidence) + " Wilson score interval. median_days: median days from referral to completion over completed referrals with both dates.",
		"A rate, interval or median whose counts are suppressed is left blank.",
		"One referral recorded by both the referring and the receiving agency is counted once (see the methods).",
	}
}

func nan() float64 { return math.NaN() }

// ReferralSummary describes row i of a referral table (columns as in
// ReferralsByService) in one sentence, with the counts as published.
func ReferralSummary(t *Table, i int, level float64) string {
	row := t.Rows[i]
	get := func(col string) Cell { return row[t.Column(col)] }
	s := get("referrals").String() + " referrals: " + get("completed").String() + " completed, " +
		get("not_completed").String() + " not completed, " + get("declined").String() + " declined and " +
		get("pending").String() + " pending."
	switch r := get("completion_rate"); {
	case r.Missing && anySuppressed(get("completed"), get("not_completed"), get("declined")):
		s += " The completion rate is not shown: it would reveal a suppressed count."
	case r.Missing:
		s += " No referral has an outcome yet, so there is no completion rate."
	default:
		s += " Completion rate " + pct(r.Float) + " (" + percent(level) + " CI " + pct(get("ci_low").Float) + "–" + pct(get("ci_high").Float) + ")."
	}
	if m := get("median_days"); !m.Missing {
		s += " Median " + strconv.FormatFloat(m.Float, 'f', -1, 64) + " days from referral to completion."
	}
	return s
}

func anySuppressed(cs ...Cell) bool {
	for _, c := range cs {
		if c.Suppressed != "" {
			return true
		}
	}
	return false
}

// pct formats a share as a percentage with one decimal.
func pct(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }
