package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// fuzzOpts keep every limit small so a fuzzed input cannot make a run
// slow or large; the limits themselves are under test too.
var fuzzOpts = Options{
	MaxCellBytes: 4 << 10, MaxRowBytes: 64 << 10, MaxColumns: 1000,
	UnzipSizeLimit: 8 << 20, UnzipXMLSizeLimit: 1 << 20,
}

// watchdog turns a hang into a crash with every goroutine's stack: the
// fuzzer has no time limit per input, and a crash makes it save the input.
func watchdog() (stop func() bool) {
	return time.AfterFunc(20*time.Second, func() {
		buf := make([]byte, 1<<20)
		panic("one input ran over 20 s:\n" + string(buf[:runtime.Stack(buf, true)]))
	}).Stop
}

// checkTables reads every table to its end and checks what must hold for
// any input: rows in order, no empty rows, valid UTF-8, limits kept.
func checkTables(t *testing.T, tables []*Table, err error) {
	if err != nil {
		if len(tables) > 0 {
			t.Fatalf("tables and error: %v", err)
		}
		return
	}
	for _, tb := range tables {
		last := tb.HeaderRow
		for i := 0; ; i++ {
			row, err := tb.Next()
			var re *RowError
			if errors.Is(err, io.EOF) {
				break
			}
			if errors.As(err, &re) {
				if re.Num <= last {
					t.Fatalf("row error %d after row %d", re.Num, last)
				}
				last = re.Num
				continue
			}
			if err != nil {
				break
			}
			if row.Num <= last || isEmpty(row.Cells) || len(row.Cells) > fuzzOpts.MaxColumns {
				t.Fatalf("row %d after %d: %q", row.Num, last, row.Cells)
			}
			last = row.Num
			for _, c := range row.Cells {
				if !utf8.ValidString(c) || len(c) > fuzzOpts.MaxCellBytes {
					t.Fatalf("row %d: bad cell %q", row.Num, c)
				}
			}
		}
		if err := tb.Close(); err != nil && tb.Encoding != "xlsx" {
			t.Fatalf("close: %v", err)
		}
	}
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "\xef\xbb\xbfh\r\n\"x\ny\",2\r\n", "a;b\rc;d\r", "\xff\xfeh\x00,\x00i\x00\n\x00",
		"V1,V2\nResponseID,x\n1,2\n", "Respondent ID,Q\n,Response\n1,2\n",
		"a,b\n{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\",\"choiceId\":\"1\"}\n{\"ImportId\":1},2\nx,y\n",
		"h\nCaf\xe9\n\"open\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog()()
		tables, err := openBytes("fuzz.csv", data, fuzzOpts)
		checkTables(t, tables, err)
	})
}

func FuzzXLSX(f *testing.F) {
	for _, name := range []string{"libreoffice_dates_1904.xlsx", "google_sheets_types_formats.xlsx"} {
		if b, err := os.ReadFile("testdata/corpus/xlsx/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer watchdog()()
		tables, err := openBytes("fuzz.xlsx", data, fuzzOpts)
		checkTables(t, tables, err)
	})
}

// skeleton is a minimal valid workbook whose parts FuzzXLSXParts replaces,
// so the fuzzer reaches the XML readers instead of failing zip checksums.
var skeleton = func() map[string][]byte {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"h", "i"})
	f.SetSheetRow("Sheet1", "A3", &[]any{1.5, true})
	buf, _ := f.WriteToBuffer()
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return parts
}()

func skeletonWith(replace map[string][]byte) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for name, b := range skeleton {
		if r, ok := replace[name]; ok {
			b = r
		}
		w, _ := zw.Create(name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

func FuzzXLSXParts(f *testing.F) {
	f.Add(skeleton["xl/worksheets/sheet1.xml"], skeleton["xl/sharedStrings.xml"], skeleton["xl/workbook.xml"])
	f.Add([]byte(`<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>7</v></c><c r="A3" t="b"><v>1</v></c></row>`+
		`<row r="2"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`),
		[]byte(`<sst><si><t>a</t></si><si><r><t>b</t></r></si></sst>`),
		[]byte(`<workbook><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	f.Fuzz(func(t *testing.T, sheet, sst, workbook []byte) {
		defer watchdog()()
		data := skeletonWith(map[string][]byte{
			"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst, "xl/workbook.xml": workbook,
		})
		tables, err := openBytes("fuzz.xlsx", data, fuzzOpts)
		checkTables(t, tables, err)
	})
}

// FuzzLayout feeds header detection rows directly: lines split on \n,
// cells on |, with a header matcher that wants a cell "id".
func FuzzLayout(f *testing.F) {
	f.Add("V1|V2\nResponseID|a\n1|2", true)
	f.Add("a|b\nq|r\n{\"ImportId\":\"QID1\"}|{\"ImportId\":\"x\",\"choiceId\":2}\n1", false)
	f.Add("Respondent ID|\n|Response|Email\n1", true)
	f.Fuzz(func(t *testing.T, text string, match bool) {
		lines := strings.Split(text, "\n")
		i := 0
		raw := func() (Row, error) {
			if i >= len(lines) {
				return Row{}, io.EOF
			}
			i++
			return Row{Num: i, Cells: strings.Split(lines[i-1], "|")}, nil
		}
		opts := Options{HeaderSearchRows: 5}.withDefaults()
		if match {
			opts.HeaderMatch = func(c []string) bool { return len(c) > 0 && c[0] == "id" }
		}
		tb, err := newTable("f", "", "utf-8", raw, nil, opts)
		if err != nil {
			return
		}
		if tb.HeaderRow < 1 || tb.HeaderRow > len(lines) || tb.Header == nil {
			t.Fatalf("HeaderRow %d of %d lines, Header %q", tb.HeaderRow, len(lines), tb.Header)
		}
		if (tb.ImportIDs != nil) != (tb.Layout == LayoutQualtrics) || len(tb.ImportIDs) != len(tb.ChoiceIDs) {
			t.Fatalf("layout %s with ImportIDs %q ChoiceIDs %q", tb.Layout, tb.ImportIDs, tb.ChoiceIDs)
		}
		for {
			if _, err := tb.Next(); err != nil {
				break
			}
		}
	})
}
