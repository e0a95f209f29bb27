package source

import (
	"fmt"
	"math"
	"time"
)

var (
	epoch1900     = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	epoch1900Late = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC) // from serial 61 on
	epoch1904     = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

const msPerDay = 24 * 60 * 60 * 1000

// ExcelSerialToTime converts a spreadsheet date serial — the raw value of
// a date cell, as Row yields it for XLSX — to a time in UTC. Pass
// Table.Date1904: the same serial is four years and a day apart in the two
// date systems.
//
// In the 1900 system serial 1 is 1900-01-01. Serial 60 is 1900-02-29, a day
// that never was (Excel keeps Lotus 1-2-3's leap-year bug), so it is
// refused; from 61 on, serials match the calendar again. Serials below 1
// are times of day and come back on day 0: 1899-12-31 (Excel's
// "1900-01-00"), or 1904-01-01 in the 1904 system. The time of day is
// rounded to the millisecond. Negative, NaN, infinite and post-9999
// serials are refused.
func ExcelSerialToTime(serial float64, date1904 bool) (time.Time, error) {
	if math.IsNaN(serial) || serial < 0 || serial >= 3e6 {
		return time.Time{}, fmt.Errorf("date serial %v is out of range", serial)
	}
	epoch := epoch1904
	if !date1904 {
		switch {
		case serial >= 61:
			epoch = epoch1900Late
		case serial >= 60:
			return time.Time{}, fmt.Errorf("date serial %v is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)", serial)
		default:
			epoch = epoch1900
		}
	}
	days := math.Floor(serial)
	ms := math.Round((serial - days) * msPerDay)
	t := epoch.AddDate(0, 0, int(days)).Add(time.Duration(ms) * time.Millisecond)
	if t.Year() > 9999 {
		return time.Time{}, fmt.Errorf("date serial %v is after 9999-12-31", serial)
	}
	return t, nil
}
