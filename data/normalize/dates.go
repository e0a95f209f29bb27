package normalize

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// Date cells are read in these forms (documented in docs/config.md):
//
//   - ISO 2020-01-31, optionally followed by a time (" 00:00:00", "T…");
//   - US month/day/year: 1/31/2020, 01/31/2020, 1-31-2020; a two-digit
//     year means 2000–2099 (1/31/20 is 2020-01-31): referral, training and
//     milestone dates are recent, and nothing with a birth year is read;
//   - 20200131 (eight digits, year first);
//   - month names: 31-Jan-2020, 31 January 2020, Jan 31, 2020;
//   - a spreadsheet date serial: XLSX date cells hold one, in the
//     workbook's 1900 or 1904 date system (source.Table.Date1904); a
//     serial in a CSV file is read in the 1900 system, which every
//     Windows and current Mac spreadsheet writes.
//
// Day-first dates (31/01/2020) are not accepted: 1/2/2020 would be
// ambiguous. A date that does not exist (2/31/2020) is an error naming
// why, never moved to a nearby day.

var errNotDate = errors.New("not a date: write 2020-01-31 or 1/31/2020 (month first), or use a date cell")

// ParseDate reads one date cell. An empty cell gives NoDate and no error.
func ParseDate(s string, date1904 bool) (schema.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return schema.NoDate, nil
	}
	if d, ok, err := isoDate(s); ok {
		return d, err
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		if d, ok, err := numericDate(s, date1904); ok {
			return d, err
		}
		if d, err := slashDate(s); !errors.Is(err, errNotDate) {
			return d, err
		}
	}
	return namedDate(s)
}

// checked returns the date y-m-d, or an error saying why it does not
// exist.
func checked(y, m, d int) (schema.Date, error) {
	if m < 1 || m > 12 {
		return schema.NoDate, fmt.Errorf("month %d does not exist (dates are read month first: 1/31/2020)", m)
	}
	if n := schema.DaysIn(y, m); d < 1 || d > n {
		return schema.NoDate, fmt.Errorf("not a real date: %s %d has %d days", monthNames[m-1], y, n)
	}
	return schema.DateOf(y, m, d), nil
}

// isoDate reads 2020-01-31 with an optional time after it; ok is false
// when s does not have that shape.
func isoDate(s string) (schema.Date, bool, error) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' || len(s) > 10 && s[10] != ' ' && s[10] != 'T' {
		return schema.NoDate, false, nil
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return schema.NoDate, false, nil
	}
	date, err := checked(y, m, d)
	return date, true, err
}

// digits parses a run of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// numericDate reads a spreadsheet serial ("43861", "43861.5") or an
// eight-digit 20200131; ok is false when s is not a plain number.
func numericDate(s string, date1904 bool) (schema.Date, bool, error) {
	if n, ok := digits(s); ok && len(s) == 8 && (s[:2] == "19" || s[:2] == "20") {
		d, err := checked(n/10000, n/100%100, n%100)
		return d, true, err
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "eEiInN+-") {
		return schema.NoDate, false, nil
	}
	t, err := source.ExcelSerialToTime(f, date1904)
	if err != nil {
		return schema.NoDate, true, err
	}
	return schema.DateOf(t.Year(), int(t.Month()), t.Day()), true, nil
}

// slashDate reads month/day/year with "/" or "-" between the parts.
func slashDate(s string) (schema.Date, error) {
	sep := "/"
	if !strings.Contains(s, "/") {
		sep = "-"
	}
	parts := strings.Split(s, sep)
	if len(parts) != 3 {
		return schema.NoDate, errNotDate
	}
	m, ok1 := digits(parts[0])
	d, ok2 := digits(parts[1])
	y, ok3 := digits(strings.Fields(parts[2] + " ")[0]) // a time may follow the year
	if !ok1 || !ok2 || !ok3 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return schema.NoDate, errNotDate
	}
	return checked(fullYear(y, len(strings.Fields(parts[2] + " ")[0])), m, d)
}

// fullYear reads a two-digit year as 2000–2099.
func fullYear(y, width int) int {
	if width <= 2 {
		return 2000 + y
	}
	return y
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// month finds a month by name or three-letter abbreviation ("Sept" too).
func month(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	for i, name := range monthNames {
		n := strings.ToLower(name)
		if s == n || s == n[:3] || s == "sept" && i == 8 {
			return i + 1, true
		}
	}
	return 0, false
}

// namedDate reads dates with a month name: 31-Jan-2020, 31 January 2020,
// Jan 31, 2020, January 31 2020.
func namedDate(s string) (schema.Date, error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '/' })
	if len(f) != 3 {
		return schema.NoDate, errNotDate
	}
	if m, ok := month(f[1]); ok { // 31-Jan-2020
		d, ok1 := digits(f[0])
		y, ok2 := digits(f[2])
		if ok1 && ok2 {
			return checked(fullYear(y, len(f[2])), m, d)
		}
	}
	if m, ok := month(f[0]); ok { // Jan 31, 2020
		d, ok1 := digits(strings.TrimSuffix(f[1], "th"))
		y, ok2 := digits(f[2])
		if ok1 && ok2 {
			return checked(fullYear(y, len(f[2])), m, d)
		}
	}
	return schema.NoDate, errNotDate
}

// clipDate returns a date cell for a problem report when it has the shape
// of a date (month/day/year, year-month-day, a month name, a serial), and
// a placeholder otherwise: a phone number or a name in a date column never
// reaches rejects.csv.
func clipDate(s string) string {
	s = strings.TrimSpace(s)
	body := s
	for _, p := range []string{"by ", "due ", "before "} {
		body = strings.TrimPrefix(strings.ToLower(body), p)
	}
	if len(s) <= 24 && dateShaped(body) {
		return s
	}
	return withheld
}

const withheld = "(text withheld)"

func dateShaped(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '+' { // an offset target
		return len(s) <= 12
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == ' ' || r == ',' || r == '.' })
	if len(parts) == 1 && len(s) <= 8 { // a serial, 20200131, a year
		_, err := strconv.ParseFloat(s, 64)
		return err == nil
	}
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if _, named := month(p); named {
			continue
		}
		if q := strings.ToUpper(p); len(q) == 2 && q[0] == 'Q' {
			continue
		}
		if _, ok := digits(p); !ok || len(p) == 3 || len(p) > 4 {
			return false
		}
	}
	return true
}
