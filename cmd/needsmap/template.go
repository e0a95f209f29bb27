package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"needsmap/pipeline"
)

func (a *app) templateCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "template {" + strings.Join(pipeline.TemplateKinds, "|") + "} --out FILE.xlsx",
		Short: "Write a blank input workbook for partner agencies to fill in",
		Long: "Writes a blank workbook for one input: a sheet whose header row holds the canonical column names\n" +
			"(a filled-in template reads back with no mapping), drop-down lists for categories, counties,\n" +
			"regions and statuses, date cells, and an Instructions sheet. The lists come from the settings\n" +
			"(--config), so a coalition's own categories and regions appear in them.",
		Args:      cobra.ExactArgs(1),
		ValidArgs: pipeline.TemplateKinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError{fmt.Errorf("template: --out FILE.xlsx is required")}
			}
			if !validKind(args[0]) {
				return usageError{fmt.Errorf("template %q: want one of %s", args[0], strings.Join(pipeline.TemplateKinds, ", "))}
			}
			cfg, err := a.loadConfig(cmd)
			if err != nil {
				return err
			}
			if err := pipeline.WriteTemplate(cfg, args[0], out); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the workbook to write (.xlsx)")
	cmd.Flags().String("config", "", "settings file (default: ./config.yaml if present, else built-in defaults)")
	return cmd
}

func validKind(k string) bool {
	for _, v := range pipeline.TemplateKinds {
		if v == k {
			return true
		}
	}
	return false
}
