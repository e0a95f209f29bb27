package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"

	"needsmap/data/schema"
)

// referral is one generated referral, as it truly happened.
type referral struct {
	date     schema.Date
	client   string
	from, to *agency
	service  string
	county   string
	region   string
	status   int // 0 completed, 1 not completed, 2 declined, 3 pending
	done     schema.Date
	abuse    string
}

// record is one sheet row: a referral as one agency saw it.
type record struct {
	r      *referral
	status int
	done   schema.Date
	id     string
}

var (
	sampleStart = schema.DateOf(2020, 1, 1)
	sampleEnd   = schema.DateOf(2021, 12, 31)
	exportDay   = schema.DateOf(2022, 1, 10) // when the sheets were exported
)

// serviceDays is the typical wait from referral to service, in days.
var serviceDays = map[string]float64{"crisis_services": 2, "adult_shelter": 5, "minor_shelter": 4, "transitional_housing": 40,
	"legal_assistance": 35, "immigration": 60, "id_documents": 25, "mental_health": 14, "sud_residential": 9, "sud_outpatient": 12}

var abuseTypes = []struct {
	v string
	w float64
}{{"DV", 30}, {"SA", 12}, {"DV;SA", 10}, {"HT-sex", 18}, {"HT-labor", 5}, {"DV;HT-sex", 12}, {"SA;HT-sex", 6}, {"HT-sex;HT-labor", 4}, {"DV;SA;HT-sex", 3}}

// genReferrals draws the referrals of 2020–2021.
func genReferrals(rng *rand.Rand) []*referral {
	var out []*referral
	clients := map[string][]string{}
	next := 1
	for d := sampleStart; d <= sampleEnd; d++ {
		n := 2
		if wd := (int(d) + 4) % 7; wd >= 1 && wd <= 5 { // 1970-01-01 was a Thursday
			n = 9 + rng.IntN(5)
		}
		for i := 0; i < n; i++ {
			out = append(out, genReferral(rng, d, clients, &next))
		}
	}
	// The last day of the period has a referral, so the sample's open
	// period ends on 2021-12-31 and milestones are judged on that day.
	out = append(out, genReferral(rng, sampleEnd, clients, &next))
	return out
}

func genReferral(rng *rand.Rand, d schema.Date, clients map[string][]string, next *int) *referral {
	region := pickRegion(rng)
	from := pickPartner(rng, region, "")
	svc := pickService(rng, region)
	r := &referral{date: d, from: from, service: svc, region: region, done: schema.NoDate}
	r.to = pickReceiver(rng, region, svc, from)
	r.county = sampleCounties[region][rng.IntN(len(sampleCounties[region]))]
	if pool := clients[region]; len(pool) > 0 && rng.Float64() < 0.4 {
		r.client = pool[rng.IntN(len(pool))]
	} else {
		r.client = fmt.Sprintf("C%05d", *next)
		*next++
		clients[region] = append(clients[region], r.client)
		if len(clients[region]) > 60 {
			clients[region] = clients[region][1:]
		}
	}
	r.status = pickStatus(rng, region, svc, d)
	if r.status == 0 {
		mean, ok := serviceDays[svc]
		if !ok {
			mean = 20
		}
		lag := int(math.Min(150, rng.ExpFloat64()*mean))
		r.done = d + schema.Date(lag)
		if r.done > exportDay {
			r.status, r.done = 3, schema.NoDate
		}
	}
	r.abuse = pickAbuse(rng)
	return r
}

func pickRegion(rng *rand.Rand) string {
	x := rng.Float64()
	for _, rw := range regionWeight {
		if x -= rw.w; x < 0 {
			return rw.region
		}
	}
	return regionWeight[len(regionWeight)-1].region
}

func pickPartner(rng *rand.Rand, region, service string) *agency {
	var c []*agency
	for i := range agencies {
		a := &agencies[i]
		if a.sheet != nil && a.region == region && (service == "" || contains(a.receives, service)) {
			c = append(c, a)
		}
	}
	if len(c) == 0 {
		return nil
	}
	return c[rng.IntN(len(c))]
}

// pickReceiver prefers a partner of the region that takes the service,
// then a partner elsewhere, then an agency outside the collaborative.
func pickReceiver(rng *rand.Rand, region, svc string, from *agency) *agency {
	if rng.Float64() < 0.78 {
		if a := pickPartner(rng, region, svc); a != nil && a != from {
			return a
		}
	}
	var c []*agency
	for i := range agencies {
		a := &agencies[i]
		if a != from && contains(a.receives, svc) && (a.sheet == nil || rng.Float64() < 0.15) {
			c = append(c, a)
		}
	}
	if len(c) == 0 {
		for i := range agencies {
			if a := &agencies[i]; a.sheet == nil {
				c = append(c, a)
			}
		}
	}
	return c[rng.IntN(len(c))]
}

