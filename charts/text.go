package charts

import (
	"fmt"
	"math"
	"strings"

	"needsmap/analysis/needs"
	"needsmap/data/schema"
)

// wrap breaks s into lines of at most width runes at spaces, so long
// category labels ("Mental health, therapy, counseling, support groups")
// do not push the plot off the canvas. A single word longer than width
// keeps its own line.
func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// slug turns a scope name into a file-name stem: lower-case ASCII letters
// and digits joined by single underscores ("St. Louis" → "st_louis").
func slug(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
			continue
		}
		gap = true
	}
	if b.Len() == 0 {
		return "scope"
	}
	return b.String()
}

// name builds a chart's file stem; the combined view gets a suffix so both
// views can sit in one charts/ folder.
func name(prefix, scope, view string) string {
	n := prefix + "_" + slug(scope)
	if view != "" && view != needs.ViewSingle {
		n += "_" + slug(view)
	}
	return n
}

// tied reports, per row, whether another shown row shares its rank.
func tied(rows []needs.Row) []bool {
	count := map[int]int{}
	for _, r := range rows {
		count[r.Rank]++
	}
	out := make([]bool, len(rows))
	for i, r := range rows {
		out[i] = r.Rank > 0 && count[r.Rank] > 1
	}
	return out
}

// rankLabel is "1" or, when the rank is shared, "1 (tie)".
func rankLabel(rank int, tie bool) string {
	if tie {
		return fmt.Sprintf("%d (tie)", rank)
	}
	return fmt.Sprint(rank)
}

// ties describes each shared rank in words, in rank order:
// "Shelter for adults and Transitional housing tied at rank 1".
func ties(rows []needs.Row) []string {
	var out []string
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Rank == rows[i].Rank {
			j++
		}
		if j-i > 1 && rows[i].Rank > 0 {
			names := make([]string, 0, j-i)
			for _, r := range rows[i:j] {
				names = append(names, r.Label)
			}
			out = append(out, fmt.Sprintf("%s tied at rank %d", andList(names), rows[i].Rank))
		}
		i = j
	}
	return out
}

// andList joins "a", "a and b", "a, b and c".
func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// finite reports whether x can be drawn (gonum errors on NaN).
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// hasInterval reports whether a row carries a bootstrap interval.
func hasInterval(r needs.Row) bool { return finite(r.MeanLow) && finite(r.MeanHigh) }

// pct formats a share as a whole percent; the en dash keeps ranges
// readable in alt text.
func pct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

// levelLabel names a scale value, falling back to the number.
func levelLabel(levels []schema.Level, v int) string {
	for _, l := range levels {
		if l.Value == v {
			return l.Label
		}
	}
	return fmt.Sprint(v)
}
