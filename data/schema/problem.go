// Package schema holds the typed records that flow from ingest to analysis
// and rendering, and the positioned problem type every reader reports.
//
// Nothing here reads files or knows about configuration: the package is the
// shared vocabulary of the pipeline.
package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// Problem is one input problem at a position in a file. Row is the 1-based
// row (line of a CSV record, row of a sheet); 0 means the whole file or
// sheet. Column is the 1-based column; 0 means the whole row.
type Problem struct {
	File   string
	Sheet  string
	Row    int
	Column int
	Field  string // header text of the column, when known
	Reason string
	// Value is the offending cell, kept only for fields whose values are
	// codes (ratings, regions, dates...). It is never set for identifiers or
	// free text, so rejects.csv cannot leak them.
	Value string
	Err   error
}

// Error renders the problem as file[:sheet]:row:column: reason.
func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(" sheet ")
		b.WriteString(strconv.Quote(p.Sheet))
	}
	if p.Row > 0 {
		fmt.Fprintf(&b, " row %d", p.Row)
	}
	if p.Column > 0 {
		fmt.Fprintf(&b, " column %s", ColumnLetter(p.Column))
		if p.Field != "" {
			fmt.Fprintf(&b, " (%s)", p.Field)
		}
	} else if p.Field != "" {
		fmt.Fprintf(&b, " field %s", p.Field)
	}
	b.WriteString(": ")
	b.WriteString(p.Reason)
	if p.Value != "" {
		fmt.Fprintf(&b, " (value %q)", p.Value)
	}
	if p.Err != nil {
		b.WriteString(": ")
		b.WriteString(p.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error, if any.
func (p *Problem) Unwrap() error { return p.Err }

// ColumnLetter converts a 1-based column index to spreadsheet letters
// (1 → A, 27 → AA). It returns "" for n < 1.
func ColumnLetter(n int) string {
	if n < 1 {
		return ""
	}
	var buf [8]byte
	i := len(buf)
	for n > 0 {
		n--
		i--
		buf[i] = byte('A' + n%26)
		n /= 26
	}
	return string(buf[i:])
}

// Problems collects problems in the order they were found.
type Problems []Problem

// Add appends a problem.
func (ps *Problems) Add(p Problem) { *ps = append(*ps, p) }

// FatalError is returned when an input cannot be used at all (missing,
// unreadable, no usable row). The command exits non-zero with its message.
type FatalError struct {
	File   string
	Reason string
	Err    error
}

func (e *FatalError) Error() string {
	if e.Reason == "" && e.Err != nil {
		// Readers usually name the file (and sheet) themselves.
		if msg := e.Err.Error(); strings.HasPrefix(msg, e.File) {
			return msg
		}
		return e.File + ": " + e.Err.Error()
	}
	msg := e.File + ": " + e.Reason
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error, if any.
func (e *FatalError) Unwrap() error { return e.Err }
