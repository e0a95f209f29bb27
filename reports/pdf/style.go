package pdf

// Page geometry in millimetres: US Letter with 0.75 in side margins, so
// the text column is 7 in wide — the width the charts are drawn for, which
// places them at their natural size.
const (
	pageW      = 215.9
	pageH      = 279.4
	marginX    = 19.05
	marginTop  = 21
	marginBot  = 20
	contentW   = pageW - 2*marginX
	pageBottom = pageH - marginBot
)

// Type sizes in points. Tables and captions never go below 9 pt.
const (
	sizeBody    = 10
	sizeSmall   = 9
	sizeTable   = 9
	sizeCaption = 10
	sizeH1      = 22
	sizeH2      = 13
	sizeKicker  = 8
	sizeRunning = 8
	sizeTag     = 7
)

// ptMM converts points to millimetres.
const ptMM = 25.4 / 72

// rgb is a colour.
type rgb struct{ r, g, b int }

// The palette of report.html: dark ink, navy headings, Okabe–Ito derived
// accents at WCAG AA contrast.
var (
	ink     = rgb{0x1b, 0x24, 0x30}
	muted   = rgb{0x4a, 0x55, 0x68}
	navy    = rgb{0x15, 0x30, 0x4f}
	blue    = rgb{0x00, 0x5a, 0x8c}
	rule    = rgb{0xd5, 0xdb, 0xe3}
	band    = rgb{0xf3, 0xf5, 0xf8}
	head    = rgb{0xe6, 0xeb, 0xf1}
	warnBg  = rgb{0xff, 0xf5, 0xdc}
	warnInk = rgb{0x4d, 0x32, 0x00}
	warnBar = rgb{0xb3, 0x62, 0x00}
	tieBg   = rgb{0xe4, 0xf0, 0xf8}
	tieInk  = rgb{0x00, 0x3d, 0x5f}
	tieLine = rgb{0x5b, 0x95, 0xc0}
	danger  = rgb{0x8a, 0x1c, 0x1c}
	white   = rgb{0xff, 0xff, 0xff}
	onNavy  = rgb{0xd9, 0xe4, 0xf0}
)

// unsuppressedBanner is the warning every page of an unsuppressed report
// carries, worded as in report.html.
const unsuppressedBanner = "UNSUPPRESSED — internal use only; do not publish."
