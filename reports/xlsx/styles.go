package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Number formats of the published values: counts as integers, statistics
// with six decimals (the same text as the CSV).
const (
	intFormat   = 1 // built-in "0"
	floatFormat = "0.000000"
)

// Heat-map colours: light blue (low) – near white – light orange (high),
// the ends of ColorBrewer's colour-blind-safe RdBu/PuOr diverging scales.
const (
	heatLow  = "#92C5DE"
	heatMid  = "#F7F7F7"
	heatHigh = "#F4A582"
)

// barColour is the Okabe–Ito blue, safe for colour-blind readers.
const barColour = "#0072B2"

// styles holds the style ids used in the workbook.
type styles struct {
	header, integer, float, suppressed  int
	title, heading, notice, alert, note int
}

// newStyles registers every style once.
func newStyles(f *excelize.File) (*styles, error) {
	floatFmt := floatFormat
	st := &styles{}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.header, excelize.Style{
			Font:   &excelize.Font{Bold: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9E1F2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "#8EA9DB", Style: 1}},
		}},
		{&st.integer, excelize.Style{NumFmt: intFormat}},
		{&st.float, excelize.Style{CustomNumFmt: &floatFmt}},
		{&st.suppressed, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.heading, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&st.notice, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.alert, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "#C00000"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#FDE9E7"}}}},
		{&st.note, excelize.Style{Font: &excelize.Font{Italic: true}}},
	}
	for i := range defs {
		id, err := f.NewStyle(&defs[i].s)
		if err != nil {
			return nil, fmt.Errorf("style %d: %w", i, err)
		}
		*defs[i].id = id
	}
	return st, nil
}

// printSetup prints a sheet landscape, one page wide.
func printSetup(f *excelize.File, sheet string) error {
	fit, landscape, wide, tall := true, "landscape", 1, 0
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("print setup: %w", err)
	}
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
	if err != nil {
		return fmt.Errorf("print setup: %w", err)
	}
	return nil
}
