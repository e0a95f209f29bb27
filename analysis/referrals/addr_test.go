package referrals

import (
	"fmt"
	"strings"
	"testing"
)

// TestAddrTable numbers strings by identity: the same string is found,
// a copy of its text or a prefix sharing its address is not, and growing
// or resetting the table never gives a wrong number.
func TestAddrTable(t *testing.T) {
	var tab addrTable
	names := make([]string, 3*maxAddrNames/2) // past the bound: one reset
	for i := range names {
		names[i] = fmt.Sprintf("Agency %d", i)
	}
	for i, s := range names {
		if _, ok := tab.find(s); ok {
			t.Fatalf("%q found before it was put", s)
		}
		tab.put(s, int32(i))
		for _, j := range []int{i, i / 2, i / 3} {
			if id, ok := tab.find(names[j]); ok && id != int32(j) {
				t.Fatalf("find(%q) = %d, want %d", names[j], id, j)
			}
		}
		if id, ok := tab.find(s); !ok || id != int32(i) {
			t.Fatalf("find(%q) = %d, %v just after put", s, id, ok)
		}
		if _, ok := tab.find(strings.Clone(s)); ok {
			t.Fatalf("a copy of %q was found", s)
		}
		if _, ok := tab.find(s[:len(s)-1]); ok {
			t.Fatalf("a prefix of %q was found", s)
		}
	}
	if tab.n > maxAddrNames {
		t.Errorf("%d names held, the bound is %d", tab.n, maxAddrNames)
	}
}
