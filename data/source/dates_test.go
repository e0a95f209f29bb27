package source

import (
	"math"
	"os"
	"strconv"
	"testing"
	"time"
)

func TestExcelSerialToTime(t *testing.T) {
	cases := []struct {
		serial   float64
		date1904 bool
		want     string // "" when refused
	}{
		{1, false, "1900-01-01T00:00:00.000"},
		{59, false, "1900-02-28T00:00:00.000"},
		{60, false, ""}, // 1900-02-29 never was
		{60.5, false, ""},
		{61, false, "1900-03-01T00:00:00.000"},
		{44197, false, "2021-01-01T00:00:00.000"},
		{44035.375, false, "2020-07-23T09:00:00.000"},
		{0.5, false, "1899-12-31T12:00:00.000"},             // a time of day
		{44197.999999999, false, "2021-01-02T00:00:00.000"}, // rounds to the next day
		{10.6320601851852, false, "1900-01-10T15:10:10.000"},
		{2958465.999, false, "9999-12-31T23:58:33.600"},
		{2958466, false, ""},
		{0, true, "1904-01-01T00:00:00.000"},
		{1, true, "1904-01-02T00:00:00.000"},
		{42735, true, "2021-01-01T00:00:00.000"},
		{60, true, "1904-03-01T00:00:00.000"}, // no leap-year bug in 1904
		{2957003, true, "9999-12-31T00:00:00.000"},
		{2957004, true, ""},
		{-1, false, ""},
		{math.NaN(), false, ""},
		{math.Inf(1), true, ""},
		{1e300, false, ""},
	}
	for _, c := range cases {
		got, err := ExcelSerialToTime(c.serial, c.date1904)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%v (1904=%v) = %v, want an error", c.serial, c.date1904, got)
		case c.want != "" && (err != nil || got.Format("2006-01-02T15:04:05.000") != c.want || got.Location() != time.UTC):
			t.Errorf("%v (1904=%v) = %v %v, want %s UTC", c.serial, c.date1904, got, err, c.want)
		}
	}
}

// TestExcelSerialOracle compares with what Excel itself printed: these
// workbooks hold each serial next to a cached TEXT(serial,"YYYY-MM-DD").
func TestExcelSerialOracle(t *testing.T) {
	for name, date1904 := range map[string]bool{"excel_mac_1900_dates.xlsx": false, "excel_mac_1904_dates.xlsx": true} {
		p := "testdata/corpus/xlsx/" + name
		if _, err := os.Stat(p); err != nil {
			t.Skip(err)
		}
		tables, err := OpenFile(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		tb := tables[0]
		rows := [][]string{tb.Header}
		for _, r := range drain(t, tb).rows {
			rows = append(rows, r.Cells)
		}
		tb.Close()
		if tb.Date1904 != date1904 || len(rows) != 5 {
			t.Fatalf("%s: Date1904 %v, %d rows", name, tb.Date1904, len(rows))
		}
		for _, r := range rows {
			serial, err := strconv.ParseFloat(r[0], 64)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ExcelSerialToTime(serial, tb.Date1904)
			if err != nil || got.Format(time.DateOnly) != r[2] {
				t.Errorf("%s: serial %s = %v %v, Excel says %s", name, r[0], got, err, r[2])
			}
		}
	}
}

// FuzzExcelSerial: any serial converts to a date or is refused, never a
// panic; accepted dates stay within 0001-9999 and a day later is one
// serial later.
func FuzzExcelSerial(f *testing.F) {
	for _, s := range []float64{0, 1, 59, 60, 61, 43890, 43890.5, 2958465, 2958466, -1, 1e300, 0.999999999} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, serial float64, date1904 bool) {
		d, err := ExcelSerialToTime(serial, date1904)
		if err != nil {
			return
		}
		if d.Year() < 1899 || d.Year() > 9999 {
			t.Fatalf("%v: year %d", serial, d.Year())
		}
		if serial >= 61 || date1904 {
			// The time of day is rounded to the millisecond on each side.
			if next, err := ExcelSerialToTime(serial+1, date1904); err == nil && (next.Sub(d)-24*time.Hour).Abs() > time.Millisecond {
				t.Fatalf("%v and the next serial are %v apart", serial, next.Sub(d))
			}
		}
	})
}
