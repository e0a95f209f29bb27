package source

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbookBytes builds a workbook with excelize: fill gets the new file,
// whose first sheet is "Sheet1".
func workbookBytes(t testing.TB, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// rezip copies a zip, passing each part through edit.
func rezip(t testing.TB, data []byte, edit func(name string, b []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		must(t, err)
		w, err := zw.Create(f.Name)
		must(t, err)
		_, err = w.Write(edit(f.Name, b.Bytes()))
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// rawEntry adds a part whose header states sizes and CRC as given, not as
// the data is: the way a zip bomb lies.
func rawEntry(t testing.TB, zw *zip.Writer, name string, content []byte, declared uint64) {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	fw.Write(content)
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared,
	})
	must(t, err)
	_, err = w.Write(comp.Bytes())
	must(t, err)
}

func zipOf(t testing.TB, parts map[string]string) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, content := range parts {
		w, err := zw.Create(name)
		must(t, err)
		w.Write([]byte(content))
	}
	must(t, zw.Close())
	return out.Bytes()
}

// TestXLSXRows: row numbers are sheet rows (gaps and a late start
// included), cells are raw values, rows come as they are.
func TestXLSXRows(t *testing.T) {
	data := workbookBytes(t, func(f *excelize.File) {
		must(t, f.SetSheetRow("Sheet1", "B5", &[]any{"id", "ok", "id", "when"}))
		must(t, f.SetSheetRow("Sheet1", "B7", &[]any{1, true, "x", 44197.5}))
		must(t, f.SetSheetRow("Sheet1", "B8", &[]any{2, false}))
		must(t, f.SetCellFormula("Sheet1", "B9", "1/0"))
		must(t, f.SetCellValue("Sheet1", "F9", "extra"))
	})
	tb := openOne(t, "rows.xlsx", data, Options{})
	res := drain(t, tb)
	if tb.Layout != LayoutPlain || tb.HeaderRow != 5 || tb.Encoding != "xlsx" || tb.Sheet != "Sheet1" {
		t.Errorf("table %+v", tb)
	}
	if want := []string{"", "id", "ok", "id", "when"}; !reflect.DeepEqual(tb.Header, want) {
		t.Errorf("Header %q, want %q", tb.Header, want)
	}
	want := []Row{
		{Num: 7, Cells: []string{"", "1", "1", "x", "44197.5"}},
		{Num: 8, Cells: []string{"", "2", "0"}},
		{Num: 9, Cells: []string{"", "", "", "", "", "extra"}}, // a formula with no cached value is ""
	}
	if !reflect.DeepEqual(res.rows, want) || res.err != nil || len(res.errs) > 0 {
		t.Errorf("rows %v, errs %v %v\nwant %v", res.rows, res.errs, res.err, want)
	}
}

func TestXLSXSheets(t *testing.T) {
	data := workbookBytes(t, func(f *excelize.File) {
		f.NewSheet("Data")
		f.NewSheet("Header only")
		f.NewSheet("Blank")
		must(t, f.SetSheetRow("Data", "A1", &[]any{"a", "b"}))
		must(t, f.SetSheetRow("Data", "A2", &[]any{1, 2}))
		must(t, f.SetSheetRow("Header only", "A1", &[]any{"h"}))
		must(t, f.SetCellStyle("Blank", "A1", "C3", 0))
		date1904 := true
		must(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}))
	})
	tables, err := openBytes("s.xlsx", data, Options{})
	must(t, err)
	var names []string
	for _, tb := range tables {
		names = append(names, tb.Sheet)
		if !tb.Date1904 {
			t.Errorf("%s: Date1904 false", tb.Sheet)
		}
		tb.Close()
	}
	if !reflect.DeepEqual(names, []string{"Data", "Header only"}) {
		t.Errorf("sheets %q", names)
	}
	tb := openOne(t, "s.xlsx", data, Options{Sheet: "Header only"})
	if res := drain(t, tb); tb.Header[0] != "h" || len(res.rows) > 0 {
		t.Errorf("header-only sheet: %q %v", tb.Header, res)
	}
	_, err = openBytes("s.xlsx", data, Options{Sheet: "Nope"})
	if !errors.Is(err, ErrSheetNotFound) || !strings.Contains(err.Error(), `"Sheet1", "Data", "Header only", "Blank"`) {
		t.Errorf("unknown sheet: %v", err)
	}
	_, err = openBytes("s.xlsx", data, Options{Sheet: "Blank"})
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("blank sheet: %v", err)
	}
	_, err = openBytes("s.xlsx", data, Options{HeaderMatch: func(c []string) bool { return c[0] == "a" }})
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), "choose") {
		t.Errorf("no header on one sheet: %v", err)
	}
	empty := workbookBytes(t, func(f *excelize.File) {})
	if _, err := openBytes("e.xlsx", empty, Options{}); !errors.Is(err, ErrEmpty) || !errors.Is(err, ErrUnsupported) {
		t.Errorf("empty workbook: %v", err)
	}
}

