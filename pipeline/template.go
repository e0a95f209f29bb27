package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"needsmap/data/normalize"
	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/xlsx"
)

// TemplateKinds are the input templates needsmap writes.
var TemplateKinds = []string{"referrals", "resources", "milestones", "trainings"}

// privacy is the instructions' privacy paragraph.
const privacy = "Privacy: never enter a name, date of birth, phone number, e-mail or street address of a client, " +
	"or any other detail that identifies a person. needsmap refuses a referral sheet with such a column."

// WriteTemplate writes a blank input workbook of the given kind to path,
// refusing to replace an existing file.
func WriteTemplate(cfg Config, kind, path string) error {
	t, err := Template(cfg, kind)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose another file name", path)
	}
	var buf bytes.Buffer
	if err := xlsx.WriteTemplate(&buf, t); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Template builds the template of one input from the configuration: its
// columns are the canonical names the default reader maps without
// configuration, its lists the configured categories, regions, counties
// and statuses.
func Template(cfg Config, kind string) (*reports.Template, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	geo, err := reference.Load(cfg.Reference)
	if err != nil {
		return nil, fmt.Errorf("reference data: %w", err)
	}
	regions, err := regionOrder(cfg, geo)
	if err != nil {
		return nil, err
	}
	vocab, err := cfg.Vocabulary()
	if err != nil {
		return nil, err
	}
	l := templateLists(vocab, geo, regions)
	switch kind {
	case "referrals":
		return referralTemplate(l), nil
	case "trainings":
		return trainingTemplate(l), nil
	case "milestones":
		return milestoneTemplate(l), nil
	case "resources":
		return resourceTemplate(l, vocab), nil
	}
	return nil, fmt.Errorf("unknown template %q: want %s", kind, strings.Join(TemplateKinds, ", "))
}

// templateLists are every drop-down list the templates use.
func templateLists(v *normalize.Vocabulary, geo *reference.Geography, regions []string) map[string]reports.TemplateList {
	out := map[string]reports.TemplateList{}
	add := func(name string, values []string) { out[name] = reports.TemplateList{Name: name, Values: values} }
	var services, needs []string
	for _, c := range v.Categories {
		services = append(services, c.Label)
	}
	needs = append(needs, services...)
	for _, g := range v.Combined {
		needs = append(needs, g.Label)
	}
	add("services", services)
	add("needs", needs)
	add("regions", regions)
	add("regions and Statewide", append(append([]string(nil), regions...), schema.StatewideRegion))
	var counties []string
	for _, c := range geo.Counties {
		counties = append(counties, CountyChoice(c))
	}
	add("counties", counties)
	add("counties and Statewide", append(append([]string(nil), counties...), schema.StatewideRegion))
	var statuses []string
	for _, s := range schema.ReferralStatuses {
		statuses = append(statuses, s.String())
	}
	add("referral statuses", statuses)
	add("event types", append([]string(nil), schema.TrainingTypes...))
	add("audiences", []string{"Law enforcement", "Health care providers", "Social service providers", "Legal professionals",
		"School staff", "Faith community", "General public", "Hospitality staff", "Mixed"})
	var terms []string
	for _, t := range schema.Terms {
		terms = append(terms, t.String())
	}
	add("terms", terms)
	add("milestone statuses", []string{"not_started", "in_progress", "complete", "dropped"})
	add("yes/no", []string{"yes", "no"})
	return out
}

// CountyChoice is a county as the templates' drop-down offers it: its
// FIPS code first (what the readers use), then a readable name that tells
// St. Louis city from St. Louis County.
func CountyChoice(c schema.County) string {
	kind := " County"
	if len(c.FIPS) == 5 && c.FIPS[2:] >= "510" {
		kind = " city"
	}
	return c.FIPS + " " + c.Name + kind + ", " + c.State
}

func lists(l map[string]reports.TemplateList, names ...string) []reports.TemplateList {
	out := make([]reports.TemplateList, len(names))
	for i, n := range names {
		out[i] = l[n]
	}
	return out
}
