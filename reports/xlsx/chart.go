package xlsx

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"

	"needsmap/analysis/needs"
	"needsmap/reports/tables"
)

// topRanks is how many ranks the top-needs chart shows.
const topRanks = 5

// topNeed is one bar of the chart: rank, label and mean, as published.
type topNeed struct {
	rank        int
	label, mean tables.Cell
}

// topNeeds picks the statewide single-choice rows ranked 1..5 from the
// needs_ranking table, in rank order; nil when there are none.
func topNeeds(t *tables.Table) []topNeed {
	if t == nil {
		return nil
	}
	scope, view, label := t.Column("scope"), t.Column("view"), t.Column("label")
	mean, rank := t.Column("mean"), t.Column("rank")
	if min(scope, view, label, mean, rank) < 0 {
		return nil
	}
	var out []topNeed
	for _, row := range t.Rows {
		if len(row) != len(t.Columns) {
			continue
		}
		r := row[rank]
		if row[scope].Text != needs.StatewideScope || row[view].Text != needs.ViewSingle ||
			r.Kind != tables.Int || r.Missing || r.Suppressed != "" || r.Int < 1 || r.Int > topRanks {
			continue
		}
		out = append(out, topNeed{rank: r.Int, label: row[label], mean: row[mean]})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank < out[j].rank })
	return out
}

// writeTopNeeds writes the chart's data (rank, need, mean) and, below it,
// a bar chart drawn from those cells.
func writeTopNeeds(f *excelize.File, top []topNeed, st *styles) error {
	if _, err := f.NewSheet(TopNeedsSheet); err != nil {
		return fmt.Errorf("add sheet: %w", err)
	}
	header := []any{"Rank", "Need", "Mean rating"}
	if err := f.SetSheetRow(TopNeedsSheet, "A1", &header); err != nil {
		return fmt.Errorf("header: %w", err)
	}
	if err := f.SetCellStyle(TopNeedsSheet, "A1", "C1", st.header); err != nil {
		return fmt.Errorf("header style: %w", err)
	}
	for i, n := range top {
		row := []any{excelize.Cell{StyleID: st.integer, Value: n.rank},
			tables.Neutralize(n.label.String()), cellValue(n.mean, st)}
		if err := setRow(f, TopNeedsSheet, i+2, row); err != nil {
			return err
		}
	}
	if err := setWidths(f, TopNeedsSheet, 7, 48, 13); err != nil {
		return err
	}
	if err := printSetup(f, TopNeedsSheet); err != nil {
		return err
	}
	return f.AddChart(TopNeedsSheet, "A"+strconv.Itoa(len(top)+3), topNeedsChart(len(top)))
}

// setRow writes excelize.Cell values with their styles.
func setRow(f *excelize.File, sheet string, row int, vals []any) error {
	for j, v := range vals {
		ref, err := excelize.CoordinatesToCellName(j+1, row)
		if err != nil {
			return err
		}
		if c, ok := v.(excelize.Cell); ok {
			if err := f.SetCellStyle(sheet, ref, ref, c.StyleID); err != nil {
				return fmt.Errorf("style %s: %w", ref, err)
			}
			v = c.Value
		}
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			return fmt.Errorf("cell %s: %w", ref, err)
		}
	}
	return nil
}

// setWidths sets the widths of the first columns.
func setWidths(f *excelize.File, sheet string, widths ...float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return fmt.Errorf("column width: %w", err)
		}
	}
	return nil
}

// axisFont is dark enough to read (excelize's default is light grey).
var axisFont = excelize.Font{Color: "#404040", Size: 10}

// topNeedsChart is a horizontal bar chart of the n rows below the header,
// rank 1 at the top.
func topNeedsChart(n int) *excelize.Chart {
	ref := func(col string) string {
		return "'" + TopNeedsSheet + "'!$" + col + "$2:$" + col + "$" + strconv.Itoa(n+1)
	}
	vary := false
	return &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: &vary,
		Series: []excelize.ChartSeries{{
			Name:       "'" + TopNeedsSheet + "'!$C$1",
			Categories: ref("B"),
			Values:     ref("C"),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{barColour}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Top needs statewide"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Font: axisFont},
		Dimension: excelize.ChartDimension{Width: 640, Height: 320},
	}
}
