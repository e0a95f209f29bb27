package pipeline

import (
	"errors"
	"slices"

	"needsmap/data/normalize"
	"needsmap/data/schema"
	"needsmap/data/source"
	"needsmap/reports"
)

// sheetReader reads one table of an input.
type sheetReader func(t *source.Table) (normalize.Stats, error)

// readSheets opens an input and reads each of its tables (a CSV file, or
// every sheet of a workbook). A sheet without the input's header is
// skipped — silently when it is one of the templates' own sheets — and a
// sheet that cannot be used (refused for identifiers, a required column
// missing) becomes a problem; the other sheets go on. used is false when
// no sheet was read. Only a failure while reading rows is returned as an
// error. The file is hashed while it is read; progress, when not nil,
// shows a long read.
func readSheets(in input, report func(schema.Problem), progress Progress, read sheetReader) (info reports.Input, used bool, err error) {
	tr := newTracker(progress, in.name)
	tables, sum, err := in.open(source.Options{Progress: tr.update()})
	info = reports.Input{Role: in.role, File: in.name}
	if sum == nil || err != nil {
		if sum != nil {
			info.SHA256, _ = sum()
		}
		report(schema.Problem{File: in.name, Reason: "file not used: " + fatal(in.name, err).Error()})
		return info, false, nil
	}
	defer closeAll(tables)
	defer func() {
		tr.finish(err == nil)
		h, herr := sum()
		info.SHA256 = h
		if err == nil && herr != nil {
			err = herr
		}
	}()
	for _, t := range tables {
		st, err := read(t)
		var p *schema.Problem
		var fe *schema.FatalError
		switch {
		case errors.Is(err, normalize.ErrNotInput):
			if !slices.Contains(normalize.TemplateSheets, t.Sheet) {
				report(schema.Problem{File: t.File, Sheet: t.Sheet, Reason: "sheet not used: " + trimWhere(err, t)})
			}
			continue
		case errors.As(err, &p):
			report(*p)
			continue
		case errors.As(err, &fe):
			report(schema.Problem{File: t.File, Sheet: t.Sheet, Reason: fe.Reason})
			continue
		case err != nil:
			return info, used, fatal(in.name, err)
		}
		if !used {
			info.Layout, info.Encoding = st.Layout, st.Encoding
		}
		used = true
		info.Read, info.Kept, info.Rejected = info.Read+st.Read, info.Kept+st.Kept, info.Rejected+st.Rejected
	}
	return info, used, nil
}

// trimWhere drops the file and sheet a reader's error starts with (the
// problem names them already).
func trimWhere(err error, t *source.Table) string {
	msg := err.Error()
	for _, prefix := range []string{t.File + " sheet \"" + t.Sheet + "\": ", t.File + ": "} {
		if len(msg) > len(prefix) && msg[:len(prefix)] == prefix {
			return msg[len(prefix):]
		}
	}
	return msg
}
