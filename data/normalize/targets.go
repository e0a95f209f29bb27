package normalize

import (
	"errors"
	"fmt"
	"strings"

	"needsmap/data/schema"
)

// ErrNoStartDate is wrapped by the error for an offset target ("+6m") in a
// region with no configured start date.
var ErrNoStartDate = errors.New("no start date is configured for this region (milestones.start_date or milestones.start_dates)")

var errNotTarget = errors.New("not a target date: write a date (1/31/2020), a month (6/2020), \"by 12/2020\" or an offset from the start date (+6m)")

// ParseTarget reads a logic-model target as the strategic plan writes
// them: a full date ("by 1/31/2020", "2020-06-30"), a month ("6/2020",
// "by 12/2020", "June 2020", "2020-06": due by its last day), a quarter
// ("2020-Q3", "Q3 2020": its last day), a year ("2021": December 31), or
// an offset from start ("+6m", "+2w", "+1y", "+30d"), since the plan's
// timelines move with each community's start date. A leading "by", "due"
// or "before" is ignored. An empty cell gives NoDate and no error; a day
// that does not exist (the plan's own "by 2/31/2020") is an error.
func ParseTarget(s string, date1904 bool, start schema.Date) (schema.Date, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	lower := strings.ToLower(s)
	for _, p := range []string{"by ", "due ", "before ", "no later than "} {
		if strings.HasPrefix(lower, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	if s == "" {
		return schema.NoDate, nil
	}
	if s[0] == '+' {
		return offset(s, start)
	}
	if d, ok, err := periodEnd(s); ok {
		return d, err
	}
	d, err := ParseDate(s, date1904)
	if errors.Is(err, errNotDate) {
		return schema.NoDate, errNotTarget
	}
	return d, err
}

// offset reads +N followed by d, w, m or y (or the words).
func offset(s string, start schema.Date) (schema.Date, error) {
	body := strings.ToLower(strings.TrimSpace(s[1:]))
	i := 0
	for i < len(body) && body[i] >= '0' && body[i] <= '9' {
		i++
	}
	n, ok := digits(body[:i])
	unit := strings.TrimSpace(body[i:])
	if !ok || unit == "" {
		return schema.NoDate, errNotTarget
	}
	if start == schema.NoDate {
		return schema.NoDate, ErrNoStartDate
	}
	switch strings.TrimSuffix(unit, "s") {
	case "d", "day":
		return start + schema.Date(n), nil
	case "w", "wk", "week":
		return start + schema.Date(7*n), nil
	case "m", "mo", "month":
		return start.AddMonths(n), nil
	case "y", "yr", "year":
		return start.AddMonths(12 * n), nil
	}
	return schema.NoDate, errNotTarget
}

// periodEnd reads month, quarter and year targets; ok is false for other
// shapes.
func periodEnd(s string) (schema.Date, bool, error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == ' ' || r == ',' })
	switch {
	case len(f) == 1 && len(f[0]) == 4:
		if y, ok := digits(f[0]); ok && y >= 1900 && y <= 2100 {
			return schema.DateOf(y, 12, 31), true, nil
		}
	case len(f) == 2:
		return monthOrQuarter(f[0], f[1])
	}
	return schema.NoDate, false, nil
}

func monthOrQuarter(a, b string) (schema.Date, bool, error) {
	if _, num := digits(a); num && len(a) == 4 { // 2020-06, 2020-Q3
		a, b = b, a
	}
	y, ok := digits(b)
	if !ok || len(b) != 4 {
		return schema.NoDate, false, nil
	}
	if q := strings.ToUpper(a); len(q) == 2 && q[0] == 'Q' && q[1] >= '1' && q[1] <= '4' {
		return schema.QuarterEnd(y*4 + int(q[1]-'1')), true, nil
	}
	m, ok := digits(a)
	if !ok {
		if m, ok = month(a); !ok {
			return schema.NoDate, false, nil
		}
	}
	if m < 1 || m > 12 {
		return schema.NoDate, true, fmt.Errorf("month %d does not exist", m)
	}
	return schema.DateOf(y, m, schema.DaysIn(y, m)), true, nil
}
