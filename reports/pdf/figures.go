package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"needsmap/charts"
)

// maxAltLines is how long a chart's text alternative may be to go under
// it as part of the caption; longer ones (a Likert chart lists every
// level of every need) would fill a page with what the chart and the
// tables already show.
const maxAltLines = 6

// register embeds a chart's PNG once per document, under the chart's name,
// and returns its height/width ratio.
func (d *doc) register(c charts.Chart) (float64, error) {
	if ratio, ok := d.images[c.Name]; ok {
		return ratio, nil
	}
	if len(c.PNG) == 0 {
		return 0, fmt.Errorf("pdf: chart %s has no PNG rendering", c.Name)
	}
	info := d.f.RegisterImageOptionsReader(c.Name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(c.PNG))
	if err := d.f.Error(); err != nil || info == nil || info.Width() <= 0 {
		return 0, fmt.Errorf("pdf: chart %s: %v", c.Name, err)
	}
	ratio := info.Height() / info.Width()
	d.images[c.Name] = ratio
	return ratio, nil
}

// figureOpts says how to show a chart.
type figureOpts struct {
	numbered bool    // "Figure n." before the title
	alt      bool    // the text alternative under the title, when short
	maxH     float64 // the most height the chart may take; 0 is a page
	bare     bool    // no caption: the chart's own title says it
	// shrink lets a chart that does not fit in the rest of the page be
	// drawn smaller there, down to this share of its width, rather than
	// move to the next page.
	shrink float64
	// reserve is room to leave under the chart for what follows.
	reserve float64
}

// figure draws a chart with its caption. The chart keeps its aspect
// ratio: drawn across the text column (its natural size) when it fits,
// else scaled down and centred.
func (d *doc) figure(c charts.Chart, o figureOpts) error {
	ratio, err := d.register(c)
	if err != nil {
		return err
	}
	caption := c.Title
	if o.numbered {
		d.figures++
		caption = "Figure " + strconv.Itoa(d.figures) + ". " + caption
	}
	d.setFont("B", sizeCaption)
	capLH := lineHeight(sizeCaption)
	capLines := d.wrap(caption, contentW)
	if o.bare {
		capLines = nil
	}
	var altLines []string
	if o.alt && c.Alt != "" {
		d.setFont("", sizeSmall)
		if lines := d.wrap(c.Alt, contentW); len(lines) <= maxAltLines {
			altLines = lines
		}
	}
	capH := float64(len(capLines))*capLH + float64(len(altLines))*lineHeight(sizeSmall) + 2
	w := contentW
	h := w * ratio
	room := pageBottom - marginTop - capH - 2
	if o.maxH > 0 {
		room = min(room, o.maxH)
	}
	if h > room {
		h, w = room, room/ratio
	}
	d.gap(3)
	if rest := pageBottom - d.y() - capH - 5 - o.reserve; o.shrink > 0 && h > rest && rest >= h*o.shrink {
		h, w = rest, rest/ratio
	}
	d.need(h + capH + 2)
	top := d.y()
	d.f.ImageOptions(c.Name, marginX+(contentW-w)/2, top, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	d.drawColor(rule)
	d.f.SetLineWidth(0.2)
	d.f.Rect(marginX+(contentW-w)/2, top, w, h, "D")
	d.setY(top + h + 2)
	d.setFont("B", sizeCaption)
	d.textColor(navy)
	for _, line := range capLines {
		d.text(marginX, d.y(), capLH, line)
		d.setY(d.y() + capLH)
	}
	d.setFont("", sizeSmall)
	d.textColor(muted)
	for _, line := range altLines {
		d.text(marginX, d.y(), lineHeight(sizeSmall), line)
		d.setY(d.y() + lineHeight(sizeSmall))
	}
	d.setY(d.y() + 4)
	return d.f.Error()
}
