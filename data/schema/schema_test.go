package schema

import (
	"errors"
	"testing"
)

func TestColumnLetter(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnLetter(n); got != want {
			t.Errorf("ColumnLetter(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestProblemError(t *testing.T) {
	inner := errors.New("boom")
	p := &Problem{File: "a.xlsx", Sheet: "Jan", Row: 4, Column: 3, Field: "status", Reason: "unknown status", Value: "maybe", Err: inner}
	if got, want := p.Error(), `a.xlsx sheet "Jan" row 4 column C (status): unknown status (value "maybe"): boom`; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if !errors.Is(p, inner) {
		t.Error("Unwrap lost the cause")
	}
}

func TestFatalErrorNamesTheFileOnce(t *testing.T) {
	cases := []struct {
		e    *FatalError
		want string
	}{
		{&FatalError{File: "a.xlsx", Err: errors.New(`a.xlsx sheet "S": no header`)}, `a.xlsx sheet "S": no header`},
		{&FatalError{File: "a.csv", Err: errors.New("permission denied")}, "a.csv: permission denied"},
		{&FatalError{File: "a.csv", Reason: "no data rows"}, "a.csv: no data rows"},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
