package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"syscall"
	"testing"
	"time"

	"needsmap/analysis/referrals"
	"needsmap/data/normalize"
	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
	"needsmap/data/synth"
)

// BenchmarkReadReferrals reads 200,000 generated referral rows into the
// referral counts, on one worker and on two: the per-row cost of W2
// without the output, on the same data each time.
func BenchmarkReadReferrals(b *testing.B) {
	const rows = 200_000
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(synth.ReferralHeader())
	var rec []string
	if err := synth.Referrals(rows, 1, func(r *synth.Referral) error {
		rec = r.Strings(rec)
		return w.Write(rec)
	}); err != nil {
		b.Fatal(err)
	}
	w.Flush()
	data := buf.Bytes()
	cfg := DefaultConfig()
	geo, err := reference.Load(cfg.Reference)
	if err != nil {
		b.Fatal(err)
	}
	regions, err := regionOrder(cfg, geo)
	if err != nil {
		b.Fatal(err)
	}
	vocab, err := cfg.Vocabulary()
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			cpu0 := cpuTime()
			for b.Loop() {
				tables, err := source.Open("referrals.csv", bytes.NewReader(data), int64(len(data)), source.Options{})
				if err != nil {
					b.Fatal(err)
				}
				report := func(schema.Problem) {}
				bl := referrals.NewBuilder(regions, len(vocab.Categories), referrals.Options{Confidence: 0.95}, report)
				reader := &normalize.Referrals{Vocab: vocab, Geo: geo, Options: cfg.Referrals, Report: report}
				st, err := readParallel(context.Background(), reader, tables[0], bl, workers)
				if err != nil || st.Kept != rows {
					b.Fatalf("kept %d of %d: %v", st.Kept, rows, err)
				}
				closeAll(tables)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N*rows), "cpu-ns/row")
		})
	}
}

// cpuTime is the process's user and system time so far: on a shared
// machine it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