// TestXLSXCellLimit: an over-long cell is a RowError and the sheet goes on.
func TestXLSXCellLimit(t *testing.T) {
	data := workbookBytes(t, func(f *excelize.File) {
		must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"h"}))
		must(t, f.SetSheetRow("Sheet1", "A2", &[]any{strings.Repeat("x", 2000)}))
		must(t, f.SetSheetRow("Sheet1", "A3", &[]any{"fine"}))
	})
	res := drain(t, openOne(t, "c.xlsx", data, Options{MaxCellBytes: 1000}))
	if len(res.errs) != 1 || res.errs[0].Num != 2 || !reflect.DeepEqual(res.nums(), []int{3}) {
		t.Errorf("errs %v rows %v", res.errs, res.nums())
	}
}

func TestXLSXRefused(t *testing.T) {
	good := workbookBytes(t, func(f *excelize.File) {
		must(t, f.SetSheetRow("Sheet1", "A1", &[]any{"h", "i"}))
		must(t, f.SetSheetRow("Sheet1", "A2", &[]any{"a", "b"}))
	})
	editSheet := func(edit func([]byte) []byte) []byte {
		return rezip(t, good, func(name string, b []byte) []byte {
			if name == "xl/worksheets/sheet1.xml" {
				return edit(b)
			}
			return b
		})
	}
	var bomb, liar bytes.Buffer
	zw := zip.NewWriter(&bomb)
	rawEntry(t, zw, "xl/workbook.xml", []byte("<workbook/>"), 11)
	rawEntry(t, zw, "xl/worksheets/sheet1.xml", []byte("<worksheet/>"), 1<<40)
	must(t, zw.Close())
	var styles bytes.Buffer
	zw = zip.NewWriter(&styles)
	rawEntry(t, zw, "xl/workbook.xml", []byte("<workbook/>"), 11)
	rawEntry(t, zw, "xl/styles.xml", []byte("<styleSheet/>"), 100<<20)
	must(t, zw.Close())
	zw = zip.NewWriter(&liar)
	rawEntry(t, zw, "xl/workbook.xml", []byte("<workbook/>"), 11)
	rawEntry(t, zw, "xl/worksheets/sheet1.xml", make([]byte, 20<<20), 1024)
	must(t, zw.Close())

	cases := map[string]struct {
		data []byte
		want string
	}{
		"truncated":       {good[:len(good)/2], "damaged or cut short"},
		"not a workbook":  {zipOf(t, map[string]string{"readme.txt": "hi"}), "not an Excel workbook"},
		"word":            {zipOf(t, map[string]string{"[Content_Types].xml": "", "word/document.xml": ""}), "Word"},
		"ods":             {zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "OpenDocument"},
		"xlsb":            {zipOf(t, map[string]string{"xl/workbook.bin": ""}), ".xlsb"},
		"zip bomb":        {bomb.Bytes(), "zip bomb"},
		"huge styles":     {styles.Bytes(), "parsed whole"},
		"lying sizes":     {liar.Bytes(), "damaged"},
		"sheet cut short": {editSheet(func(b []byte) []byte { return b[:len(b)-30] }), "cut short"},
		"control byte":    {editSheet(func(b []byte) []byte { return bytes.Replace(b, []byte("<sheetData>"), []byte("<sheetData>\x01"), 1) }), "control byte"},
		"bad utf-8":       {editSheet(func(b []byte) []byte { return bytes.Replace(b, []byte("<sheetData>"), []byte("<sheetData>\xff"), 1) }), "UTF-8"},
		"bad crc":         {rezip(t, good, func(name string, b []byte) []byte { return b }), ""}, // replaced below
		"no workbook xml": {zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>"}), "cannot be read"},
		"random bytes":    {append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0xde, 0xad}, 100)...), "damaged or cut short"},
	}
	// Flip bytes inside the compressed data of the last part.
	crc := bytes.Clone(good)
	for i := len(crc) - 400; i < len(crc)-380; i++ {
		crc[i] ^= 0x55
	}
	cases["bad crc"] = struct {
		data []byte
		want string
	}{crc, "damaged"}
	for name, c := range cases {
		var err error
		alloc := allocated(func() { _, err = openBytes(name+".xlsx", c.data, Options{}) })
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), name+".xlsx") {
			t.Errorf("%s: err %v, want %q", name, err, c.want)
		}
		if alloc > 64<<20 {
			t.Errorf("%s: allocated %d MB to refuse it", name, alloc>>20)
		}
	}
}

// TestXLSXNamedWrong: the format comes from the content, not the name.
func TestXLSXNamedWrong(t *testing.T) {
	tb := openOne(t, "really-text.xlsx", []byte("a,b\n1,2\n"), Options{})
	if tb.Encoding != "utf-8" || tb.Header[1] != "b" {
		t.Errorf("text named .xlsx: %+v", tb)
	}
	if _, err := openBytes("noise.xlsx", []byte("\x00\x01\x02\x03garbage"), Options{}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("binary named .xlsx: %v", err)
	}
}
