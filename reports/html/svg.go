package html

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"needsmap/charts"
)

var (
	// rootSVG matches the opening tag of the root <svg> element.
	rootSVG = regexp.MustCompile(`(?s)^<svg\b([^>]*)>`)
	// attr matches one attribute of a tag.
	attr = regexp.MustCompile(`(?s)([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*')`)
	// link matches attributes and CSS that can point at a resource.
	link = regexp.MustCompile(`(?is)(?:href|src)\s*=\s*["']\s*([^"'\s]*)|url\(\s*["']?\s*([^"')\s]*)|@import`)
	// active matches elements and schemes that could run code.
	active = regexp.MustCompile(`(?i)<\s*(?:script|foreignObject|iframe|object|embed|animate|set)\b|javascript:`)
)

// keptRootAttrs are the root <svg> attributes carried into the page. The
// namespace declarations (which HTML does not need, and which name http://
// URIs) are dropped, and role and aria-label are set here, once.
var keptRootAttrs = map[string]bool{"width": true, "height": true, "viewBox": true,
	"preserveAspectRatio": true, "version": true, "style": true}

// inlineSVG turns a chart into markup for the page: charts.Chart.InlineSVG
// strips the prolog and adds a <title>; here the namespaces are dropped and
// role="img" with the chart's Alt (or Title) as aria-label is set. An SVG
// that could run code or fetch anything but inline data: is refused, which
// is what makes it safe to mark the result as template.HTML.
func inlineSVG(c charts.Chart) (template.HTML, error) {
	s := strings.TrimSpace(c.InlineSVG())
	loc := rootSVG.FindStringSubmatchIndex(s)
	if loc == nil || !strings.HasSuffix(s, "</svg>") {
		return "", fmt.Errorf("html: chart %s: not an SVG document", c.Name)
	}
	if err := checkSVG(s); err != nil {
		return "", fmt.Errorf("html: chart %s: %w", c.Name, err)
	}
	name := c.Alt
	if name == "" {
		name = c.Title
	}
	var b strings.Builder
	b.WriteString("<svg")
	for _, m := range attr.FindAllStringSubmatch(s[loc[2]:loc[3]], -1) {
		if keptRootAttrs[m[1]] {
			b.WriteString(" " + m[1] + "=" + m[2])
		}
	}
	b.WriteString(` role="img" aria-label="` + template.HTMLEscapeString(name) + `">`)
	b.WriteString(s[loc[1]:])
	return template.HTML(b.String()), nil
}

// mayBeActive reports whether lower (an SVG in lower case) could match
// active: it has "javascript:", or one of its element names right after a
// '<' and optional space.
func mayBeActive(lower string) bool {
	if strings.Contains(lower, "javascript:") {
		return true
	}
	for _, w := range []string{"script", "foreignobject", "iframe", "object", "embed", "animate", "set"} {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			if strings.HasSuffix(strings.TrimRight(lower[:i+j], " \t\r\n\f\v"), "<") {
				return true
			}
			i += j + 1
		}
	}
	return false
}

// checkSVG rejects active content and any reference that is neither a
// fragment (#id) nor inline data.
func checkSVG(s string) error {
	// The regular expressions are slow on a large chart; most charts
	// hold none of the words they look for, which is quick to see.
	lower := strings.ToLower(s)
	if mayBeActive(lower) {
		if m := active.FindString(s); m != "" {
			return fmt.Errorf("SVG contains active content %q", m)
		}
	}
	if !strings.Contains(lower, "href") && !strings.Contains(lower, "src") && !strings.Contains(lower, "url(") &&
		!strings.Contains(lower, "@import") {
		return nil
	}
	for _, m := range link.FindAllStringSubmatch(s, -1) {
		ref := m[1] + m[2]
		if strings.EqualFold(m[0], "@import") {
			return fmt.Errorf("SVG imports a style sheet")
		}
		if ref != "" && !strings.HasPrefix(ref, "#") && !strings.HasPrefix(strings.ToLower(ref), "data:") {
			return fmt.Errorf("SVG refers to an external resource %q", ref)
		}
	}
	return nil
}
