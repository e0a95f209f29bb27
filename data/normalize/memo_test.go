package normalize

import (
	"fmt"
	"strings"
	"testing"
)

// TestMemoTellsValuesApart looks up values that share their length, their
// first and last eight bytes, or a slot: each must get its own parse.
func TestMemoTellsValuesApart(t *testing.T) {
	var vals []string
	for n := range 40 {
		base := strings.Repeat("a", n)
		vals = append(vals, base)
		for i := range n { // one byte changed, anywhere
			b := []byte(base)
			b[i] = 'b'
			vals = append(vals, string(b))
		}
		vals = append(vals, base+"\x00", "\x00"+base)
	}
	for i := range 5000 { // more values than the table has slots
		vals = append(vals, fmt.Sprintf("29%03d", i), fmt.Sprintf("Agency number %d of the state", i))
	}
	seen := map[string]bool{}
	var uniq []string
	for _, v := range vals {
		if !seen[v] {
			seen[v] = true
			uniq = append(uniq, v)
		}
	}
	var m memo[string]
	parses := 0
	parse := func(s string) (string, error) { parses++; return strings.Clone(s), nil }
	for round := range 3 {
		for _, v := range uniq {
			got, _ := m.get(v, parse)
			if got != v {
				t.Fatalf("round %d: get(%q) = %q", round, v, got)
			}
		}
	}
	// Values beyond memoLimit are parsed each time they are asked for.
	want := len(uniq) + 2*max(0, len(uniq)-memoLimit)
	if parses != want {
		t.Errorf("%d parses of %d values, want %d", parses, len(uniq), want)
	}
}
