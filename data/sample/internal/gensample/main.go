// Command gensample writes the bundled sample inputs into data/sample/: a
// fictional needs-assessment wave of 107 responding providers built so that
// the default ranking reproduces what the Missouri strategic plan published
// (statewide top five, each region's top three with Metro East's ties) and
// its survivors-served figures, and a fictional resource guide that mirrors
// what the plan says of the wave 1 guide (resources.go).
//
// Run from the repository root: go run ./data/sample/internal/gensample
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "data/sample", "folder to write the sample files into")
	seed := flag.Uint64("seed", 2019, "random seed")
	flag.Parse()
	rng := rand.New(rand.NewPCG(*seed, *seed^0x5eed))
	var all []respondent
	next := 1001
	for _, p := range plans {
		all = append(all, genRegion(rng, p, next)...)
		next += p.respondents
	}
	if err := writeCSV(filepath.Join(*out, "survey.csv"), surveyRows(all)); err != nil {
		log.Fatal(err)
	}
	if err := writeCSV(filepath.Join(*out, "survey_qualtrics.csv"), qualtricsRows(all)); err != nil {
		log.Fatal(err)
	}
	// The baseline wave draws from its own generator, so adding it did not
	// change the current wave's files.
	baseRNG := rand.New(rand.NewPCG(*seed+2017, *seed^0xba5e))
	if err := writeCSV(filepath.Join(*out, "survey_baseline.csv"), baselineRows(baseRNG)); err != nil {
		log.Fatal(err)
	}
	if err := writeCSV(filepath.Join(*out, "resources.csv"), resourceRows(guide())); err != nil {
		log.Fatal(err)
	}
	if err := writeOutcomes(*out, *seed); err != nil {
		log.Fatal(err)
	}
}

// writeOutcomes writes the referral sheets, the trainings log and the
// logic-model tracker. Each has its own generator stream, so changing one
// never changes the others (or the survey).
func writeOutcomes(out string, seed uint64) error {
	dir := filepath.Join(out, "referrals")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, 0x7265666572))
	if err := writeReferralSheets(dir, sheetRecords(rng, genReferrals(rng))); err != nil {
		return err
	}
	trng := rand.New(rand.NewPCG(seed, 0x747261696e))
	if err := writeCSV(filepath.Join(out, "trainings.csv"), trainingRows(trng)); err != nil {
		return err
	}
	return writeCSV(filepath.Join(out, "milestones.csv"), trackerRows())
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
