package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// FuzzConfig: any settings file is decoded, checked and turned into the
// run's vocabulary with an error at worst, never a panic.
func FuzzConfig(f *testing.F) {
	repo, err := os.ReadFile(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(repo)
	f.Add([]byte("needs:\n  bootstrap: -1\n  metric: median\n"))
	f.Add([]byte("regions:\n  - name: X\n    aliases: [x, X]\ncategories: []\n"))
	f.Add([]byte("scale:\n  levels:\n    - {value: 0, label: a}\n    - {value: 0, label: a}\n"))
	f.Add([]byte("survey:\n  questions:\n    - {match: QID1, field: nope}\n  columns: {region: [1, 2]}\n"))
	f.Add([]byte("disclosure: {k: 1e400}\noutput: {charts: [gif]}\nreport: {title: [a]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		a := newApp(strings.NewReader(""), io.Discard, io.Discard, nil)
		cmd := a.runCmd()
		cmd.RunE = func(c *cobra.Command, _ []string) error {
			cfg, err := a.loadConfig(c)
			if err != nil {
				return nil
			}
			if cfg.Validate() == nil {
				cfg.Vocabulary()
			}
			return nil
		}
		cmd.SetArgs([]string{"--config", path})
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		cmd.Execute()
	})
}
