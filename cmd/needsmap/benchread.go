package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"needsmap/pipeline"
)

// benchReadCmd is the ingest half of the W3 benchmark (docs/performance.md):
// read every row of a CSV or XLSX file into typed values and print what
// was read, in the form the peer tools print.
func (a *app) benchReadCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "bench-read FILE",
		Short:  "Read every row of a CSV or XLSX file (benchmark of the readers)",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			bars := a.progress()
			st, err := pipeline.ReadTable(args[0], bars.deps())
			bars.wait()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "rows=%d completed=%d\n", st.Rows, st.Completed)
			if st.Bad > 0 {
				fmt.Fprintf(a.stderr, "%d unreadable rows or dates\n", st.Bad)
			}
			return nil
		},
	}
}
