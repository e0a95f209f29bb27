package charts

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"github.com/klauspost/compress/zlib"
	"hash/crc32"
	"image"
	"image/png"
	"io"
)

// encodePNG writes an opaque RGBA image as an 8-bit RGB PNG quickly.
// image/png tries all five row filters on every row and compresses at the
// default level, which made PNG encoding most of a run's time on the
// sample; charts are flat colour, so one fixed filter (Up: a row minus the
// row above) and zlib's fastest level give files about as small in a
// fraction of the time. Any image with transparency goes to image/png.
func encodePNG(w io.Writer, img image.Image) error {
	m, ok := img.(*image.RGBA)
	if !ok {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	var buf bytes.Buffer
	if !encodeOpaque(&buf, m) {
		// Some pixel is not opaque: image/png keeps the alpha.
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	_, err := buf.WriteTo(w)
	return err
}

// encodeOpaque encodes m as RGB, Up-filtered, and reports false, having
// written a partial stream, when a pixel is not opaque.
func encodeOpaque(w *bytes.Buffer, m *image.RGBA) bool {
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()
	w.WriteString("\x89PNG\r\n\x1a\n")
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(width))
	binary.BigEndian.PutUint32(hdr[4:], uint32(height))
	hdr[8], hdr[9] = 8, 2 // 8 bits per channel, truecolour
	bw := bufio.NewWriterSize(w, 64<<10)
	writeChunk(bw, "IHDR", hdr[:])
	idat := &chunkWriter{w: bw, typ: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return false
	}
	// Spare bytes: two pixels' six channels are stored as eight.
	filtered := make([]byte, 1+3*width+2)
	filtered[0] = 2 // Up
	prev := make([]byte, 4*width)
	for y := 0; y < height; y++ {
		row := m.Pix[y*m.Stride : y*m.Stride+4*width]
		if !upFilter(filtered[1:], row, prev) {
			return false
		}
		if _, err := zw.Write(filtered[:1+3*width]); err != nil {
			return false
		}
		prev = row
	}
	if zw.Close() != nil || idat.flush() != nil {
		return false
	}
	writeChunk(bw, "IEND", nil)
	return bw.Flush() == nil
}

// upFilter writes each channel of row minus the same channel of prev,
// bytewise modulo 256, three channels per pixel, and reports whether
// every pixel of row is opaque. Four channels are subtracted at a time
// without a borrow crossing between them.
func upFilter(out, row, prev []byte) bool {
	alpha := uint64(0xff000000ff000000)
	x, j := 0, 0
	for ; x+8 <= len(row) && j+8 <= len(out); x, j = x+8, j+6 {
		a := binary.LittleEndian.Uint64(row[x : x+8 : x+8])
		p := binary.LittleEndian.Uint64(prev[x : x+8 : x+8])
		alpha &= a
		d := ((a | 0x8080808080808080) - (p & 0x7f7f7f7f7f7f7f7f)) ^ ((a ^ ^p) & 0x8080808080808080)
		// Drop the alpha byte of each pixel: RGB of the first, then RGB of
		// the second, in the low six bytes.
		binary.LittleEndian.PutUint64(out[j:j+8:j+8], d&0xffffff|(d>>8)&0xffffff000000)
	}
	for ; x+4 <= len(row); x, j = x+4, j+3 {
		a, p := row[x:x+4:x+4], prev[x:x+4:x+4]
		out[j], out[j+1], out[j+2] = a[0]-p[0], a[1]-p[1], a[2]-p[2]
		if a[3] != 0xff {
			return false
		}
	}
	return alpha == 0xff000000ff000000
}

func writeChunk(w *bufio.Writer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// chunkWriter cuts the zlib stream into IDAT chunks of up to 256 KiB.
type chunkWriter struct {
	w   *bufio.Writer
	typ string
	buf []byte
}

const maxChunk = 256 << 10

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), maxChunk-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == maxChunk {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) > 0 {
		writeChunk(c.w, c.typ, c.buf)
		c.buf = c.buf[:0]
	}
	return nil
}
