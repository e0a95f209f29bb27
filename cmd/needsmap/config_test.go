package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"needsmap/pipeline"
)

func load(t *testing.T, args []string, environ []string, file string) (pipeline.Config, error) {
	t.Helper()
	a := newApp(strings.NewReader(""), io.Discard, io.Discard, environ)
	var got pipeline.Config
	var loadErr error
	cmd := a.runCmd()
	cmd.RunE = func(c *cobra.Command, _ []string) error {
		got, loadErr = a.loadConfig(c)
		return nil
	}
	cmd.SetArgs(append(args, "--config", file))
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	return got, loadErr
}

func asJSON(t *testing.T, cfg pipeline.Config) string {
	t.Helper()
	b, err := json.MarshalIndent(pipeline.AsMap(cfg), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRepoConfigIsTheDefault keeps config.yaml and the built-in defaults
// in step: a binary run outside the repository behaves like one inside.
func TestRepoConfigIsTheDefault(t *testing.T) {
	got, err := load(t, nil, nil, filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := pipeline.DefaultConfig()
	if err := want.Validate(); err != nil {
		t.Fatal(err)
	}
	if a, b := asJSON(t, got), asJSON(t, want); a != b {
		t.Errorf("config.yaml and DefaultConfig differ:\n%s", diffLines(a, b))
	}
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	os.WriteFile(file, []byte("needs:\n  bootstrap: 10\n  min_respondents: 4\noutput:\n  dir: fromfile\n"), 0o644)
	env := []string{"NEEDSMAP_NEEDS_BOOTSTRAP=20", "NEEDSMAP_NEEDS_MIN_RESPONDENTS=6", "UNRELATED=1"}
	cfg, err := load(t, []string{"--bootstrap", "30"}, env, file)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Needs.Bootstrap != 30 || cfg.Needs.MinRespondents != 6 || cfg.Output.Dir != "fromfile" || cfg.Needs.Metric != "mean" {
		t.Errorf("bootstrap %d (flag 30), min_respondents %d (env 6), dir %q (file), metric %q (default)",
			cfg.Needs.Bootstrap, cfg.Needs.MinRespondents, cfg.Output.Dir, cfg.Needs.Metric)
	}
	if len(cfg.Categories) != 22 {
		t.Errorf("categories from defaults: %d", len(cfg.Categories))
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(file, []byte("needs:\n  min_respones: 4\n"), 0o644)
	if _, err := load(t, nil, nil, file); err == nil || !strings.Contains(err.Error(), "min_respones") {
		t.Errorf("err = %v, want the unknown key named", err)
	}
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out bytes.Buffer
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out.WriteString("- " + x + "\n+ " + y + "\n")
		}
	}
	return out.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("respondent_id,region,need_mental_health\n1,KC,3\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("respondent_id,region,need_mental_health\n1,KC,3\n2,KC,7\n"), 0o644)
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"validate", "--survey", good}, exitOK},
		{[]string{"validate", "--survey", bad}, exitProblems},
		{[]string{"validate", "--survey", filepath.Join(dir, "missing.csv")}, exitError},
		{[]string{"run", "--no-such-flag"}, exitUsage},
		{[]string{"version"}, exitOK},
	}
	for _, c := range cases {
		if got := run(c.args, strings.NewReader(""), io.Discard, io.Discard, nil); got != c.want {
			t.Errorf("needsmap %v: exit %d, want %d", c.args, got, c.want)
		}
	}
}
