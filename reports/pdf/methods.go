package pdf

import (
	"strconv"
	"strings"

	"needsmap/analysis/needs"
	"needsmap/reports"
	"needsmap/reports/format"
)

// textBlock is a run of the methods text: an optional subheading, then
// paragraphs and a bulleted list. danger sets the paragraphs as the
// unsuppressed warning.
type textBlock struct {
	heading string
	paras   []string
	items   []string
	danger  bool
}

// methodsText states the methods in the words of report.html's methods
// section (a test holds the two together), with the run's numbers.
func methodsText(r *reports.Report) []textBlock {
	var out []textBlock
	if res := r.Needs; res != nil {
		out = append(out, rankingText(res)...)
	}
	for _, n := range r.Methods {
		out = append(out, textBlock{heading: n.Title, paras: n.Paragraphs})
	}
	return append(out, disclosureText(r))
}

func rankingText(res *needs.Result) []textBlock {
	scale := make([]string, len(res.Levels))
	for i, l := range res.Levels {
		scale[i] = strconv.Itoa(l.Value) + " = " + l.Label
	}
	topLevels := ""
	if n := len(res.Levels); n >= 2 {
		topLevels = res.Levels[n-2].Label + " or " + res.Levels[n-1].Label
	}
	minN := strconv.Itoa(res.MinRespondents)
	rank := textBlock{heading: "Needs ranking", paras: []string{
		"Each responding provider rated each service need on the scale " + strings.Join(scale, ", ") +
			"; “Don’t know” and blank answers count as missing. For every need, statewide and in each region, the report gives n (the providers who rated it), the median and the mean rating, and the top-2 share: the share of those providers who rated it " + topLevels + ".",
		"Needs are ranked by " + format.Metric(res.Metric) + ". Needs with exactly the same value share a rank and the next rank is skipped (competition ranking: 1, 2, 2, 4); shared ranks are marked “tie”. Each region shows the needs within its first " + strconv.Itoa(res.TopN) + " distinct ranks, so every tied need appears.",
	}}
	if labels := combinedLabels(res); len(labels) > 0 {
		rank.paras = append(rank.paras, "Combined categories. In the combined view, “"+strings.Join(labels, "”, “")+
			"” replace their member categories. A provider’s rating of a combined category is the highest of their ratings of its members (the default rule; the mean of the members where the configuration says so), and the combined view is ranked like the single categories.")
	}
	out := []textBlock{rank}
	if res.Replicates > 0 {
		lvl, k := format.Level(res.Confidence), strconv.Itoa(res.TopK)
		out = append(out, textBlock{heading: "Intervals", paras: []string{
			"Intervals come from a bootstrap: within each scope the responding providers are resampled with replacement " +
				strconv.Itoa(res.Replicates) + " times (seed " + strconv.FormatUint(res.Seed, 10) +
				", with a separate reproducible stream for each scope), and every replicate is summarised and ranked exactly like the data."},
			items: []string{
				"The " + lvl + " interval of a mean is the percentile interval of the replicate means (sample quantiles of type 7, linear interpolation).",
				"The " + lvl + " range of a rank uses quantiles of type 1 (the inverse of the empirical distribution function), so both ends are ranks that occurred.",
				"P(top " + k + ") is the share of replicates in which the need ranked " + k + " or better.",
			}}, textBlock{paras: []string{"When the rank ranges of two needs overlap, the survey does not tell their order apart."}})
	} else {
		out[0].paras = append(out[0].paras, "The bootstrap was turned off for this run, so no intervals are shown.")
	}
	return append(out, textBlock{heading: "Small samples", paras: []string{
		"A scope with fewer than " + minN + " responding providers, and a need rated by fewer than " + minN +
			", is flagged “low n”: its ranking rests on few answers and should be read with care."}})
}

// combinedLabels are the items of the statewide combined view that are not
// single categories: the combined categories.
func combinedLabels(res *needs.Result) []string {
	single := map[string]bool{}
	for _, r := range res.Scope(statewide, needs.ViewSingle) {
		single[r.Category] = true
	}
	var out []string
	for _, r := range res.Scope(statewide, needs.ViewCombined) {
		if !single[r.Category] {
			out = append(out, r.Label)
		}
	}
	return out
}

func disclosureText(r *reports.Report) textBlock {
	if !r.Suppressed {
		return textBlock{heading: "Disclosure control", danger: true, paras: []string{
			"Suppression was turned off for this run.",
			"Small counts of survivors are shown as they are. This report is for internal use only and must not be published."}}
	}
	k := strconv.Itoa(r.K)
	return textBlock{heading: "Disclosure control", paras: []string{
		"Counts of survivors are suppressed following the CMS cell-size policy with k = " + k + ": a count from 1 to " +
			strconv.Itoa(r.K-1) + " is shown as <" + k + ". Further cells marked * are hidden (complementary suppression) so that no suppressed count can be worked out from row, column or grand totals, in one table or across the tables of this report. Zero is shown. A share is left blank when either of its counts is hidden."}}
}

// methods draws the methods appendix.
func (d *doc) methods() {
	d.part("Appendix", "Methods")
	for _, b := range methodsText(d.r) {
		if b.heading != "" {
			d.heading(b.heading, 2)
		}
		if b.danger {
			d.box(message{kind: dangerBox, paras: b.paras})
		} else {
			for _, p := range b.paras {
				d.para(p, "", sizeBody, ink)
			}
		}
		if len(b.items) > 0 {
			d.bullets(b.items, sizeBody, ink)
		}
	}
	if len(d.r.Settings) > 0 {
		d.heading("Settings", 2)
		t := &table{caption: "Settings in effect for this run", head: []string{"Setting", "Value"}, num: []bool{false, false}}
		for _, s := range d.r.Settings {
			t.rows = append(t.rows, []cell{{text: s.Key}, {text: s.Value}})
		}
		d.table(t)
	}
}
