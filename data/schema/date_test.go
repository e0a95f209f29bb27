package schema

import (
	"testing"
	"time"
)

func TestDateMatchesTime(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for day := -800000; day <= 800000; day += 97 {
		tm := epoch.AddDate(0, 0, day)
		d := DateOf(tm.Year(), int(tm.Month()), tm.Day())
		if int(d) != day {
			t.Fatalf("DateOf(%s) = %d, want %d", tm.Format("2006-01-02"), d, day)
		}
		y, m, dd := d.YMD()
		if y != tm.Year() || m != int(tm.Month()) || dd != tm.Day() {
			t.Fatalf("YMD(%d) = %d-%d-%d, want %s", day, y, m, dd, tm.Format("2006-01-02"))
		}
		if d.String() != tm.Format("2006-01-02") && tm.Year() >= 0 && tm.Year() <= 9999 {
			t.Fatalf("String(%d) = %s", day, d)
		}
	}
}

func TestDateHelpers(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{DateOf(2020, 1, 31).AddMonths(1).String(), "2020-02-29"},
		{DateOf(2021, 1, 31).AddMonths(1).String(), "2021-02-28"},
		{DateOf(2020, 8, 15).AddMonths(6).String(), "2021-02-15"},
		{DateOf(2020, 3, 1).AddMonths(-3).String(), "2019-12-01"},
		{DateOf(2020, 3, 31).AddMonths(-1).String(), "2020-02-29"},
		{QuarterLabel(DateOf(2021, 8, 1).Quarter()), "2021-Q3"},
		{QuarterStart(DateOf(2021, 8, 1).Quarter()).String(), "2021-07-01"},
		{QuarterEnd(DateOf(2021, 12, 31).Quarter()).String(), "2021-12-31"},
		{QuarterEnd(DateOf(2020, 2, 3).Quarter()).String(), "2020-03-31"},
		{NoDate.String(), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %s, want %s", i, tt.got, tt.want)
		}
	}
	if DaysIn(1900, 2) != 28 || DaysIn(2000, 2) != 29 || DaysIn(2021, 4) != 30 {
		t.Error("DaysIn leap rules")
	}
}
