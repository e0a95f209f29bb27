package source

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// book is what needsmap needs of a workbook before reading a sheet: the
// sheet names in order, where each sheet's XML is, the date system and the
// shared strings. It follows excelize's reading of the same parts (which
// tests check on every workbook of the corpus), but never inflates a
// worksheet while opening: sheets are streamed by sheetReader.
type book struct {
	parts    map[string]*zip.File
	sheets   []bookSheet
	date1904 bool
	sst      []string
}

type bookSheet struct {
	name string
	part string // "" when the workbook names no existing part for it
}

// maxMetaPart bounds the small parts (workbook, relationships) read into
// memory here; checkZip has already bounded the shared strings.
const maxMetaPart = 64 << 20

func openBook(r io.ReaderAt, size int64) (*book, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	b := &book{parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		b.parts[strings.ReplaceAll(f.Name, `\`, "/")] = f
	}
	wbPath := b.workbookPath()
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := b.decode(wbPath, &wb); err != nil {
		return nil, err
	}
	b.date1904, _ = strconv.ParseBool(strings.TrimSpace(wb.Pr.Date1904))
	rels, err := b.rels(path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels"))
	if err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets {
		bs := bookSheet{name: s.Name}
		if target, ok := rels[relID(s.Attr)]; ok {
			if p := worksheetPath(wbPath, target); b.parts[p] != nil {
				bs.part = p
			}
		}
		b.sheets = append(b.sheets, bs)
	}
	if b.sst, err = b.sharedStrings(); err != nil {
		return nil, err
	}
	return b, nil
}

// workbookPath is the officeDocument target of _rels/.rels, else
// xl/workbook.xml.
func (b *book) workbookPath() string {
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if b.decode("_rels/.rels", &rels) == nil {
		for _, r := range rels.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				return strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	return "xl/workbook.xml"
}

func (b *book) rels(name string) (map[string]string, error) {
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if _, ok := b.parts[name]; !ok {
		return map[string]string{}, nil
	}
	if err := b.decode(name, &rels); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rels.Rel {
		out[r.ID] = r.Target
	}
	return out, nil
}

// relID is a sheet's r:id, whatever prefix and namespace (Transitional or
// Strict) the workbook gives it.
func relID(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Local == "id" && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

func worksheetPath(wbPath, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Dir(wbPath)+"/"+target), "/")
}

func (b *book) decode(name string, v any) error {
	data, err := b.read(name, maxMetaPart)
	if err != nil {
		return err
	}
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(v); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

func (b *book) read(name string, limit int64) ([]byte, error) {
	f, ok := b.parts[name]
	if !ok {
		return nil, fmt.Errorf("the workbook has no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is over %d bytes", name, limit)
	}
	return data, nil
}

// sharedStrings reads xl/sharedStrings.xml as excelize does: each item is
// its text plus the text of its rich-text runs (phonetic runs left out),
// with _xHHHH_ escapes decoded.
func (b *book) sharedStrings() ([]string, error) {
	const name = "xl/sharedStrings.xml"
	f, ok := b.parts[name]
	if !ok {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var out []string
	for {
		tok, err := d.Token()
		if err != nil {
			break // excelize keeps what it read before an error
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "si" {
			continue
		}
		var si sstItem
		if err := d.DecodeElement(&si, &se); err != nil {
			break
		}
		out = append(out, si.String())
	}
	return out, nil
}

type sstText struct {
	Val string `xml:",chardata"`
}

type sstItem struct {
	T *sstText `xml:"t"`
	R []struct {
		T *sstText `xml:"t"`
	} `xml:"r"`
}

func (x sstItem) String() string {
	var s strings.Builder
	if x.T != nil {
		s.WriteString(x.T.Val)
	}
	for _, r := range x.R {
		if r.T != nil {
			s.WriteString(r.T.Val)
		}
	}
	return unescapeOOXML(s.String())
}

// unescapeOOXML decodes the _xHHHH_ escapes OOXML uses for characters XML
// cannot hold, as excelize's bstrUnmarshal does (_x005F_ is "_").
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6]) {
			if s[i:i+7] == "_x005F_" {
				out.WriteByte('_')
			} else if v, err := strconv.Unquote(`"\u` + s[i+2:i+6] + `"`); err == nil {
				out.WriteString(v)
			}
			i += 7
			continue
		}
		out.WriteByte(s[i])
		i++
	}
	return out.String()
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
