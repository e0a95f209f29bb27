// Package html renders report.html: one self-contained, accessible page
// (inline CSS, charts as inline SVG, no scripts and no network requests)
// with a statewide summary, one section per region, the methods and the
// data quality of the run. The same report always gives the same bytes.
package html

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"

	"needsmap/reports"
)

//go:embed templates/*.html templates/style.css
var files embed.FS

var page = template.Must(template.New("report").ParseFS(files, "templates/*.html"))

// css is the style sheet, inlined into the page's <style> element.
var css = func() template.CSS {
	b, err := files.ReadFile("templates/style.css")
	if err != nil {
		panic("html: " + err.Error())
	}
	return template.CSS(b)
}()

// Write renders the report as one HTML document. Nothing is written when
// rendering fails.
func Write(w io.Writer, r *reports.Report) error {
	if r == nil {
		return errors.New("html: no report")
	}
	v, err := newView(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := page.ExecuteTemplate(&buf, "report", v); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err = buf.WriteTo(w)
	return err
}

// view is everything the templates show, prepared so that the templates
// only loop and print.
type view struct {
	Title, Subtitle, Version string
	Notices                  []string
	Unsuppressed             bool
	CSS                      template.CSS
	Nav                      []navLink
	Statewide                *scopeView
	Regions                  []*scopeView
	Appendices               []sectionView
	Methods                  methods
	Quality                  quality
}

type navLink struct{ ID, Label string }

// keyFigure is one headline number of the statewide summary.
type keyFigure struct{ Label, Value, Note string }

func newView(r *reports.Report) (*view, error) {
	v := &view{Title: r.Title, Subtitle: r.Subtitle, Version: r.Version, Notices: r.Notices,
		Unsuppressed: !r.Suppressed, CSS: css}
	if v.Title == "" {
		v.Title = "Needs assessment report"
	}
	b := &builder{r: r, ids: map[string]bool{}}
	var err error
	if v.Statewide, err = b.scope(statewide, false); err != nil {
		return nil, err
	}
	v.Nav = append(v.Nav, navLink{v.Statewide.ID, v.Statewide.Name})
	for _, name := range r.Regions {
		s, err := b.scope(name, true)
		if err != nil {
			return nil, err
		}
		s.KeyFigures = keyFigures(r, name)
		v.Regions = append(v.Regions, s)
		v.Nav = append(v.Nav, navLink{s.ID, s.Name})
	}
	if v.Appendices, err = b.sections(""); err != nil {
		return nil, err
	}
	for _, a := range v.Appendices {
		v.Nav = append(v.Nav, navLink{a.ID, a.Title})
	}
	v.Nav = append(v.Nav, navLink{"methods", "Methods"}, navLink{"data-quality", "Data quality"})
	v.Statewide.KeyFigures = keyFigures(r, statewide)
	v.Statewide.ScopeTable = respondentsTable(r)
	v.Methods = newMethods(r)
	v.Quality = newQuality(r)
	return v, nil
}
