package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"needsmap/pipeline"
)

func (a *app) validateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check the inputs and list every problem; write nothing",
		Long: "Reads the inputs exactly as run does and prints every row or cell that would not be used,\n" +
			"with file, sheet, row, column and reason. Nothing is written.\n\n" +
			"Exit status: 0 no problems, 3 problems found (the inputs are still usable), 1 an input cannot be used.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := a.loadConfig(cmd)
			if err != nil {
				return err
			}
			out, err := pipeline.Validate(cmd.Context(), cfg, pipeline.Deps{Log: a.logger()})
			for _, p := range out.Problems {
				fmt.Fprintln(a.stdout, p.Error())
			}
			for _, in := range out.Inputs {
				if in.Layout == "" {
					continue // the file could not be read at all: the error says why
				}
				fmt.Fprintf(a.stdout, "%s: %s (%s), %d rows read, %d kept, %d rejected\n",
					in.Role, in.File, in.Layout, in.Read, in.Kept, in.Rejected)
			}
			if err != nil {
				return err
			}
			a.problemsFound = len(out.Problems) > 0
			fmt.Fprintf(a.stdout, "%d problems\n", len(out.Problems))
			return nil
		},
	}
	addInputFlags(cmd)
	return cmd
}
