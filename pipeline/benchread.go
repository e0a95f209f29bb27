package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"needsmap/data/source"
)

// ReadStats is what ReadTable found.
type ReadStats struct {
	Rows      int // data rows read
	Completed int // rows whose status is "completed"
	Dates     int // date cells converted
	Bad       int // unreadable rows and cells
}

// ReadTable reads every row of the first table of a CSV or XLSX file into
// typed values, the way a referral sheet will be read: columns named
// *_date as dates (Excel serials or ISO text), the status column as text.
// It is the ingest half of the W3 benchmark (docs/performance.md), and a
// quick way to check that a large file reads at all.
func ReadTable(path string, progress Progress) (st ReadStats, err error) {
	tr := newTracker(progress, path)
	defer func() { tr.finish(err == nil) }()
	tables, err := source.OpenFile(path, source.Options{Progress: tr.update(), LazyCells: true})
	if err != nil {
		return st, err
	}
	defer closeAll(tables)
	t := tables[0]
	status, dates := -1, []int{}
	for j, h := range t.Header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case h == "status":
			status = j
		case strings.HasSuffix(h, "_date"):
			dates = append(dates, j)
		}
	}
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			return st, nil
		}
		var re *source.RowError
		if errors.As(err, &re) {
			st.Bad++
			continue
		}
		if err != nil {
			return st, err
		}
		st.Rows++
		if status >= 0 && row.Cell(status) == "completed" {
			st.Completed++
		}
		for _, j := range dates {
			c := row.Cell(j)
			if c == "" {
				continue
			}
			if _, err := cellDate(c, t.Date1904); err != nil {
				st.Bad++
				continue
			}
			st.Dates++
		}
	}
}

func cellDate(s string, date1904 bool) (time.Time, error) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return source.ExcelSerialToTime(f, date1904)
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}
