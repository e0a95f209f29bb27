package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

const surveyHeader = "respondent_id,region,sector,need_mental_health,need_legal_assistance\n"

// workbookWithSheet returns a workbook whose first sheet's XML is
// replaced by sheet; a sheet "" leaves excelize's.
func workbookWithSheet(t *testing.T, rows [][]any, sheet func(w io.Writer)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	if sheet == nil {
		return buf.Bytes()
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, _ := zw.Create(zf.Name)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			sheet(w)
			continue
		}
		rc, _ := zf.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return out.Bytes()
}

// hostile is one file a user might hand needsmap.
type hostile struct {
	name    string
	make    func(t *testing.T, path string)
	exit    int
	stderr  []string // each must appear (the file name always must)
	stdout  []string
	rejects string // must appear in rejects.csv
	maxHeap uint64 // bytes the heap may reach during the run, 0 for no check
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func hostileFiles() []hostile {
	return []hostile{
		{name: "bomb.xlsx", exit: 1, stderr: []string{"zip bomb"}, maxHeap: 100 << 20,
			make: func(t *testing.T, path string) {
				// 256 MiB of XML that deflates to a quarter of a megabyte, sizes
				// declared honestly.
				writeFile(t, path, workbookWithSheet(t, nil, func(w io.Writer) {
					io.WriteString(w, `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`)
					zeros := make([]byte, 1<<20)
					for range 256 {
						w.Write(zeros)
					}
					io.WriteString(w, `</t></is></c></row></sheetData></worksheet>`)
				}))
			}},
		{name: "password.xlsx", exit: 1, stderr: []string{"password-protected"},
			make: func(t *testing.T, path string) {
				writeFile(t, path, append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), bytes.Repeat([]byte{0}, 4096)...))
			}},
		{name: "truncated.xlsx", exit: 1, stderr: []string{"damaged or cut short"},
			make: func(t *testing.T, path string) {
				b := workbookWithSheet(t, [][]any{{"respondent_id", "region", "need_mental_health"}, {1, "St. Louis", 3}}, nil)
				writeFile(t, path, b[:len(b)/2])
			}},
		{name: "notzip.xlsx", exit: 1, stderr: []string{"binary data"},
			make: func(t *testing.T, path string) {
				b := make([]byte, 8192)
				for i := range b {
					b[i] = byte(i * 7)
				}
				writeFile(t, path, b)
			}},
		{name: "binary.csv", exit: 1, stderr: []string{"binary data"},
			make: func(t *testing.T, path string) {
				writeFile(t, path, bytes.Repeat([]byte{0x00, 0x01, 0x89, 'P', 'N', 'G'}, 2000))
			}},
		{name: "bigcell.csv", exit: 0, stdout: []string{"3 rows read, 2 kept"}, maxHeap: 100 << 20,
			rejects: "a cell of 104857600 bytes is over the 1048576-byte limit",
			make: func(t *testing.T, path string) {
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				f.WriteString(surveyHeader + "1,St. Louis,Shelter,4,3\n2,St. Louis,\"")
				chunk := bytes.Repeat([]byte("x"), 1<<20)
				for range 100 {
					f.Write(chunk)
				}
				f.WriteString("\",4,2\n3,Central,Legal,3,4\n")
			}},
		{name: "mixed-endings.csv", exit: 0, stdout: []string{"4 rows read, 4 kept, 0 problems"},
			make: func(t *testing.T, path string) {
				writeFile(t, path, []byte("respondent_id,region,sector,need_mental_health,need_legal_assistance\r\n"+
					"1,St. Louis,A,4,3\n2,Central,B,2,2\r3,Southwest,C,1,4\r\n4,Kansas City,D,3,3"))
			}},
		{name: "windows-1252.csv", exit: 0, stdout: []string{"2 rows read, 2 kept, 0 problems"},
			make: func(t *testing.T, path string) {
				writeFile(t, path, []byte(surveyHeader+"1,St. Louis,Caf\xe9 \x96 services,4,3\n2,Central,Legal,3,4\n"))
			}},
		{name: "utf-16.csv", exit: 0, stdout: []string{"2 rows read, 2 kept, 0 problems"},
			make: func(t *testing.T, path string) {
				text := surveyHeader + "1,St. Louis,Café,4,3\r\n2,Central,Legal,3,4\r\n"
				b := []byte{0xff, 0xfe}
				for _, u := range utf16.Encode([]rune(text)) {
					b = append(b, byte(u), byte(u>>8))
				}
				writeFile(t, path, b)
			}},
		{name: "styled-empty.xlsx", exit: 0, stdout: []string{"2 rows read, 2 kept, 0 problems"},
			make: func(t *testing.T, path string) {
				// A million styled empty cells after the data, as a sheet
				// formatted down to row 1000 and across 1000 columns.
				writeFile(t, path, workbookWithSheet(t, nil, func(w io.Writer) {
					io.WriteString(w, `<worksheet><sheetData>`+
						`<row r="1"><c r="A1" t="inlineStr"><is><t>respondent_id</t></is></c><c r="B1" t="inlineStr"><is><t>region</t></is></c>`+
						`<c r="C1" t="inlineStr"><is><t>need_mental_health</t></is></c></row>`+
						`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Central</t></is></c><c r="C2"><v>4</v></c></row>`+
						`<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>St. Louis</t></is></c><c r="C3"><v>2</v></c></row>`)
					var row bytes.Buffer
					for r := 4; r < 1004; r++ {
						row.Reset()
						fmt.Fprintf(&row, `<row r="%d">`, r)
						for c := 1; c <= 1000; c++ {
							cell, _ := excelize.CoordinatesToCellName(c, r)
							fmt.Fprintf(&row, `<c r="%s" s="1"/>`, cell)
						}
						row.WriteString(`</row>`)
						w.Write(row.Bytes())
					}
					io.WriteString(w, `</sheetData></worksheet>`)
				}))
			}},
		{name: "duplicate-headers.csv", exit: 0, stdout: []string{"2 rows read, 2 kept, 1 problems"}, rejects: "the rating of mental_health like column C",
			make: func(t *testing.T, path string) {
				writeFile(t, path, []byte("respondent_id,region,need_mental_health,need_mental_health\n1,Central,4,1\n2,Central,3,0\n"))
			}},
	}
}

