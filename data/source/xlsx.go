package source

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

func openXLSX(name string, r io.ReaderAt, size int64, opts Options) ([]*Table, error) {
	if err := checkZip(name, r, size, opts); err != nil {
		return nil, err
	}
	var b *book
	err := guard(func() error {
		var err error
		b, err = openBook(r, size)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w: the workbook cannot be read (%v); open it in Excel and save it again, "+
			"or export it as CSV", name, ErrUnsupported, err)
	}
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	wanted, err := pickSheets(name, names, opts.Sheet)
	if err != nil {
		return nil, err
	}
	var tables []*Table
	for _, sheet := range wanted {
		t, err := openSheet(b, name, sheet, opts)
		switch {
		case errors.Is(err, ErrEmpty) && opts.Sheet == "":
			continue
		case errors.Is(err, ErrNoHeader) && opts.Sheet == "":
			closeAllTables(tables)
			return nil, fmt.Errorf("%w; if another sheet holds the data, choose it (sheets: %s)", err, quoteList(names))
		case err != nil:
			closeAllTables(tables)
			return nil, err
		}
		t.Date1904 = b.date1904
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, fmt.Errorf("%s: %w: no sheet holds any data (%w)", name, ErrUnsupported, ErrEmpty)
	}
	return tables, nil
}

func closeAllTables(tables []*Table) {
	for _, t := range tables {
		t.Close()
	}
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

// openSheet streams one sheet. Parts over UnzipXMLSizeLimit were not
// inflated by checkZip, so their bytes are checked as they stream by.
func openSheet(b *book, file, sheet string, opts Options) (*Table, error) {
	var bs bookSheet
	for _, s := range b.sheets {
		if s.name == sheet {
			bs = s
			break
		}
	}
	if bs.part == "" {
		return nil, fmt.Errorf("%s: %w: the sheet cannot be read (the workbook has no part for it)", where(file, sheet), ErrUnsupported)
	}
	zf := b.parts[bs.part]
	sr, err := newSheetReader(file, sheet, bs.part, zf, b.sst, opts, !checkedAtOpen(zf, opts))
	if err != nil {
		return nil, fmt.Errorf("%s: %w: the sheet cannot be read (%v)", where(file, sheet), ErrUnsupported, err)
	}
	pf := newPrefetcher(sheetFiller(sr, opts.LazyCells), opts.Progress, func() (int64, int64) {
		return sr.in.n.Load(), int64(zf.UncompressedSize64)
	})
	stop := func() {
		pf.stop()
		sr.close()
	}
	t, err := newTable(file, sheet, "xlsx", pf.next, stop, opts)
	if err != nil {
		stop()
		return nil, err
	}
	return t, nil
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
