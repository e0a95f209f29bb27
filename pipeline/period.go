package pipeline

import (
	"fmt"
	"strings"

	"needsmap/data/schema"
)

// PeriodOptions set the reporting period — referrals and trainings are
// counted by date within it — and the as-of date milestones are judged on.
// Empty From/To: all dates in the data. Empty AsOf: the period's end (the
// latest referral or training date when the period is open).
type PeriodOptions struct {
	From string `mapstructure:"from"`
	To   string `mapstructure:"to"`
	AsOf string `mapstructure:"as_of"`
}

// Validate checks the dates.
func (p *PeriodOptions) Validate() error {
	from, to, _, err := p.dates()
	if err != nil {
		return err
	}
	if from != schema.NoDate && to != schema.NoDate && from > to {
		return fmt.Errorf("period: from %s is after to %s", p.From, p.To)
	}
	return nil
}

func (p *PeriodOptions) dates() (from, to, asOf schema.Date, err error) {
	parse := func(key, s string) (schema.Date, error) {
		s = strings.TrimSpace(s)
		if s == "" {
			return schema.NoDate, nil
		}
		var y, m, d int
		if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n != 3 || len(s) != 10 || m < 1 || m > 12 || d < 1 || d > schema.DaysIn(y, m) {
			return schema.NoDate, fmt.Errorf("period.%s %q: want a date as 2021-12-31", key, s)
		}
		return schema.DateOf(y, m, d), nil
	}
	if from, err = parse("from", p.From); err != nil {
		return
	}
	if to, err = parse("to", p.To); err != nil {
		return
	}
	asOf, err = parse("as_of", p.AsOf)
	return
}

// PeriodFlag turns --period into from and to: a year (2021), a quarter
// (2021-Q3) or a month (2021-06).
func PeriodFlag(s string) (from, to string, err error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	var y, n int
	switch {
	case len(s) == 4:
		if _, err := fmt.Sscanf(s, "%4d", &y); err == nil {
			return schema.DateOf(y, 1, 1).String(), schema.DateOf(y, 12, 31).String(), nil
		}
	case len(s) == 7 && s[5] == 'Q':
		if _, err := fmt.Sscanf(s, "%4d-Q%1d", &y, &n); err == nil && n >= 1 && n <= 4 {
			q := y*4 + n - 1
			return schema.QuarterStart(q).String(), schema.QuarterEnd(q).String(), nil
		}
	case len(s) == 7:
		if _, err := fmt.Sscanf(s, "%4d-%2d", &y, &n); err == nil && n >= 1 && n <= 12 {
			return schema.DateOf(y, n, 1).String(), schema.DateOf(y, n, schema.DaysIn(y, n)).String(), nil
		}
	}
	return "", "", fmt.Errorf("--period %q: want a year (2021), a quarter (2021-Q3) or a month (2021-06)", s)
}

// period is the run's reporting period, with the span of dates the
// referral and training stages counted (for an open period).
type period struct {
	from, to, asOf schema.Date
	first, last    schema.Date
}

func newPeriod(p PeriodOptions) *period {
	from, to, asOf, _ := p.dates() // checked by Config.Validate
	return &period{from: from, to: to, asOf: asOf, first: schema.NoDate, last: schema.NoDate}
}

// observe widens the span of dates counted.
func (p *period) observe(first, last schema.Date) {
	if first != schema.NoDate && (p.first == schema.NoDate || first < p.first) {
		p.first = first
	}
	if last != schema.NoDate && last > p.last {
		p.last = last
	}
}

// end is the period's last day: To, else the latest date counted.
func (p *period) end() schema.Date {
	if p.to != schema.NoDate {
		return p.to
	}
	return p.last
}

// asOfDate is the day milestones are judged on: as_of, else the end.
func (p *period) asOfDate() schema.Date {
	if p.asOf != schema.NoDate {
		return p.asOf
	}
	return p.end()
}

// describe names the period for titles and notes.
func (p *period) describe() string {
	switch {
	case p.from != schema.NoDate && p.to != schema.NoDate:
		return p.from.String() + " to " + p.to.String()
	case p.from != schema.NoDate:
		return "from " + p.from.String()
	case p.to != schema.NoDate:
		return "up to " + p.to.String()
	case p.first != schema.NoDate:
		return "all dates in the data (" + p.first.String() + " to " + p.last.String() + ")"
	}
	return "all dates in the data"
}