// watchHeap samples the live heap every millisecond until the returned
// function is called, which gives the largest value seen.
func watchHeap() func() uint64 {
	stop := make(chan struct{})
	done := make(chan uint64)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		return <-done
	}
}

// TestHostileFiles hands needsmap run broken and hostile files, end to
// end through the command line: each is refused with a message naming the
// file, or read with its problems listed, never a panic; the zip bomb and
// the 100 MB cell cost well under 100 MiB.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	for _, h := range hostileFiles() {
		t.Run(h.name, func(t *testing.T) {
			path := filepath.Join(dir, h.name)
			h.make(t, path)
			var stdout, stderr bytes.Buffer
			runtime.GC()
			peak := watchHeap()
			code := run([]string{"run", "--survey", path, "--bootstrap", "0", "--out", filepath.Join(dir, "out-"+h.name)},
				nil, &stdout, &stderr, nil)
			heap := peak()
			if code != h.exit {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, h.exit, stdout.String(), stderr.String())
			}
			if h.exit != 0 && !strings.Contains(stderr.String(), h.name) {
				t.Errorf("the message does not name the file: %s", stderr.String())
			}
			for _, want := range h.stderr {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q: %s", want, stderr.String())
				}
			}
			for _, want := range h.stdout {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("stdout lacks %q: %s", want, stdout.String())
				}
			}
			if h.rejects != "" {
				b, _ := os.ReadFile(filepath.Join(dir, "out-"+h.name, "rejects.csv"))
				if !strings.Contains(string(b), h.rejects) {
					t.Errorf("rejects.csv lacks %q:\n%s", h.rejects, b)
				}
			}
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("panic: %s", stderr.String())
			}
			if h.maxHeap > 0 && heap > h.maxHeap {
				t.Errorf("the heap reached %d MiB, over %d MiB", heap>>20, h.maxHeap>>20)
			}
		})
	}
}