// pickService weights each region's top three needs (the plan's) and
// the services partners most often refer for.
func pickService(rng *rand.Rand, region string) string {
	var top []string
	for _, p := range plans {
		if p.name == region {
			for k, m := range p.means {
				if m >= 3.2 {
					top = append(top, k)
				}
			}
		}
	}
	sort.Strings(top)
	weights := make([]float64, len(categories))
	total := 0.0
	for i, c := range categories {
		w := 1.0
		switch {
		case contains(top, c):
			w = 4
		case c == "case_management" || c == "basic_needs" || c == "crisis_services" || c == "transportation":
			w = 2
		case c == "immigration" || c == "interpretation" || c == "dental_care" || c == "child_care":
			w = 0.4
		}
		weights[i] = w
		total += w
	}
	x := rng.Float64() * total
	for i, w := range weights {
		if x -= w; x < 0 {
			return categories[i]
		}
	}
	return categories[len(categories)-1]
}

// regionFollowThrough scales the chance a referral is completed: rural
// regions with long distances to services complete fewer.
var regionFollowThrough = map[string]float64{"St. Louis": 1.02, "Metro East": 0.95, "Southeast": 0.82, "Southwest": 0.93,
	"Northwest": 1.06, "Northeast": 0.78, "Kansas City": 1.05, "Central": 0.9}

func pickStatus(rng *rand.Rand, region, svc string, d schema.Date) int {
	p := [4]float64{0.60, 0.14, 0.09, 0.17}
	switch svc {
	case "crisis_services", "basic_needs":
		p = [4]float64{0.74, 0.09, 0.06, 0.11}
	case "legal_assistance", "immigration", "transitional_housing":
		p = [4]float64{0.48, 0.18, 0.10, 0.24}
	case "sud_residential", "mental_health":
		p = [4]float64{0.55, 0.16, 0.15, 0.14}
	}
	f := regionFollowThrough[region]
	p[1] += p[0] * (1 - f)
	p[0] *= f
	x := rng.Float64()
	s := 3
	for i, w := range p {
		if x -= w; x < 0 {
			s = i
			break
		}
	}
	if s == 3 && d < schema.DateOf(2021, 7, 1) && rng.Float64() < 0.6 {
		s = 1 // old referrals rarely stay pending
	}
	return s
}

func pickAbuse(rng *rand.Rand) string {
	total := 0.0
	for _, a := range abuseTypes {
		total += a.w
	}
	x := rng.Float64() * total
	for _, a := range abuseTypes {
		if x -= a.w; x < 0 {
			return a.v
		}
	}
	return "DV"
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// sheetRecords sorts every referral into the sheets that record it: the
// referring partner's always, the receiving partner's when it keeps a log
// of referrals received (most of the time). The referrer often does not
// hear back: its record may still say pending when the receiver's says
// completed.
func sheetRecords(rng *rand.Rand, rs []*referral) map[*agency][]record {
	out := map[*agency][]record{}
	for _, r := range rs {
		view := record{r: r, status: r.status, done: r.done}
		if r.status == 0 && r.to.sheet != nil && r.to.sheet.received && rng.Float64() < 0.25 {
			view.status, view.done = 3, schema.NoDate
		}
		out[r.from] = append(out[r.from], view)
		if r.to.sheet != nil && r.to.sheet.received && r.to != r.from && rng.Float64() < 0.85 {
			out[r.to] = append(out[r.to], record{r: r, status: r.status, done: r.done})
		}
	}
	for a, recs := range out {
		prefix := initials(a.name)
		for i := range recs {
			recs[i].id = fmt.Sprintf("%s-%04d", prefix, i+1)
		}
	}
	return out
}

func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		b.WriteByte(w[0])
	}
	return strings.ToUpper(b.String())
}

// writeReferralSheets writes every partner's sheet into dir.
func writeReferralSheets(dir string, recs map[*agency][]record) error {
	for i := range agencies {
		a := &agencies[i]
		if a.sheet == nil {
			continue
		}
		rows := sheetRows(a, recs[a])
		injectProblems(a, rows)
		path := filepath.Join(dir, a.sheet.file)
		if strings.HasSuffix(a.sheet.file, ".xlsx") {
			if err := writeSheetXLSX(path, a, rows); err != nil {
				return err
			}
			continue
		}
		if err := writeCSV(path, textRows(a.sheet, rows)); err != nil {
			return err
		}
	}
	return nil
}
