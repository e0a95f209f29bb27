package pdf

import (
	"io"
	"testing"
)

func BenchmarkReport(b *testing.B) {
	r := testReport(b, true)
	for b.Loop() {
		if err := Write(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegion(b *testing.B) {
	r := testReport(b, true)
	for b.Loop() {
		if err := WriteRegion(io.Discard, r, "Metro East"); err != nil {
			b.Fatal(err)
		}
	}
}
