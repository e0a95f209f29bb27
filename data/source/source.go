// Package source reads tabular input files — CSV in any common dialect and
// encoding, XLSX from any spreadsheet program, and survey-tool exports with
// several header rows — and yields a header plus raw rows with their
// positions. It knows nothing about what the columns mean: mapping headers
// to fields is the normalize step's job.
package source

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

// Layouts a table can be detected as.
const (
	LayoutPlain           = "plain"            // one header row
	LayoutQualtrics       = "qualtrics"        // ids, question text, {"ImportId":...}
	LayoutQualtricsLegacy = "qualtrics-legacy" // V1..Vn/Q ids, then column names
	LayoutSurveyMonkey    = "surveymonkey"     // question row, then sub-field row
)

// Options bound what a reader accepts. Zero values select the defaults.
type Options struct {
	// Sheet selects one sheet of a workbook by name; empty reads every
	// sheet that has data.
	Sheet string
	// HeaderMatch, when set, picks the header row: the first of the first
	// HeaderSearchRows non-empty rows for which it returns true. Without
	// it, the first non-empty row is the header.
	HeaderMatch func(cells []string) bool
	// HeaderSearchRows is how many non-empty rows to scan for the header
	// (default 20).
	HeaderSearchRows int
	// MaxCellBytes bounds one cell (default 1 MiB). A row with a larger
	// cell is reported as a RowError and reading goes on. A CSV cell is
	// never held in memory whole, so one unclosed quote cannot pull a
	// whole file into memory.
	MaxCellBytes int
	// MaxRowBytes bounds the text of one row (default 32 MiB) and
	// MaxColumns its cell count (default 100,000); a row over either is a
	// RowError. Together with MaxCellBytes they cap the memory one row
	// can take.
	MaxRowBytes int
	MaxColumns  int
	// MaxFileBytes refuses larger inputs outright (default 4 GiB).
	MaxFileBytes int64
	// UnzipSizeLimit bounds what a workbook may unpack to in all (default
	// 512 MiB), worksheets over UnzipXMLSizeLimit (default 16 MiB) aside:
	// those are streamed, never held whole, and refused instead when their
	// compression ratio or total size says zip bomb. A workbook whose zip
	// declares more is refused before anything is inflated, so a zip bomb
	// costs nothing. No temp files are made.
	UnzipSizeLimit    int64
	UnzipXMLSizeLimit int64
	// LazyCells leaves the cells of data rows unmaterialised: Row.Cells
	// is nil and Row.Cell and Row.Len read them. A reader that looks at
	// each cell once (the survey reader) saves a slice of strings per row.
	LazyCells bool
	// Progress, when set, is called from time to time while rows are
	// read (from another goroutine), with the bytes read so far of total
	// (the file, or a sheet's XML) and the rows yielded so far.
	Progress func(done, total int64, rows int)
	// Tap, when set, sees every read of the file's bytes: p was read at
	// offset off. It may be called from several goroutines at once, and
	// p must not be kept. A caller that checksums the file can hash what
	// is read instead of reading the file a second time.
	Tap func(p []byte, off int64)
}

// tapped is a ReaderAt that shows what it reads to a tap.
type tapped struct {
	r   io.ReaderAt
	tap func([]byte, int64)
}

func (t tapped) ReadAt(p []byte, off int64) (int, error) {
	n, err := t.r.ReadAt(p, off)
	if n > 0 {
		t.tap(p[:n], off)
	}
	return n, err
}

func (o Options) withDefaults() Options {
	if o.HeaderSearchRows <= 0 {
		o.HeaderSearchRows = 20
	}
	if o.MaxCellBytes <= 0 {
		o.MaxCellBytes = 1 << 20
	}
	if o.MaxRowBytes <= 0 {
		o.MaxRowBytes = 32 << 20
	}
	if o.MaxColumns <= 0 {
		o.MaxColumns = 100_000
	}
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = 4 << 30
	}
	if o.UnzipSizeLimit <= 0 {
		o.UnzipSizeLimit = 512 << 20
	}
	if o.UnzipXMLSizeLimit <= 0 {
		o.UnzipXMLSizeLimit = 16 << 20
	}
	return o
}

