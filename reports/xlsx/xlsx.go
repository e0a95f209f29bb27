// Package xlsx renders a report as needsmap.xlsx: an About sheet (notices,
// version, inputs with their SHA-256, settings, table notes), one sheet per
// table holding exactly the values of its CSV, and a native chart of the
// statewide top needs. The same report always gives the same bytes.
package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"

	"needsmap/reports"
)

// Options tunes the workbook.
type Options struct {
	// HeatColumns names the columns that get a three-colour scale (the
	// heat-map colouring of gap scores), in every table that has them.
	HeatColumns []string
}

// DefaultOptions colours every column named "gap".
func DefaultOptions() Options {
	return Options{HeatColumns: []string{"gap"}}
}

// Sheet names the package reserves besides the table sheets.
const (
	AboutSheet    = "About"
	TopNeedsSheet = "Top needs"
)

// fixedTime is the creation and modification time written into the
// document properties: outputs must not depend on the clock.
const fixedTime = "2000-01-01T00:00:00Z"

// Write renders r as an XLSX workbook with the default options.
func Write(w io.Writer, r *reports.Report) error {
	return WriteWith(w, r, DefaultOptions())
}

// WriteFile writes the workbook to path, replacing any file there.
func WriteFile(path string, r *reports.Report) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("xlsx: %w", cerr)
		}
	}()
	return Write(f, r)
}

// WriteWith renders r as an XLSX workbook. Its bytes depend only on r and
// opts.
func WriteWith(w io.Writer, r *reports.Report, opts Options) error {
	if r == nil {
		return fmt.Errorf("xlsx: nil report")
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	if err := build(f, r, opts); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return fmt.Errorf("xlsx: serialise workbook: %w", err)
	}
	if err := canonicalZip(w, buf.Bytes()); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// build fills the workbook: About, the tables in order, then Top needs.
func build(f *excelize.File, r *reports.Report, opts Options) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName(f.GetSheetName(0), AboutSheet); err != nil {
		return fmt.Errorf("rename first sheet: %w", err)
	}
	names := sheetNames(r.Tables, AboutSheet, TopNeedsSheet)
	for i, t := range r.Tables {
		if _, err := f.NewSheet(names[i]); err != nil {
			return fmt.Errorf("add sheet %q: %w", names[i], err)
		}
		if err := writeTable(f, names[i], t, st, opts); err != nil {
			return fmt.Errorf("sheet %q: %w", names[i], err)
		}
	}
	top := topNeeds(r.Table("needs_ranking"))
	if len(top) > 0 {
		if err := writeTopNeeds(f, top, st); err != nil {
			return fmt.Errorf("sheet %q: %w", TopNeedsSheet, err)
		}
	}
	if err := writeAbout(f, r, names, len(top) > 0, st); err != nil {
		return fmt.Errorf("sheet %q: %w", AboutSheet, err)
	}
	// Sheet 0 is excelize's first sheet, selected from the start; SetActiveSheet would
	// parse every streamed sheet again to say so.
	return setProps(f, r)
}

// setProps writes fixed document properties (excelize's template carries
// its own fixed dates; we set ours explicitly so nothing comes from the
// clock).
func setProps(f *excelize.File, r *reports.Report) error {
	err := f.SetDocProps(&excelize.DocProperties{
		Title:          r.Title,
		Subject:        r.Subtitle,
		Creator:        "needsmap",
		LastModifiedBy: "needsmap",
		Version:        r.Version,
		Created:        fixedTime,
		Modified:       fixedTime,
	})
	if err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	return nil
}
