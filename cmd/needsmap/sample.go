package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"needsmap/data/sample"
)

func (a *app) sampleCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "sample",
		Short: "Write the bundled sample inputs, so you can see the formats",
		Long: "Writes the bundled sample inputs into a folder: the survey (plain CSV and a Qualtrics export),\n" +
			"referrals/ (one sheet per partner agency), trainings.csv and milestones.csv.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", dir, err)
			}
			for _, name := range sample.Files() {
				b, err := sample.Read(name)
				if err != nil {
					return err
				}
				path := filepath.Join(dir, filepath.FromSlash(name))
				if _, err := os.Stat(path); err == nil {
					return fmt.Errorf("%s already exists; choose an empty folder", path)
				}
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
				}
				if err := os.WriteFile(path, b, 0o644); err != nil {
					return fmt.Errorf("write %s: %w", path, err)
				}
				fmt.Fprintln(a.stdout, path)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "out", "sample", "folder to write the sample files into")
	return cmd
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(a.stdout, "needsmap", pipelineVersion())
		},
	}
}