// Row is one data row. Num is its 1-based position: the line a CSV record
// starts on, or the sheet row number. Cells are trimmed of nothing; the
// slice is owned by the caller. Rows are yielded as they are: a row may
// have fewer or more cells than the header.
//
// XLSX cells hold the stored value, not the displayed text: numbers and
// dates as written in the file ("44197", "44035.0", "78.459999999999994";
// convert dates with ExcelSerialToTime and Table.Date1904), booleans as
// "1" or "0", error cells as their text ("#DIV/0!"), formula cells as
// their cached result ("" when the file has none). Trailing empty cells
// are dropped, so rows are often shorter than the header.
type Row struct {
	Num   int
	Cells []string

	// With Options.LazyCells, a row keeps its cells as bounds in a text
	// shared by its batch, and Cells is nil: Cell and Len read them.
	text   string
	bounds []int
}

// Len is the row's number of cells.
func (r *Row) Len() int {
	if r.bounds != nil {
		return len(r.bounds) / 2
	}
	return len(r.Cells)
}

// Cell returns cell j, "" when the row is shorter. It reads Cells or, for
// a lazy row, its text, without allocating.
func (r *Row) Cell(j int) string {
	if r.bounds != nil {
		if j < 0 || 2*j+1 >= len(r.bounds) {
			return ""
		}
		return r.text[r.bounds[2*j]:r.bounds[2*j+1]]
	}
	if j < 0 || j >= len(r.Cells) {
		return ""
	}
	return r.Cells[j]
}

// Pick sets dst[k] to cell cols[k] of the row ("" for a negative column
// or one past the row's end), as Cell would, in one pass.
func (r *Row) Pick(cols []int, dst []string) {
	dst = dst[:len(cols)]
	if b, t := r.bounds, r.text; b != nil {
		for k, j := range cols {
			if j < 0 || 2*j+1 >= len(b) {
				dst[k] = ""
				continue
			}
			dst[k] = t[b[2*j]:b[2*j+1]]
		}
		return
	}
	for k, j := range cols {
		dst[k] = r.Cell(j)
	}
}

// withCells returns r with Cells filled in.
func (r Row) withCells() Row {
	if r.bounds == nil {
		return r
	}
	cells := make([]string, r.Len())
	for j := range cells {
		cells[j] = r.Cell(j)
	}
	return Row{Num: r.Num, Cells: cells}
}

// Table is one CSV file or one sheet, read row by row.
type Table struct {
	File   string // path as the user gave it
	Sheet  string // "" for CSV
	Layout string
	// Encoding as detected: "utf-8", "utf-8-bom", "utf-16le", "utf-16be",
	// "windows-1252", or "xlsx". A CSV file that is plain ASCII for its
	// first 64 KiB reads as "utf-8" until a byte shows it is
	// Windows-1252; Encoding changes then, before that row is yielded.
	Encoding string
	// Header holds the column names used for mapping: the column ids of a
	// Qualtrics export, the only header row otherwise.
	Header []string
	// Questions holds the question text of each column for survey-tool
	// layouts (Qualtrics row 2; SurveyMonkey's question plus sub-field),
	// nil otherwise.
	Questions []string
	// ImportIDs holds the Qualtrics ImportId of each column ("QID12_1"),
	// nil for other layouts. A column split by choice gets "#" and its
	// choiceId appended ("QID36#1"). ImportIds can hold "#" themselves
	// (side-by-side questions: "QID8#2_1"), so use ChoiceIDs to split.
	ImportIDs []string
	// ChoiceIDs holds the Qualtrics choiceId of each column, "" where there
	// is none; nil for other layouts.
	ChoiceIDs []string
	// HeaderRow is the position of the last header row.
	HeaderRow int
	// Date1904 is true for workbooks in the 1904 date system.
	Date1904 bool

	next   func() (Row, error)
	close  func() error
	closed bool
	// encSwitch is set by a CSV reader still deciding its encoding: the
	// parser runs ahead, so Next shows the switch to Windows-1252.
	encSwitch *atomic.Bool
	// origin is set for CSV tables that Parallel can read again from a
	// byte offset; last is the line of the last row Next returned.
	origin *csvOrigin
	last   int
}

