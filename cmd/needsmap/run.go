package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"needsmap/pipeline"
)

// addInputFlags adds the flags shared by run and validate.
func addInputFlags(cmd *cobra.Command) {
	cmd.Flags().String("config", "", "settings file (default: ./config.yaml if present, else built-in defaults)")
	cmd.Flags().String("survey", "", "needs-assessment survey export (CSV, Qualtrics CSV or XLSX)")
	cmd.Flags().String("resources", "", "resource guide (CSV or XLSX)")
	cmd.Flags().String("referrals", "", "folder of partner agencies' referral sheets (CSV or XLSX)")
	cmd.Flags().String("trainings", "", "trainings and presentations log (CSV or XLSX)")
	cmd.Flags().String("milestones", "", "logic-model tracker (CSV or XLSX)")
	cmd.Flags().String("baseline-survey", "", "an earlier survey wave to compare with (same formats as --survey)")
	cmd.Flags().String("period", "", "reporting period: a year (2021), quarter (2021-Q3) or month (2021-06)")
	cmd.Flags().String("from", "", "first day of the reporting period (2021-01-01; overrides --period)")
	cmd.Flags().String("to", "", "last day of the reporting period (2021-12-31; overrides --period)")
	cmd.Flags().String("as-of", "", "day milestones are judged on (default: the period's end)")
}

func (a *app) runCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the whole pipeline and write the output folder",
		Long: "Reads the inputs (the whole bundled sample when no input is given; otherwise only the inputs\n" +
			"given), ranks needs statewide and per region, measures referral follow-through, trainings and\n" +
			"logic-model milestones over the reporting period,\n" +
			"and writes tables/, charts/, needsmap.xlsx, report.html, run.json and rejects.csv into the\n" +
			"output folder. The folder is replaced only when the whole run succeeds.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.loadConfig(cmd)
			if err != nil {
				return err
			}
			bars := a.progress()
			out, err := pipeline.Run(cmd.Context(), cfg, pipeline.Deps{Log: a.logger(), Progress: bars.deps()})
			bars.wait()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s (%d rows read, %d kept, %d problems: see %s/rejects.csv)\n",
				out.Dir, sumRead(out), sumKept(out), len(out.Problems), out.Dir)
			return nil
		},
	}
	addInputFlags(cmd)
	cmd.Flags().String("out", "", "output folder (default: out)")
	cmd.Flags().Int("bootstrap", 0, "bootstrap replicates (0 turns intervals off; default from config)")
	cmd.Flags().Uint64("seed", 0, "bootstrap seed (default from config)")
	cmd.Flags().Bool("no-suppression", false, "do not suppress small counts (internal analysis only; every output says so)")
	return cmd
}

func sumRead(o *pipeline.Outcome) int {
	n := 0
	for _, in := range o.Inputs {
		n += in.Read
	}
	return n
}

func sumKept(o *pipeline.Outcome) int {
	n := 0
	for _, in := range o.Inputs {
		n += in.Kept
	}
	return n
}

func pipelineVersion() string { return pipeline.Version }
