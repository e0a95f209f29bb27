package normalize

import (
	"errors"
	"fmt"
	"strings"

	"needsmap/data/schema"
	"needsmap/data/source"
)

// milestoneFields are the logic-model tracker's canonical columns (SPEC).
var milestoneFields = []string{"region", "need", "resource", "task", "term", "outcome", "target", "status", "completed_on", "notes"}

// MilestoneFields lists the canonical tracker columns in template order.
func MilestoneFields() []string { return append([]string(nil), milestoneFields...) }

// ProgressSpec lists the spellings of one reported milestone status.
type ProgressSpec struct {
	// Status is not_started, in_progress, complete or dropped.
	Status string   `mapstructure:"status"`
	Values []string `mapstructure:"values"`
}

// StartSpec is one region's start date for offset targets ("+6m").
type StartSpec struct {
	Region string `mapstructure:"region"`
	Date   string `mapstructure:"date"`
}

// MilestoneOptions say how the logic-model tracker is read and judged.
type MilestoneOptions struct {
	Columns  map[string][]string `mapstructure:"columns"`
	Statuses []ProgressSpec      `mapstructure:"statuses"`
	// StartDate anchors offset targets ("+6m") of regions with no entry in
	// StartDates; empty means offsets need a region entry.
	StartDate  string      `mapstructure:"start_date"`
	StartDates []StartSpec `mapstructure:"start_dates"`
	// DueSoonDays: an open milestone due within this many days after the
	// as-of date is due_soon rather than on_track.
	DueSoonDays int `mapstructure:"due_soon_days"`
}

// Validate checks the options against the vocabulary.
func (o *MilestoneOptions) Validate(v *Vocabulary) error {
	if _, err := newFieldSet("milestones", milestoneFields, o.Columns); err != nil {
		return err
	}
	if _, err := newProgressVocab(o.Statuses); err != nil {
		return err
	}
	if _, err := o.Starts(v); err != nil {
		return err
	}
	if o.DueSoonDays < 0 {
		return fmt.Errorf("milestones.due_soon_days %d: want 0 or more", o.DueSoonDays)
	}
	return nil
}

// Starts compiles the start dates: region ("" for the default) → date.
func (o *MilestoneOptions) Starts(v *Vocabulary) (map[string]schema.Date, error) {
	out := map[string]schema.Date{}
	parse := func(key, s string) (schema.Date, error) {
		d, ok, err := isoDate(strings.TrimSpace(s))
		if !ok || err != nil || len(strings.TrimSpace(s)) != 10 {
			return schema.NoDate, fmt.Errorf("%s %q: want a date as 2020-01-31", key, s)
		}
		return d, nil
	}
	if o.StartDate != "" {
		d, err := parse("milestones.start_date", o.StartDate)
		if err != nil {
			return nil, err
		}
		out[""] = d
	}
	for i, s := range o.StartDates {
		region, ok := v.Region(s.Region)
		if !ok && isStatewide(s.Region) {
			region, ok = schema.StatewideRegion, true
		}
		if !ok {
			return nil, fmt.Errorf("milestones.start_dates[%d]: unknown region %q", i, s.Region)
		}
		d, err := parse(fmt.Sprintf("milestones.start_dates[%d].date", i), s.Date)
		if err != nil {
			return nil, err
		}
		out[region] = d
	}
	return out, nil
}

type progressVocab map[string]schema.Progress

var progressNames = []schema.Progress{schema.ProgressNotStarted, schema.ProgressInProgress, schema.ProgressComplete, schema.ProgressDropped}

func newProgressVocab(specs []ProgressSpec) (progressVocab, error) {
	v := progressVocab{}
	for _, p := range progressNames {
		v[Fold(p.String())] = p
	}
	for i, s := range specs {
		var p schema.Progress
		for _, c := range progressNames {
			if c.String() == s.Status {
				p = c
			}
		}
		if p == schema.ProgressNone {
			return nil, fmt.Errorf("milestones.statuses[%d]: status %q: want not_started, in_progress, complete or dropped", i, s.Status)
		}
		for _, val := range s.Values {
			k := Fold(val)
			if prev, dup := v[k]; dup && prev != p {
				return nil, fmt.Errorf("milestones.statuses: %q means both %s and %s", val, prev, p)
			}
			v[k] = p
		}
	}
	return v, nil
}

var termNames = map[string]schema.Term{
	"short": schema.TermShort, "short term": schema.TermShort, "st": schema.TermShort,
	"medium": schema.TermMedium, "medium term": schema.TermMedium, "mid": schema.TermMedium, "mid term": schema.TermMedium,
	"intermediate": schema.TermMedium, "mt": schema.TermMedium,
	"long": schema.TermLong, "long term": schema.TermLong, "lt": schema.TermLong,
	"ultimate": schema.TermUltimate, "ultimate outcome": schema.TermUltimate, "ultimate goal": schema.TermUltimate, "goal": schema.TermUltimate,
}

// Milestones reads a logic-model tracker.
type Milestones struct {
	Vocab   *Vocabulary
	Options MilestoneOptions
	Report  func(schema.Problem)
}