// Next returns the next data row, or io.EOF after the last. Rows that are
// entirely empty are skipped. A *RowError reports one bad row; call Next
// again to go on. Any other error ends the table.
func (t *Table) Next() (Row, error) {
	if t.closed {
		return Row{}, errClosed
	}
	if t.next == nil {
		return Row{}, io.EOF
	}
	r, err := t.next()
	var re *RowError
	switch {
	case err == nil:
		t.last = r.Num
	case errors.As(err, &re):
		t.last = max(t.last, re.Num)
	}
	if t.encSwitch != nil && t.encSwitch.Load() {
		t.Encoding, t.encSwitch = "windows-1252", nil
	}
	return r, err
}

// Close releases the table's resources. Closing twice is harmless.
func (t *Table) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	if t.close == nil {
		return nil
	}
	return t.close()
}

// ErrSheetNotFound marks an Options.Sheet that the workbook does not have;
// the message lists the sheets it does have. It does not wrap
// ErrUnsupported: the file is fine, the option is wrong.
var ErrSheetNotFound = errors.New("sheet not found")

var errClosed = errors.New("source: Next called after Close")

// ErrUnsupported marks a file needsmap cannot read at all; the message says
// what it is and what to do.
var ErrUnsupported = errors.New("unsupported input")

// ErrEmpty marks a file or sheet with no non-empty row. It comes wrapped
// together with ErrUnsupported.
var ErrEmpty = errors.New("no data")

// ErrNoHeader marks a table where Options.HeaderMatch accepted none of the
// rows searched. It comes wrapped together with ErrUnsupported.
var ErrNoHeader = errors.New("no header row found")

// OpenFile opens a CSV or XLSX file and returns its tables (one for CSV,
// one per non-empty sheet for XLSX). The format is detected from the
// content, not the extension.
func OpenFile(path string, opts Options) ([]*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("open %s: is a folder, not a file", path)
	}
	tables, err := Open(path, f, st.Size(), opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	owner := &fileCloser{f: f, n: len(tables)}
	for _, t := range tables {
		inner := t.close
		t.close = func() error {
			var err error
			if inner != nil {
				err = inner()
			}
			if cerr := owner.release(); err == nil {
				err = cerr
			}
			return err
		}
	}
	if len(tables) == 0 {
		f.Close()
	}
	return tables, nil
}

type fileCloser struct {
	mu sync.Mutex
	f  *os.File
	n  int
}

func (c *fileCloser) release() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n--
	if c.n == 0 {
		return c.f.Close()
	}
	return nil
}

// Open reads tables from r, which holds size bytes of the file called name
// (used in messages). A file that cannot be read at all gives an error
// wrapping ErrUnsupported that names the file, says what is wrong and what
// to do; ErrEmpty, ErrNoHeader or ErrSheetNotFound say more where they
// apply. An XLSX file is read into memory whole while it is opened.
func Open(name string, r io.ReaderAt, size int64, opts Options) ([]*Table, error) {
	opts = opts.withDefaults()
	if size > opts.MaxFileBytes {
		return nil, fmt.Errorf("%s: %w: file is %d bytes, over the %d-byte limit", name, ErrUnsupported, size, opts.MaxFileBytes)
	}
	if opts.Tap != nil {
		r = tapped{r: r, tap: opts.Tap}
	}
	var head [8]byte
	n, _ := io.NewSectionReader(r, 0, size).ReadAt(head[:], 0)
	kind := sniff(head[:n])
	switch kind {
	case kindZip:
		return openXLSX(name, r, size, opts)
	case kindOLE:
		return nil, fmt.Errorf("%s: %w: this is a password-protected workbook or an old binary .xls file; "+
			"save it from Excel as .xlsx without a password, or as CSV", name, ErrUnsupported)
	case kindEmpty:
		return nil, fmt.Errorf("%s: %w: the file is empty (%w)", name, ErrUnsupported, ErrEmpty)
	}
	t, err := openCSV(name, io.NewSectionReader(r, 0, size), size, opts)
	if err != nil {
		return nil, err
	}
	return []*Table{t}, nil
}

type kind int

const (
	kindText kind = iota
	kindZip
	kindOLE
	kindEmpty
)

func sniff(head []byte) kind {
	switch {
	case len(head) == 0:
		return kindEmpty
	case strings.HasPrefix(string(head), "PK\x03\x04"):
		return kindZip
	case strings.HasPrefix(string(head), "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return kindOLE
	}
	return kindText
}
