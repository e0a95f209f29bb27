package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"testing"
)

// TestEncodePNG: the fast encoder is lossless, for opaque images and (via
// image/png) for others.
func TestEncodePNG(t *testing.T) {
	for _, alpha := range []uint8{0xff, 0x80} {
		img := image.NewRGBA(image.Rect(0, 0, 301, 97))
		for y := 0; y < 97; y++ {
			for x := 0; x < 301; x++ {
				img.SetRGBA(x, y, color.RGBA{uint8(x * y), uint8(x + 3*y), uint8(x ^ y), 0xff})
			}
		}
		img.SetRGBA(5, 5, color.RGBA{alpha, alpha, alpha, alpha})
		var buf bytes.Buffer
		if err := encodePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		// Colour type: RGB from the fast path for the opaque image, RGBA
		// from image/png for the other.
		if want := map[uint8]byte{0xff: 2, 0x80: 6}[alpha]; buf.Bytes()[25] != want {
			t.Errorf("alpha %d: colour type %d, want %d", alpha, buf.Bytes()[25], want)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for y := 0; y < 97; y++ {
			for x := 0; x < 301; x++ {
				r1, g1, b1, a1 := img.At(x, y).RGBA()
				r2, g2, b2, a2 := got.At(x, y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
					t.Fatalf("alpha %d: pixel %d,%d differs", alpha, x, y)
				}
			}
		}
	}
}

// BenchmarkEncodePNG encodes a chart-like image: white, with bars, lines
// and anti-aliased edges.
func BenchmarkEncodePNG(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 960, 720))
	for y := 0; y < 720; y++ {
		for x := 0; x < 960; x++ {
			c := color.RGBA{0xff, 0xff, 0xff, 0xff}
			switch {
			case y%90 < 40 && x < 200+y:
				c = color.RGBA{0x1b, 0x9e, 0x77, 0xff}
			case (x+y)%97 == 0:
				c = color.RGBA{uint8(x), uint8(y), 0x80, 0xff}
			}
			img.SetRGBA(x, y, c)
		}
	}
	b.SetBytes(int64(len(img.Pix)))
	for b.Loop() {
		if err := encodePNG(io.Discard, img); err != nil {
			b.Fatal(err)
		}
	}
}
