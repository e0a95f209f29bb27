package source

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxZipParts bounds the entries of a workbook; real ones have dozens to a
// few thousand, and excelize keeps an in-memory map entry for each.
const maxZipParts = 100_000

// checkZip vets a workbook's zip container before excelize reads it.
// excelize inflates every part into memory (or a temp file) and ignores
// read errors, so a damaged part would yield a sheet cut short without a
// word. This refuses, each with a message saying what to do: a damaged or
// truncated zip; one whose declared sizes exceed the limits (a zip bomb is
// refused before anything is inflated, and archive/zip stops any part
// that inflates past its declared size); a zip that is not an Excel
// workbook; and a part whose data fails its checksum or whose worksheet
// XML is cut short or holds bytes XML forbids.
func checkZip(name string, r io.ReaderAt, size int64, opts Options) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("%s: %w: the file starts like an .xlsx (zip) file but is damaged or cut short (%v); "+
			"open it in Excel and save it again, or export it as CSV", name, ErrUnsupported, err)
	}
	if len(zr.File) > maxZipParts {
		return fmt.Errorf("%s: %w: the zip holds %d parts, more than any workbook needs (limit %d)",
			name, ErrUnsupported, len(zr.File), maxZipParts)
	}
	if err := zipKind(name, zr); err != nil {
		return err
	}
	var total, streamed uint64
	for _, f := range zr.File {
		if !checkedAtOpen(f, opts) {
			if err := checkStreamed(name, f, &streamed); err != nil {
				return err
			}
			continue
		}
		total += min(f.UncompressedSize64, 1<<62) // capped so the sum cannot wrap
		if total > uint64(opts.UnzipSizeLimit) {
			return fmt.Errorf("%s: %w: the workbook would unpack to more than %d bytes (Options.UnzipSizeLimit); "+
				"it may be a zip bomb: if it is a genuine workbook, export the sheet as CSV or raise the limit",
				name, ErrUnsupported, opts.UnzipSizeLimit)
		}
		if parsedWhole(f.Name) && f.UncompressedSize64 > uint64(opts.UnzipXMLSizeLimit) {
			return fmt.Errorf("%s: %w: part %s would unpack to %d bytes, over the %d-byte limit (Options.UnzipXMLSizeLimit) "+
				"for a part that is parsed whole; export the sheet as CSV or raise the limit",
				name, ErrUnsupported, f.Name, f.UncompressedSize64, opts.UnzipXMLSizeLimit)
		}
	}
	for _, f := range zr.File {
		if !checkedAtOpen(f, opts) {
			continue // a large worksheet: checked while it is streamed
		}
		if err := checkPart(f); err != nil {
			return fmt.Errorf("%s: %w: part %s of the workbook is damaged (%v); "+
				"open it in Excel and save it again, or export it as CSV", name, ErrUnsupported, f.Name, err)
		}
	}
	return nil
}

// Streamed worksheets are never held in memory, so UnzipSizeLimit does not
// apply to them; a zip bomb among them is still refused before anything
// is inflated, by its compression ratio (real sheet XML packs about 10:1,
// a bomb 1000:1) and by a cap on their total.
const (
	maxStreamRatio   = 200
	maxStreamedBytes = 16 << 30
)

func checkStreamed(name string, f *zip.File, streamed *uint64) error {
	*streamed += min(f.UncompressedSize64, 1<<62)
	if f.UncompressedSize64 > maxStreamRatio*f.CompressedSize64+(1<<20) || *streamed > maxStreamedBytes {
		return fmt.Errorf("%s: %w: part %s would unpack to %d bytes from %d; it may be a zip bomb: "+
			"if it is a genuine workbook, export the sheet as CSV", name, ErrUnsupported, f.Name,
			f.UncompressedSize64, f.CompressedSize64)
	}
	return nil
}

// checkedAtOpen reports whether checkZip inflates the part to check it.
// Worksheets over UnzipXMLSizeLimit are not: inflating hundreds of
// megabytes twice would double the time to read them, so sheetReader
// checks the same things as it streams the part.
func checkedAtOpen(f *zip.File, opts Options) bool {
	return !isWorksheet(f.Name) || f.UncompressedSize64 <= uint64(opts.UnzipXMLSizeLimit)
}

func isWorksheet(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasPrefix(lower, "xl/worksheets/sheet") && strings.HasSuffix(lower, ".xml")
}

