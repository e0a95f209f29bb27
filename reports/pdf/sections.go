package pdf

import (
	"fmt"

	"needsmap/reports"
)

// sections draws the sections other stages added to a scope, or with
// scope "" the appendices, each of those on its own pages.
func (d *doc) sections(scope string) error {
	for _, s := range d.r.SectionsFor(scope) {
		if scope == "" {
			d.part("Appendix", s.Title)
		} else {
			d.heading(s.Title, 2)
		}
		if err := d.section(s); err != nil {
			return err
		}
	}
	return nil
}

func (d *doc) section(s reports.Section) error {
	for _, p := range s.Paragraphs {
		d.para(p, "", sizeBody, ink)
	}
	for _, t := range s.Tables {
		d.table(wholeTable(t))
	}
	for _, name := range s.Charts {
		c, ok := d.r.Chart(name)
		if !ok {
			return fmt.Errorf("pdf: section %q shows chart %q, which the report does not have", s.Title, name)
		}
		if err := d.figure(c, figureOpts{numbered: true, alt: true}); err != nil {
			return err
		}
	}
	return nil
}
