package pipeline

import (
	"errors"
	"fmt"
	"slices"

	"needsmap/data/normalize"
	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
	"needsmap/reports"
)

// readResources reads every table of a resource guide: a CSV, or each
// sheet of a workbook (one per county, or the mapping workbook's tables).
// A sheet that is not a resource table is reported and skipped; the guide
// is refused only when no row at all can be used.
func readResources(cfg Config, in input, vocab *normalize.Vocabulary, geo *reference.Geography,
	report func(schema.Problem)) ([]schema.Resource, reports.Input, error) {
	opts := source.Options{HeaderMatch: normalize.HeaderLooksLikeResources(vocab, cfg.Resources)}
	tables, sum, err := in.openSum(opts)
	if errors.Is(err, source.ErrNoHeader) {
		tables, sum, err = openEachSheet(in, opts, report)
	}
	info := reports.Input{Role: "resources", File: in.name, SHA256: sum}
	if err != nil {
		return nil, info, fatal(in.name, err)
	}
	defer closeAll(tables)
	reader := &normalize.Resources{Vocab: vocab, Geo: geo, Options: cfg.Resources, Report: report}
	var out []schema.Resource
	var firstErr error
	used := 0
	for _, t := range tables {
		st, err := reader.Read(t, func(r schema.Resource) { out = append(out, r) })
		switch {
		case errors.Is(err, normalize.ErrNoResourceColumns) && t.Sheet != "":
			if slices.Contains(normalize.TemplateSheets, t.Sheet) {
				continue // the template's own instructions and lists
			}
			report(schema.Problem{File: t.File, Sheet: t.Sheet, Reason: "not a resource table (" + reason(err) + "); sheet not used"})
			continue
		case err != nil:
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		used++
		info.Layout, info.Encoding = st.Layout, st.Encoding
		info.Read, info.Kept, info.Rejected = info.Read+st.Read, info.Kept+st.Kept, info.Rejected+st.Rejected
	}
	if used > 1 {
		info.Layout = fmt.Sprintf("workbook, %d sheets", used)
	}
	switch {
	case used == 0 && firstErr != nil:
		return nil, info, fatal(in.name, firstErr)
	case used == 0:
		return nil, info, &schema.FatalError{File: in.name, Reason: "no sheet is a resource table (an organization column and services)"}
	case info.Kept == 0:
		return nil, info, &schema.FatalError{File: in.name, Reason: noRowsReason(normalize.Stats{Read: info.Read})}
	}
	return out, info, nil
}

func reason(err error) string {
	var fe *schema.FatalError
	if errors.As(err, &fe) && fe.Reason != "" {
		return fe.Reason
	}
	return err.Error()
}

// openEachSheet is the slow path for a workbook in which some sheet has no
// resource header: each sheet is opened on its own, and one without a
// header is reported rather than refusing the whole guide. A CSV without
// a resource header is read from its first row, so the column mapping
// can say what is missing.
func openEachSheet(in input, opts source.Options, report func(schema.Problem)) ([]*source.Table, string, error) {
	plain := opts
	plain.HeaderMatch = nil
	all, sum, err := in.openSum(plain)
	if err != nil || len(all) == 0 || all[0].Sheet == "" {
		return all, sum, err
	}
	var sheets []string
	for _, t := range all {
		sheets = append(sheets, t.Sheet)
	}
	closeAll(all)
	var out []*source.Table
	for _, name := range sheets {
		one := opts
		one.Sheet = name
		ts, _, err := in.openSum(one)
		switch {
		case errors.Is(err, source.ErrNoHeader) && slices.Contains(normalize.TemplateSheets, name):
		case errors.Is(err, source.ErrNoHeader):
			report(schema.Problem{File: in.name, Sheet: name, Reason: "no header row with an organization and a services column " +
				"in the first 20 rows; sheet not used"})
		case err != nil:
			closeAll(out)
			return nil, sum, err
		default:
			out = append(out, ts...)
		}
	}
	return out, sum, nil
}