// Read maps the table and returns its milestones (trackers are small).
func (r *Milestones) Read(t *source.Table) ([]schema.Milestone, Stats, error) {
	st := Stats{File: t.File, Sheet: t.Sheet, Layout: t.Layout, Encoding: t.Encoding}
	fs, err := newFieldSet("milestones", milestoneFields, r.Options.Columns)
	if err != nil {
		return nil, st, err
	}
	m, err := mapTable(t, fs, 3, []string{"region", "outcome", "target", "status"}, r.Report)
	if err != nil {
		return nil, st, err
	}
	progress, err := newProgressVocab(r.Options.Statuses)
	if err != nil {
		return nil, st, err
	}
	starts, err := r.Options.Starts(r.Vocab)
	if err != nil {
		return nil, st, err
	}
	var out []schema.Milestone
	err = streamRows(t, r.Report, &st, func(row source.Row) (bool, int, error) {
		if !m.widthOK(row) {
			return false, 0, nil
		}
		ms, ok, bad := r.parse(m, row, progress, starts)
		if ok {
			out = append(out, ms)
		}
		return ok, bad, nil
	})
	return out, st, err
}

func (r *Milestones) parse(m *mapped, row source.Row, progress progressVocab, starts map[string]schema.Date) (schema.Milestone, bool, int) {
	ms := schema.Milestone{Source: schema.Position{File: m.t.File, Sheet: m.t.Sheet, Row: row.Num},
		Resource: m.text(row, "resource"), Task: m.text(row, "task"), Outcome: m.text(row, "outcome")}
	name, col, _ := m.field(row, "region")
	switch region, ok := r.Vocab.Region(name); {
	case ok:
		ms.Region = region
	case isStatewide(name):
		ms.Region = schema.StatewideRegion
	default:
		m.problem(row.Num, col, "unknown region (a region, or State for statewide milestones); row not used", clip(name))
		return ms, false, 0
	}
	s, scol, _ := m.field(row, "status")
	if s != "" {
		p, ok := progress[Fold(s)]
		if !ok {
			m.problem(row.Num, scol, "unknown status (not_started, in_progress, complete or dropped; add spellings to milestones.statuses); row not used", clip(s))
			return ms, false, 0
		}
		ms.Reported = p
	}
	ms.Need, ms.Label = r.need(m.text(row, "need"))
	bad := r.term(m, row, &ms) + r.target(m, row, &ms, starts) + r.completion(m, row, &ms)
	return ms, true, bad
}

// need resolves a category or combined category by key, label or alias;
// any other text (a table covering several needs) is kept as written.
func (r *Milestones) need(s string) (key, label string) {
	if i, ok := r.Vocab.CategoryIndex(s); ok {
		c := r.Vocab.Categories[i]
		return c.Key, c.Label
	}
	for _, g := range r.Vocab.Combined {
		if Fold(s) == Fold(g.Key) || Fold(s) == Fold(g.Label) {
			return g.Key, g.Label
		}
	}
	return s, s
}

func (r *Milestones) term(m *mapped, row source.Row, ms *schema.Milestone) int {
	s, col, _ := m.field(row, "term")
	if s == "" {
		return 0
	}
	k := strings.TrimSuffix(strings.TrimSuffix(Fold(s), "s"), " outcome")
	t, ok := termNames[k]
	if !ok {
		m.problem(row.Num, col, "unknown term (short, medium, long or ultimate); cell ignored", clip(s))
		return 1
	}
	ms.Term = t
	return 0
}

func (r *Milestones) target(m *mapped, row source.Row, ms *schema.Milestone, starts map[string]schema.Date) int {
	s, col, _ := m.field(row, "target")
	ms.TargetText, ms.Target = s, schema.NoDate
	start, ok := starts[ms.Region]
	if !ok {
		start, ok = starts[""]
	}
	if !ok {
		start = schema.NoDate
	}
	d, err := ParseTarget(s, m.t.Date1904, start)
	switch {
	case errors.Is(err, ErrNoStartDate):
		m.problem(row.Num, col, fmt.Sprintf("target is an offset but %s has no start date (milestones.start_dates); target not used", ms.Region), clipDate(s))
		return 1
	case err != nil:
		m.problem(row.Num, col, "target: "+err.Error()+"; target not used", clipDate(s))
		return 1
	case d != schema.NoDate && !plausible(d):
		m.problem(row.Num, col, "target "+d.String()+" is outside 1990–2099; target not used", clipDate(s))
		return 1
	}
	ms.Target = d
	return 0
}

// completion reads completed_on. A completion date with a blank status
// means complete; with a status other than complete it is a contradiction
// and is not used.
func (r *Milestones) completion(m *mapped, row source.Row, ms *schema.Milestone) int {
	ms.CompletedOn = schema.NoDate
	s, col, _ := m.field(row, "completed_on")
	if s == "" {
		return 0
	}
	d, err := ParseDate(s, m.t.Date1904)
	switch {
	case err != nil:
		m.problem(row.Num, col, "completion date: "+err.Error()+"; cell ignored", clipDate(s))
		return 1
	case !plausible(d):
		m.problem(row.Num, col, "completion date "+d.String()+" is outside 1990–2099; cell ignored", clipDate(s))
		return 1
	case ms.Reported != schema.ProgressNone && ms.Reported != schema.ProgressComplete:
		m.problem(row.Num, col, "completion date given but the status is "+ms.Reported.String()+"; cell ignored", clipDate(s))
		return 1
	}
	ms.CompletedOn = d
	ms.Reported = schema.ProgressComplete
	return 0
}
