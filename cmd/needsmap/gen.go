package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"needsmap/data/synth"
	"needsmap/reports/xlsx"
)

// genCmd writes synthetic inputs of any size, for benchmarks and for
// trying needsmap at scale.
func (a *app) genCmd() *cobra.Command {
	var (
		rows  int
		seed  uint64
		out   string
		files string
	)
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Write synthetic survey and referral files of any size",
		Long: "Writes realistic synthetic inputs with the canonical column names into --out:\n" +
			"survey.csv (one row per responding provider), referrals.csv and referrals.xlsx (one row\n" +
			"per referral, 2019-2023; the workbook has real dates). The same --seed and --rows always\n" +
			"give the same rows. Try: needsmap gen --rows 1000000 --out big/ && needsmap run --survey big/survey.csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if rows < 1 {
				return usageError{fmt.Errorf("--rows must be at least 1")}
			}
			want := strings.Split(files, ",")
			for _, f := range want {
				if !slices.Contains([]string{"survey", "referrals", "xlsx"}, f) {
					return usageError{fmt.Errorf("--files: unknown %q (use survey, referrals, xlsx)", f)}
				}
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", out, err)
			}
			steps := map[string]func(string) error{
				"survey":    func(p string) error { return genSurvey(p, rows, seed) },
				"referrals": func(p string) error { return genReferrals(p, rows, seed) },
				"xlsx":      func(p string) error { return genReferralsXLSX(p, rows, seed) },
			}
			names := map[string]string{"survey": "survey.csv", "referrals": "referrals.csv", "xlsx": "referrals.xlsx"}
			for _, f := range want {
				p := filepath.Join(out, names[f])
				if err := steps[f](p); err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, p)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&rows, "rows", 1000, "rows per file")
	cmd.Flags().Uint64Var(&seed, "seed", 42, "random seed")
	cmd.Flags().StringVar(&out, "out", "synthetic", "folder to write into")
	cmd.Flags().StringVar(&files, "files", "survey,referrals,xlsx", "comma list of: survey, referrals, xlsx")
	return cmd
}

// writeCSV writes a CSV file through fill, which gets the record writer.
func writeCSV(path string, header []string, fill func(w *csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	err = w.Write(header)
	if err == nil {
		err = fill(w)
	}
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func genSurvey(path string, rows int, seed uint64) error {
	return writeCSV(path, synth.SurveyHeader(), func(w *csv.Writer) error {
		return synth.Survey(rows, seed, w.Write)
	})
}

func genReferrals(path string, rows int, seed uint64) error {
	var rec []string
	return writeCSV(path, synth.ReferralHeader(), func(w *csv.Writer) error {
		return synth.Referrals(rows, seed, func(r *synth.Referral) error {
			rec = r.Strings(rec)
			return w.Write(rec)
		})
	})
}

// genReferralsXLSX streams the referrals into a workbook: the generator
// runs on its own goroutine, one row ahead of the writer.
func genReferralsXLSX(path string, rows int, seed uint64) error {
	ch := make(chan []any, 1024)
	errc := make(chan error, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(ch)
		errc <- synth.Referrals(rows, seed, func(r *synth.Referral) error {
			var completed any = ""
			if !r.Completed.IsZero() {
				completed = r.Completed
			}
			select {
			case ch <- []any{r.ID, r.Date, r.Client, r.From, r.To, r.Service, r.County, r.Region, r.Status, completed, r.Abuse}:
				return nil
			case <-done:
				return fmt.Errorf("stopped")
			}
		})
	}()
	err := xlsx.WriteRows(path, "Referrals", synth.ReferralHeader(), func() ([]any, bool, error) {
		r, ok := <-ch
		return r, ok, nil
	})
	if err != nil {
		return err
	}
	return <-errc
}