// parsedWhole reports whether excelize parses a part into memory in one
// piece when it opens the workbook. Its structures take several times the
// XML's size, so these parts get the XML limit, not the overall one.
// (Worksheets and shared strings over the limit go to temp files and are
// streamed; calcChain grows with the formula count, so it is left to the
// overall limit.)
func parsedWhole(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, `\`, "/"))
	switch {
	case n == "xl/styles.xml", n == "xl/workbook.xml", n == "[content_types].xml",
		strings.HasSuffix(n, ".rels"), strings.HasPrefix(n, "xl/theme/"):
		return true
	}
	return false
}

// zipKind refuses zips that are some other kind of document, naming it.
func zipKind(name string, zr *zip.Reader) error {
	has := map[string]bool{}
	for _, f := range zr.File {
		has[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = true
	}
	var what string
	switch {
	case has["xl/workbook.xml"]:
		return nil
	case has["xl/workbook.bin"]:
		what = "an Excel binary workbook (.xlsb); save it from Excel as .xlsx or CSV"
	case has["mimetype"] || has["content.xml"]:
		what = "an OpenDocument file (.ods or similar, from LibreOffice or OpenOffice); save it as .xlsx or CSV"
	case has["word/document.xml"]:
		what = "a Word document, not a workbook"
	case has["ppt/presentation.xml"]:
		what = "a PowerPoint file, not a workbook"
	case has["[content_types].xml"] && has["_rels/.rels"]:
		return nil // an Office file with an unusual layout: let excelize judge
	default:
		what = "a zip archive, not an Excel workbook (it holds " + someNames(has) + "); unpack it first"
	}
	return fmt.Errorf("%s: %w: this is %s", name, ErrUnsupported, what)
}

func someNames(has map[string]bool) string {
	names := make([]string, 0, len(has))
	for n := range has {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	if len(names) == 0 {
		return "nothing"
	}
	return strings.Join(names, ", ")
}

// checkPart inflates one part into nothing, which checks its CRC, and for
// worksheet XML also checks what excelize's row iterator would otherwise
// stop at silently.
func checkPart(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return fmt.Errorf("compression method %d is not supported", f.Method)
		}
		return err
	}
	defer rc.Close()
	if !isWorksheet(f.Name) {
		_, err = io.Copy(io.Discard, rc)
		return err
	}
	x := &xmlCheck{}
	if _, err := io.Copy(x, rc); err != nil {
		return err
	}
	return x.result()
}

// xmlCheck looks at worksheet XML as it streams by: invalid UTF-8 and
// control characters make encoding/xml fail, and excelize then ends the
// sheet early as if it were complete; so does XML cut off before its end.
// It also checks the order of rows and cells (see cellOrder).
type xmlCheck struct {
	carry   []byte // the start of a rune split across writes
	tail    []byte
	offset  int64
	problem string
	other   bool // declares a non-UTF-8 encoding: leave the bytes be
	order   cellOrder
	noOrder bool // the caller checks the order itself
}

func (x *xmlCheck) Write(p []byte) (int, error) {
	if x.offset == 0 {
		decl, _, _ := bytes.Cut(p[:min(len(p), 200)], []byte("?>"))
		x.other = bytes.Contains(bytes.ToLower(decl), []byte("encoding=")) &&
			!bytes.Contains(bytes.ToLower(decl), []byte("utf-8"))
	}
	if x.problem == "" && !x.other {
		x.scan(p)
	}
	if !x.noOrder {
		x.order.feed(p)
	}
	x.offset += int64(len(p))
	x.tail = append(x.tail, p[max(0, len(p)-256):]...)
	x.tail = x.tail[max(0, len(x.tail)-256):]
	return len(p), nil
}

func (x *xmlCheck) scan(p []byte) {
	buf, base := p, x.offset
	if len(x.carry) > 0 {
		buf, base = append(x.carry, p...), x.offset-int64(len(x.carry))
		x.carry = nil
	}
	for i := 0; i < len(buf); {
		// Eight plain ASCII bytes at a time: none with the high bit set
		// and none below 0x20.
		if i+8 <= len(buf) {
			w := binary.LittleEndian.Uint64(buf[i:])
			if w&0x8080808080808080 == 0 && (w-0x2020202020202020)&^w&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		c := buf[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				x.problem = fmt.Sprintf("control byte 0x%02x in the sheet XML at byte %d", c, base+int64(i))
				return
			}
			i++
			continue
		}
		if !utf8.FullRune(buf[i:]) {
			x.carry = bytes.Clone(buf[i:])
			return
		}
		r, size := utf8.DecodeRune(buf[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			x.problem = fmt.Sprintf("invalid UTF-8 in the sheet XML at byte %d", base+int64(i))
			return
		}
		i += size
	}
}

// closesWorksheet reports whether the XML ends with </worksheet>, with or
// without a namespace prefix.
func closesWorksheet(tail []byte) bool {
	tail = bytes.TrimRight(tail, " \t\r\n\x00")
	if !bytes.HasSuffix(tail, []byte("worksheet>")) {
		return false
	}
	i := bytes.LastIndexByte(tail, '<')
	return i >= 0 && i+1 < len(tail) && tail[i+1] == '/'
}

func (x *xmlCheck) result() error {
	switch {
	case x.problem != "":
		return errors.New(x.problem)
	case x.order.problem != "":
		return errors.New(x.order.problem)
	case len(x.carry) > 0 && !x.other:
		return errors.New("the sheet XML ends inside a character")
	case !closesWorksheet(x.tail):
		return errors.New("the sheet XML is cut short (no closing worksheet tag)")
	}
	return nil
}
