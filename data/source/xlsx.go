package source

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

func openXLSX(name string, r io.ReaderAt, size int64, opts Options) ([]*Table, error) {
	if err := checkZip(name, r, size, opts); err != nil {
		return nil, err
	}
	f, err := openWorkbook(name, r, size, opts)
	if err != nil {
		return nil, err
	}
	wb := &workbook{f: f, n: 1} // the opener's hold, released below
	tables, err := openSheets(wb, name, opts)
	if err != nil {
		for _, t := range tables {
			t.Close()
		}
		wb.release()
		return nil, err
	}
	wb.release() // the tables hold f now
	return tables, nil
}

func openWorkbook(name string, r io.ReaderAt, size int64, opts Options) (*excelize.File, error) {
	var f *excelize.File
	err := guard(func() error {
		var err error
		f, err = excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
			RawCellValue:      true,
			UnzipSizeLimit:    opts.UnzipSizeLimit,
			UnzipXMLSizeLimit: min(opts.UnzipXMLSizeLimit, opts.UnzipSizeLimit),
		})
		return err
	})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, fmt.Errorf("%s: %w: the workbook cannot be read (%v); open it in Excel and save it again, "+
			"or export it as CSV", name, ErrUnsupported, err)
	}
	return f, nil
}

// openSheets returns a table for opts.Sheet, or for every sheet with data.
func openSheets(wb *workbook, name string, opts Options) ([]*Table, error) {
	var (
		props  excelize.WorkbookPropsOptions
		sheets []string
	)
	err := guard(func() error {
		var err error
		props, err = wb.f.GetWorkbookProps()
		sheets = wb.f.GetSheetList()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w: the workbook settings cannot be read (%v)", name, ErrUnsupported, err)
	}
	wanted, err := pickSheets(name, sheets, opts.Sheet)
	if err != nil {
		return nil, err
	}
	var tables []*Table
	for _, sheet := range wanted {
		t, err := openSheet(wb, name, sheet, opts)
		switch {
		case errors.Is(err, ErrEmpty) && opts.Sheet == "":
			continue
		case errors.Is(err, ErrNoHeader) && opts.Sheet == "":
			return tables, fmt.Errorf("%w; if another sheet holds the data, choose it (sheets: %s)", err, quoteList(sheets))
		case err != nil:
			return tables, err
		}
		t.Date1904 = props.Date1904 != nil && *props.Date1904
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, fmt.Errorf("%s: %w: no sheet holds any data (%w)", name, ErrUnsupported, ErrEmpty)
	}
	return tables, nil
}

func pickSheets(name string, sheets []string, want string) ([]string, error) {
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: %w: the workbook lists no sheets; open it in Excel and save it again", name, ErrUnsupported)
	}
	if want == "" {
		return sheets, nil
	}
	for _, s := range sheets {
		if s == want {
			return []string{s}, nil
		}
	}
	return nil, fmt.Errorf("%s: %w: no sheet named %q; the workbook has %s", name, ErrSheetNotFound, want, quoteList(sheets))
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

func openSheet(wb *workbook, file, sheet string, opts Options) (*Table, error) {
	var rows *excelize.Rows
	err := guard(func() error {
		var err error
		rows, err = wb.f.Rows(sheet)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w: the sheet cannot be read (%v)", where(file, sheet), ErrUnsupported, err)
	}
	closeRows := func() error { return guard(rows.Close) }
	t, err := newTable(file, sheet, "xlsx", sheetRows(file, sheet, rows, opts), nil, opts)
	if err != nil {
		closeRows()
		return nil, err
	}
	wb.acquire()
	t.close = func() error {
		err := closeRows()
		if rerr := wb.release(); err == nil {
			err = rerr
		}
		return err
	}
	return t, nil
}

// sheetRows yields a sheet's rows, numbered as in the sheet. excelize's
// iterator stops at every row number, gaps included (yielding no cells
// for them), so counting its steps gives the true row number.
func sheetRows(file, sheet string, rows *excelize.Rows, opts Options) rawReader {
	num := 0
	var fatal error
	return func() (Row, error) {
		if fatal != nil {
			return Row{}, fatal
		}
		var (
			more  bool
			cells []string
			cerr  error
		)
		err := guard(func() error {
			if more = rows.Next(); !more {
				return rows.Error()
			}
			cells, cerr = rows.Columns()
			return nil
		})
		switch {
		case err != nil:
			fatal = fmt.Errorf("read %s: %w: %v", where(file, sheet), ErrUnsupported, err)
			return Row{}, fatal
		case !more:
			fatal = io.EOF
			return Row{}, io.EOF
		}
		num++
		if cerr == nil {
			cerr = checkCells(cells, opts)
		}
		if cerr != nil {
			return Row{}, &RowError{Num: num, Err: cerr}
		}
		return Row{Num: num, Cells: cells}, nil
	}
}

func checkCells(cells []string, opts Options) error {
	if len(cells) > opts.MaxColumns {
		return fmt.Errorf("the row has more than %d cells", opts.MaxColumns)
	}
	total := 0
	for _, c := range cells {
		if len(c) > opts.MaxCellBytes {
			return fmt.Errorf("a cell of %d bytes is over the %d-byte limit", len(c), opts.MaxCellBytes)
		}
		total += len(c)
	}
	if total > opts.MaxRowBytes {
		return fmt.Errorf("the row is over the %d-byte limit", opts.MaxRowBytes)
	}
	return nil
}

// guard runs fn and turns a panic into an error: excelize is not written
// for hostile input, and one bad file must not take the whole run down.
func guard(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the reader failed on malformed content: %v", p)
		}
	}()
	return fn()
}

// workbook closes the excelize file, which removes its temp files, once
// the opener and every table made from it are done with it.
type workbook struct {
	mu sync.Mutex
	f  *excelize.File
	n  int
}

func (w *workbook) acquire() {
	w.mu.Lock()
	w.n++
	w.mu.Unlock()
}

func (w *workbook) release() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n--
	if w.n > 0 {
		return nil
	}
	return guard(w.f.Close)
}
