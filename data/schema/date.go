package schema

import (
	"fmt"
	"math"
)

// Date is a calendar day counted from 1970-01-01 (day 0), in the proleptic
// Gregorian calendar. Referral, training and milestone dates carry no time
// of day or zone, so a day number is exact, cheap to compare and to
// subtract (days between two dates), and never touches the clock.
type Date int32

// NoDate marks a missing date.
const NoDate Date = math.MinInt32

// DateOf returns the day y-m-d. It does not check the day exists; use
// ValidDay first for input.
func DateOf(y, m, d int) Date {
	// Howard Hinnant's days_from_civil.
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097 + doe - 719468)
}

// YMD returns the year, month (1-12) and day of d.
func (d Date) YMD() (year, month, day int) {
	z := int(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	month = mp + 3
	if month > 12 {
		month -= 12
	}
	if month <= 2 {
		y++
	}
	return y, month, day
}

// Valid reports whether d is a date (not NoDate).
func (d Date) Valid() bool { return d != NoDate }

// String formats d as 2006-01-02, or "" for NoDate.
func (d Date) String() string {
	if d == NoDate {
		return ""
	}
	y, m, dd := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// Quarter returns the calendar quarter of d as a running number
// (year*4 + quarter-1), so consecutive quarters are consecutive numbers.
func (d Date) Quarter() int {
	y, m, _ := d.YMD()
	return y*4 + (m-1)/3
}

// QuarterLabel formats a running quarter number as "2021-Q3".
func QuarterLabel(q int) string {
	return fmt.Sprintf("%04d-Q%d", q/4, q%4+1)
}

// QuarterStart and QuarterEnd are the first and last day of a running
// quarter number.
func QuarterStart(q int) Date { return DateOf(q/4, q%4*3+1, 1) }

// QuarterEnd is the last day of a running quarter number.
func QuarterEnd(q int) Date { return QuarterStart(q+1) - 1 }

// AddMonths adds n months, keeping the day of the month but clamping it
// to the length of the target month (Jan 31 + 1 month = Feb 28 or 29),
// which is what "six months after the start" means on a calendar.
func (d Date) AddMonths(n int) Date {
	y, m, dd := d.YMD()
	total := y*12 + (m - 1) + n
	ny, nm := total/12, total%12+1
	if total < 0 && total%12 != 0 {
		ny, nm = total/12-1, total%12+13
	}
	return DateOf(ny, nm, min(dd, DaysIn(ny, nm)))
}

// DaysIn returns the number of days of month m (1-12) of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
