package charts

import (
	"bufio"
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
	if !ok || !opaque(m) {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	b := m.Bounds()
	width, height := b.Dx(), b.Dy()
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(width))
	binary.BigEndian.PutUint32(hdr[4:], uint32(height))
	hdr[8], hdr[9] = 8, 2 // 8 bits per channel, truecolour
	writeChunk(bw, "IHDR", hdr[:])
	idat := &chunkWriter{w: bw, typ: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	// Up filter straight from the RGBA rows: each output byte is a
	// channel minus the same channel one row up (zero above the first).
	filtered := make([]byte, 1+3*width)
	filtered[0] = 2 // Up
	zero := make([]byte, 4*width)
	prev := zero
	for y := 0; y < height; y++ {
		row := m.Pix[y*m.Stride : y*m.Stride+4*width]
		out := filtered[1:]
		for x := 0; x < width; x++ {
			s, p, o := row[4*x:4*x+3:4*x+3], prev[4*x:4*x+3:4*x+3], out[3*x:3*x+3:3*x+3]
			o[0], o[1], o[2] = s[0]-p[0], s[1]-p[1], s[2]-p[2]
		}
		if _, err := zw.Write(filtered); err != nil {
			return err
		}
		prev = row
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

func opaque(m *image.RGBA) bool {
	b := m.Bounds()
	for y := 0; y < b.Dy(); y++ {
		row := m.Pix[y*m.Stride : y*m.Stride+4*b.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0xff {
				return false
			}
		}
	}
	return true
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
