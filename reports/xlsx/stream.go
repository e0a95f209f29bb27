package xlsx

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// WriteRows writes a one-sheet workbook to path with excelize's stream
// writer, which spills to a temp file past 16 MB, so memory stays flat
// however many rows there are. next returns each row (time.Time values are
// written as real dates, yyyy-mm-dd), and false after the last. It is for
// large generated inputs (needsmap gen), not for reports.
func WriteRows(path, sheet string, header []string, next func() ([]any, bool, error)) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for r := 2; ; r++ {
		vals, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		row = row[:0]
		for _, v := range vals {
			if t, isTime := v.(time.Time); isTime {
				v = excelize.Cell{StyleID: dateStyle, Value: t}
			}
			row = append(row, v)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
