package charts

import (
	"image/color"
	"sync"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Theme is the look shared by every chart. Colours are from the Okabe–Ito
// set (distinguishable under the common colour-vision deficiencies) and, for
// the Likert scale, ColorBrewer's BrBG diverging scheme, which is rated
// colour-blind safe; its near-white middle is replaced by a mid grey so the
// neutral segment stays visible on white.
type Theme struct {
	Width vg.Length // canvas width; 7 in shows at about 700 px in HTML
	DPI   int       // PNG resolution

	Bar      color.Color   // single-series bars
	Interval color.Color   // error bars
	Ink      color.Color   // text
	Muted    color.Color   // subtitles, notes, axis labels
	Grid     color.Color   // grid lines
	Stack    []color.Color // categorical stacks (survivor types)
	Likert   []color.Color // diverging anchors, lowest level first

	Title, Subtitle, Tick, Label, Legend vg.Length // font sizes
}

// Okabe–Ito colours.
var (
	oiBlack     = color.RGBA{0x00, 0x00, 0x00, 0xff}
	oiOrange    = color.RGBA{0xE6, 0x9F, 0x00, 0xff}
	oiSkyBlue   = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	oiGreen     = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	oiBlue      = color.RGBA{0x00, 0x72, 0xB2, 0xff}
	oiVermilion = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	grey        = color.RGBA{0xBB, 0xBB, 0xBB, 0xff}
)

// DefaultTheme is used by every chart function.
var DefaultTheme = Theme{
	Width:    7 * vg.Inch,
	DPI:      96,
	Bar:      oiBlue,
	Interval: color.RGBA{0x33, 0x33, 0x33, 0xff},
	Ink:      color.RGBA{0x22, 0x22, 0x22, 0xff},
	Muted:    color.RGBA{0x55, 0x55, 0x55, 0xff},
	Grid:     color.RGBA{0xDD, 0xDD, 0xDD, 0xff},
	Stack:    []color.Color{oiBlue, oiOrange, oiGreen, grey, oiSkyBlue, oiVermilion, oiBlack},
	Likert: []color.Color{
		color.RGBA{0xA6, 0x61, 0x1A, 0xff}, // brown: not a need
		color.RGBA{0xDF, 0xC2, 0x7D, 0xff},
		color.RGBA{0xBD, 0xBD, 0xBD, 0xff}, // neutral grey
		color.RGBA{0x80, 0xCD, 0xC1, 0xff},
		color.RGBA{0x01, 0x85, 0x71, 0xff}, // teal: very high need
	},
	Title:    13,
	Subtitle: 10,
	Tick:     10,
	Label:    10,
	Legend:   9.5,
}

var (
	sans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	fontOnce sync.Once
)

// setupFonts makes Liberation Sans the default face of gonum/plot. The
// default is a package global read by plot.New, so it is set once, before
// the first chart, rather than per plot (which would race).
func setupFonts() {
	fontOnce.Do(func() {
		plot.DefaultFont = sans
	})
}

// style returns a text style in the theme's face.
func (t Theme) style(size vg.Length, c color.Color, bold bool) text.Style {
	f := sans
	if bold {
		f.Weight = xfont.WeightBold
	}
	f.Size = size
	return text.Style{Color: c, Font: f, Handler: plot.DefaultTextHandler}
}

// likert returns n colours running from the low anchor through the neutral
// grey to the high anchor; for five levels they are the anchors themselves.
func (t Theme) likert(n int) []color.Color {
	if n == len(t.Likert) {
		return t.Likert
	}
	out := make([]color.Color, n)
	for i := range out {
		pos := float64(i) / float64(max(n-1, 1)) * float64(len(t.Likert)-1)
		lo := int(pos)
		if lo >= len(t.Likert)-1 {
			out[i] = t.Likert[len(t.Likert)-1]
			continue
		}
		out[i] = mix(t.Likert[lo], t.Likert[lo+1], pos-float64(lo))
	}
	return out
}

func mix(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	m := func(x, y uint32) uint8 { return uint8((float64(x)*(1-f) + float64(y)*f) / 257) }
	return color.RGBA{m(ar, br), m(ag, bg), m(ab, bb), 0xff}
}
