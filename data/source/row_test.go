package source

import "testing"

// TestPickMatchesCell picks columns, some past the row's end and some
// negative, from lazy and ordinary rows: each must be what Cell gives.
func TestPickMatchesCell(t *testing.T) {
	text := "a,bb,,dddd"
	lazy := Row{text: text, bounds: []int{0, 1, 2, 4, 5, 5, 6, 10}}
	eager := Row{Cells: []string{"a", "bb", "", "dddd"}}
	cols := []int{3, -1, 0, 7, 1, 2, 4}
	for name, r := range map[string]Row{"lazy": lazy, "eager": eager} {
		dst := make([]string, len(cols))
		for k := range dst {
			dst[k] = "stale"
		}
		r.Pick(cols, dst)
		for k, j := range cols {
			if want := r.Cell(j); dst[k] != want {
				t.Errorf("%s row, column %d: Pick gave %q, Cell %q", name, j, dst[k], want)
			}
		}
	}
}
