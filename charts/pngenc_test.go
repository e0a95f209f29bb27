package charts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
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
