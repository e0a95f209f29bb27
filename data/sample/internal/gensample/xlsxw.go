package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"strings"
	"time"
)

// The generator lives under data/, which may not import excelize, so the
// sample workbooks are written by this minimal SpreadsheetML writer:
// inline strings, numbers, and date serials with a date format, in the
// 1900 or the 1904 date system. Entries carry a fixed time, so the bytes
// depend only on the content.

// xcell is one cell: a string, a number, or a date serial (Date true).
type xcell struct {
	Text   string
	Number float64
	IsNum  bool
	Date   bool
}

type xsheet struct {
	Name string
	Rows [][]xcell
}

func str(s string) xcell { return xcell{Text: s} }

func num(f float64) xcell { return xcell{Number: f, IsNum: true} }

func dateCell(serial float64) xcell { return xcell{Number: serial, IsNum: true, Date: true} }

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg  = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlHdr = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// writeXLSX writes the sheets to path.
func writeXLSX(path string, sheets []xsheet, date1904 bool) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		_, err = w.Write([]byte(xmlHdr + body))
		return err
	}
	parts := map[string]string{
		"[Content_Types].xml":        contentTypes(len(sheets)),
		"_rels/.rels":                `<Relationships xmlns="` + nsPkg + `"><Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            workbookXML(sheets, date1904),
		"xl/_rels/workbook.xml.rels": workbookRels(len(sheets)),
		"xl/styles.xml":              stylesXML,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} {
		if err := put(name, parts[name]); err != nil {
			return err
		}
	}
	for i, s := range sheets {
		if err := put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), sheetXML(s)); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func contentTypes(n int) string {
	var b strings.Builder
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
	}
	return b.String() + `</Types>`
}

func workbookXML(sheets []xsheet, date1904 bool) string {
	var b strings.Builder
	b.WriteString(`<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if date1904 {
		b.WriteString(`<workbookPr date1904="1"/>`)
	} else {
		b.WriteString(`<workbookPr/>`)
	}
	b.WriteString(`<sheets>`)
	for i, s := range sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, html.EscapeString(s.Name), i+1, i+1)
	}
	return b.String() + `</sheets></workbook>`
}

func workbookRels(n int) string {
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="` + nsPkg + `">`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i, nsRel, i)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>`, n+1, nsRel)
	return b.String() + `</Relationships>`
}

// stylesXML has two cell formats: general (0) and the short date of the
// reader's locale (built-in format 14, 1).
const stylesXML = `<styleSheet xmlns="` + nsMain + `">` +
	`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

func sheetXML(s xsheet) string {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="` + nsMain + `"><sheetData>`)
	for i, row := range s.Rows {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for j, c := range row {
			ref := colName(j) + fmt.Sprint(i+1)
			switch {
			case c.IsNum && c.Date:
				fmt.Fprintf(&b, `<c r="%s" s="1"><v>%s</v></c>`, ref, fmtNum(c.Number))
			case c.IsNum:
				fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, fmtNum(c.Number))
			case c.Text != "":
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, html.EscapeString(c.Text))
			}
		}
		b.WriteString(`</row>`)
	}
	return b.String() + `</sheetData></worksheet>`
}

func fmtNum(f float64) string { return fmt.Sprint(f) }

func colName(j int) string {
	s := ""
	for j++; j > 0; j = (j - 1) / 26 {
		s = string(rune('A'+(j-1)%26)) + s
	}
	return s
}
