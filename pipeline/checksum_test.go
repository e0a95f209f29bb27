package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInputChecksums checks the SHA-256 that run.json gives each input
// against the file's: files are hashed from the reader's own reads, so a
// file read in parallel blocks, one whose quick reading stops part way,
// a workbook (read from its end first), a file read whole, a file
// with only its first rows read and one refused after its first bytes
// must all still hash every byte.
func TestInputChecksums(t *testing.T) {
	if testing.Short() {
		t.Skip("two full runs")
	}
	dir := t.TempDir()
	copyFile := func(from, to string) string {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return to
	}
	sample := filepath.Join("..", "data", "sample")
	cfg := DefaultConfig()
	cfg.Output.Dir = filepath.Join(dir, "out1")
	cfg.Inputs.Survey = copyFile(filepath.Join(sample, "survey.csv"), filepath.Join(dir, "survey.csv"))
	cfg.Inputs.Resources = copyFile(filepath.Join(sample, "resources.csv"), filepath.Join(dir, "resources.csv"))
	cfg.Inputs.Trainings = copyFile(filepath.Join(sample, "trainings.csv"), filepath.Join(dir, "trainings.csv"))
	cfg.Inputs.Milestones = copyFile(filepath.Join(sample, "milestones.csv"), filepath.Join(dir, "milestones.csv"))
	cfg.Inputs.Referrals = filepath.Join(dir, "referrals")
	for _, name := range []string{"gateway_family_services.csv", "kansas_city_legal_partners.xlsx"} {
		copyFile(filepath.Join(sample, "referrals", name), filepath.Join(dir, "referrals", name))
	}
	check := func(cfg Config, want int) {
		t.Helper()
		out, err := Run(context.Background(), cfg, Deps{Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, in := range out.Inputs {
			path, _, _ := strings.Cut(in.File, " sheet ")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("input %q: %v", in.File, err)
			}
			sum := sha256.Sum256(b)
			if got, want := in.SHA256, hex.EncodeToString(sum[:]); got != want {
				t.Errorf("%s: run.json gives %s, the file's SHA-256 is %s", in.File, got, want)
			}
			seen[path] = true
		}
		if len(seen) != want {
			t.Errorf("%d files checked, want %d: %v", len(seen), want, out.Inputs)
		}
	}
	// Not a referral sheet: only its first rows are read.
	notes := "meeting,notes\n" + strings.Repeat("2024-01-01,nothing to report this week\n", 100_000)
	if err := os.WriteFile(filepath.Join(dir, "referrals", "notes.csv"), []byte(notes), 0o644); err != nil {
		t.Fatal(err)
	}
	// Not text at all: refused after its first bytes.
	binary := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 300_000)...)
	for i := range binary[8:] {
		binary[8+i] = byte(i * 7)
	}
	if err := os.WriteFile(filepath.Join(dir, "referrals", "photo.csv"), binary, 0o644); err != nil {
		t.Fatal(err)
	}
	check(cfg, 8)

	// One large messy file: read in parallel blocks until a cell over
	// two lines, then by the ordinary parser.
	big := filepath.Join(dir, "big")
	if err := os.MkdirAll(big, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(big, "referrals.csv"), messyReferrals(60_000), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg = DefaultConfig()
	cfg.Output.Dir = filepath.Join(dir, "out2")
	cfg.Inputs.Referrals = big
	check(cfg, 1)
}
