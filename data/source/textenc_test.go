package source

import (
	"bytes"
	"testing"
)

// TestFirstNonASCII puts one high byte at every position of texts of
// every length up to 100: each word-at-a-time step must find the first.
func TestFirstNonASCII(t *testing.T) {
	for n := range 100 {
		text := bytes.Repeat([]byte("a,b;"), n)[:n]
		if got := firstNonASCII(text); got != -1 {
			t.Fatalf("len %d, all ASCII: got %d", n, got)
		}
		for i := range n {
			b := bytes.Clone(text)
			b[i] = 0xC3
			if i+1 < n {
				b[n-1] = 0x80 // a later one must not win
			}
			if got := firstNonASCII(b); got != i {
				t.Fatalf("len %d, high byte at %d: got %d", n, i, got)
			}
		}
	}
}
