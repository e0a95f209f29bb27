// Package charts draws the report's figures with gonum/plot — top needs,
// top needs per region, Likert distributions, survivors served — in one
// colour-blind-safe theme, as SVG and PNG. Rendering is deterministic: the
// same results give byte-identical files.
package charts

import (
	"fmt"
	"html"
	"strings"
)

// Chart is one rendered figure.
type Chart struct {
	// Name is the file stem under charts/ (charts/<Name>.svg and .png).
	Name  string
	Title string
	// Alt is the text alternative: what the chart shows, in words and
	// numbers, for screen readers and for the report's figure caption.
	Alt string
	// Scope is "Statewide", a region name, or "" for a chart of all scopes.
	Scope string
	SVG   []byte // a standalone SVG document
	PNG   []byte
}

// InlineSVG returns the SVG ready to sit inside an HTML page: without the
// XML prolog and generator comment (not allowed mid-document), with
// role="img", an aria-label carrying the alt text and a <title> for the
// tooltip, and scaling to its container. gonum writes no id attributes, so
// many charts can share one page without collisions.
func (c Chart) InlineSVG() string {
	s := string(c.SVG)
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			s = cut(s, "?>")
		case strings.HasPrefix(s, "<!--"):
			s = cut(s, "-->")
		default:
			return addSVGAttrs(s, c.Title, c.Alt)
		}
	}
}

// cut drops s up to and including the first end marker.
func cut(s, end string) string {
	if _, after, ok := strings.Cut(s, end); ok {
		return after
	}
	return ""
}

func addSVGAttrs(s, title, alt string) string {
	if !strings.HasPrefix(s, "<svg") {
		return s
	}
	end := strings.Index(s, ">")
	if end < 0 {
		return s
	}
	if alt == "" {
		alt = title
	}
	attrs := fmt.Sprintf(` role="img" aria-label="%s" style="max-width:100%%;height:auto"`, html.EscapeString(alt))
	head := s[:end]
	if strings.HasSuffix(head, "/") {
		return s // an empty document: nothing to describe
	}
	t := ""
	if title != "" {
		t = "\n<title>" + html.EscapeString(title) + "</title>"
	}
	return head + attrs + ">" + t + s[end+1:]
}
