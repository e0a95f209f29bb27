package normalize

import (
	"errors"
	"strings"
	"testing"

	"needsmap/data/schema"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     string // "" for NoDate; "!" prefix: error containing the rest
	}{
		{"", false, ""},
		{"2020-01-31", false, "2020-01-31"},
		{"2020-01-31 00:00:00", false, "2020-01-31"},
		{"2020-01-31T13:45:00Z", false, "2020-01-31"},
		{"1/31/2020", false, "2020-01-31"},
		{"01/31/2020", false, "2020-01-31"},
		{"1-31-2020", false, "2020-01-31"},
		{"1/31/20", false, "2020-01-31"},
		{"12/1/99", false, "2099-12-01"},
		{"1/31/2020 10:15", false, "2020-01-31"},
		{"20200131", false, "2020-01-31"},
		{"31-Jan-2020", false, "2020-01-31"},
		{"31-Jan-20", false, "2020-01-31"},
		{"Jan 31, 2020", false, "2020-01-31"},
		{"January 31 2020", false, "2020-01-31"},
		{"Sept 1, 2021", false, "2021-09-01"},
		{"43861", false, "2020-01-31"},
		{"43861.75", false, "2020-01-31"},
		{"42399", true, "2020-01-31"}, // 1904 system: 1,462 days fewer
		{"2/31/2020", false, "!not a real date: February 2020 has 29 days"},
		{"2/29/2021", false, "!February 2021 has 28 days"},
		{"2021-02-29", false, "!February 2021 has 28 days"},
		{"13/1/2020", false, "!month 13 does not exist"},
		{"31/01/2020", false, "!month 31 does not exist"},
		{"31.01.2020", false, "!not a date"},
		{"soon", false, "!not a date"},
		{"-5", false, "!not a date"},
		{"60", false, "!1900-02-29"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.date1904)
		if strings.HasPrefix(tt.want, "!") {
			if err == nil || !strings.Contains(err.Error(), tt.want[1:]) {
				t.Errorf("ParseDate(%q) = %v, %v; want error %q", tt.in, got, err, tt.want[1:])
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseTarget(t *testing.T) {
	start := schema.DateOf(2020, 1, 31)
	tests := []struct {
		in    string
		start schema.Date
		want  string
	}{
		{"6/2020", start, "2020-06-30"},
		{"by 12/2020", start, "2020-12-31"},
		{"By 2/2020.", start, "2020-02-29"},
		{"by 1/31/2020", start, "2020-01-31"},
		{"2020-06-30", start, "2020-06-30"},
		{"2020-06", start, "2020-06-30"},
		{"June 2020", start, "2020-06-30"},
		{"Q3 2020", start, "2020-09-30"},
		{"2021-Q1", start, "2021-03-31"},
		{"2021", start, "2021-12-31"},
		{"+6m", start, "2020-07-31"},
		{"+1m", start, "2020-02-29"},
		{"+2w", start, "2020-02-14"},
		{"+30d", start, "2020-03-01"},
		{"+1y", start, "2021-01-31"},
		{"+ 18 months", start, "2021-07-31"},
		{"43861", start, "2020-01-31"},
		{"", start, ""},
		{"by 2/31/2020", start, "!not a real date: February 2020 has 29 days"},
		{"13/2020", start, "!month 13 does not exist"},
		{"+6m", schema.NoDate, "!no start date"},
		{"+6q", start, "!not a target date"},
		{"ongoing", start, "!not a target date"},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in, false, tt.start)
		if strings.HasPrefix(tt.want, "!") {
			if err == nil || !strings.Contains(err.Error(), tt.want[1:]) {
				t.Errorf("ParseTarget(%q) = %v, %v; want error %q", tt.in, got, err, tt.want[1:])
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseTarget(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseTarget("+6m", false, schema.NoDate); !errors.Is(err, ErrNoStartDate) {
		t.Errorf("offset without start: %v", err)
	}
}

func TestClipDate(t *testing.T) {
	for in, want := range map[string]string{
		"2/31/2021": "2/31/2021", "by 2/31/2020": "by 2/31/2020", "2021-02-29": "2021-02-29", "02/31/21": "02/31/21",
		"13/05/2020": "13/05/2020", "43861": "43861", "+6q": "+6q", "31-Feb-2021": "31-Feb-2021", "Q3 2020": "Q3 2020",
		"573-555-0199": "(text withheld)", "(573) 555 0199": "(text withheld)", "jane@example.org": "(text withheld)",
		"5735550199": "(text withheld)", "Jane Doe": "(text withheld)", "soon": "(text withheld)",
	} {
		if got := clipDate(in); got != want {
			t.Errorf("clipDate(%q) = %q, want %q", in, got, want)
		}
	}
}
