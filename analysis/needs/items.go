package needs

import (
	"fmt"
	"slices"

	"needsmap/data/schema"
)

// item is one thing ranked within a view: a category, or a combined group
// computed from member categories.
type item struct {
	key, label string
	members    []int // category indices; one for a plain category
	rule       string
	// denom scales values to integers: a combined mean of up to m members
	// is a multiple of 1/lcm(1..m), so values are stored times denom.
	denom int
}

// view is an ordered list of items.
type view struct {
	name  string
	items []item
}

// buildViews returns the single view (every category) and, when groups are
// configured, the combined view (ungrouped categories plus the groups).
func buildViews(spec Spec) ([]view, error) {
	index := make(map[string]int, len(spec.Categories))
	single := view{name: ViewSingle}
	for i, c := range spec.Categories {
		index[c.Key] = i
		single.items = append(single.items, item{key: c.Key, label: c.Label, members: []int{i}, denom: 1})
	}
	if len(spec.Combined) == 0 {
		return []view{single}, nil
	}
	grouped := map[int]bool{}
	var groups []item
	for _, g := range spec.Combined {
		it := item{key: g.Key, label: g.Label, rule: g.Rule, denom: 1}
		for _, m := range g.Members {
			i, ok := index[m]
			if !ok {
				return nil, fmt.Errorf("combined category %s: unknown member %q", g.Key, m)
			}
			it.members = append(it.members, i)
			grouped[i] = true
		}
		if it.rule == "mean" {
			it.denom = lcmUpTo(len(it.members))
		}
		groups = append(groups, it)
	}
	combined := view{name: ViewCombined}
	for i, it := range single.items {
		if !grouped[i] {
			combined.items = append(combined.items, it)
		}
	}
	combined.items = append(combined.items, groups...)
	return []view{single, combined}, nil
}

func lcmUpTo(m int) int {
	l := 1
	for k := 2; k <= m; k++ {
		l = l / gcd(l, k) * k
	}
	return l
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// value returns the item's rating for one respondent, scaled by denom, or
// schema.Missing.
func (it *item) value(ratings []int8) int {
	if len(it.members) == 1 && it.rule == "" {
		return int(ratings[it.members[0]])
	}
	best, sum, n := schema.Missing, 0, 0
	for _, m := range it.members {
		v := int(ratings[m])
		if v == schema.Missing {
			continue
		}
		n++
		sum += v
		if v > best {
			best = v
		}
	}
	if n == 0 {
		return schema.Missing
	}
	if it.rule == "mean" {
		return sum * it.denom / n
	}
	return best
}

// levelsSorted checks the scale and returns its maximum value.
func levelsSorted(levels []schema.Level) (int, error) {
	if len(levels) < 2 {
		return 0, fmt.Errorf("the scale needs at least two levels")
	}
	vals := make([]int, len(levels))
	for i, l := range levels {
		vals[i] = l.Value
	}
	if !slices.IsSorted(vals) || vals[0] != 0 {
		return 0, fmt.Errorf("scale values must start at 0 and ascend")
	}
	for i := 1; i < len(vals); i++ {
		if vals[i] != vals[i-1]+1 {
			return 0, fmt.Errorf("scale values must be consecutive integers")
		}
	}
	return vals[len(vals)-1], nil
}
