package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"time"
)

// zipTime is the modification time of every zip entry: the MS-DOS epoch.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// contentTypes is the package part listing the content types.
const contentTypes = "[Content_Types].xml"

// defaultsRun matches the run of <Default> elements of [Content_Types].xml.
var defaultsRun = regexp.MustCompile(`(?:<Default [^>]*>(?:</Default>)?)+`)

// defaultElem matches one <Default> element.
var defaultElem = regexp.MustCompile(`<Default [^>]*>(?:</Default>)?`)

// canonicalZip rewrites the package excelize produced so that its bytes
// depend only on its content. excelize (v2.11.0) iterates Go maps in two
// places: streamed sheets are zipped in map order, and the image content
// types (added with a chart) are listed in map order. So entries are
// re-ordered ([Content_Types].xml first, then by name), the <Default>
// content types are sorted, and every entry gets the same fixed time and
// compression.
func canonicalZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("read package: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		return entryKey(files[i].Name) < entryKey(files[j].Name)
	})
	zw := zip.NewWriter(w)
	for _, zf := range files {
		if err := copyEntry(zw, zf); err != nil {
			return fmt.Errorf("package entry %s: %w", zf.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write package: %w", err)
	}
	return nil
}

// entryKey sorts [Content_Types].xml before everything else.
func entryKey(name string) string {
	if name == contentTypes {
		return "\x00"
	}
	return "\x01" + name
}

// copyEntry copies one entry under a header that carries nothing but its
// name, method, sizes, checksum and the fixed time. Entries are copied
// compressed as they are (flate is deterministic); only
// [Content_Types].xml is decompressed, sorted and compressed again.
func copyEntry(zw *zip.Writer, zf *zip.File) error {
	if zf.Name == contentTypes {
		return copySorted(zw, zf)
	}
	raw, err := zf.OpenRaw()
	if err != nil {
		return err
	}
	fh := &zip.FileHeader{Name: zf.Name, Method: zf.Method, CRC32: zf.CRC32,
		CompressedSize64: zf.CompressedSize64, UncompressedSize64: zf.UncompressedSize64}
	fh.ModifiedDate, fh.ModifiedTime = zipDate, zipClock
	out, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, raw)
	return err
}

// zipDate and zipClock are zipTime in MS-DOS form, as a raw header needs.
var zipDate, zipClock = msDOSTime(zipTime)

func msDOSTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

func copySorted(zw *zip.Writer, zf *zip.File) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer func() { _ = rc.Close() }()
	out, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: zipTime})
	if err != nil {
		return err
	}
	b, err := io.ReadAll(rc)
	if err != nil {
		return err
	}
	_, err = out.Write(sortDefaults(b))
	return err
}

// sortDefaults sorts the <Default> elements of [Content_Types].xml (their
// order carries no meaning).
func sortDefaults(b []byte) []byte {
	return defaultsRun.ReplaceAllFunc(b, func(run []byte) []byte {
		elems := defaultElem.FindAll(run, -1)
		sort.Slice(elems, func(i, j int) bool { return bytes.Compare(elems[i], elems[j]) < 0 })
		return bytes.Join(elems, nil)
	})
}
