//go:build clients

// The clients tests open the outputs of real runs with the programs readers
// use: headless Chromium with axe-core (report.html), Chromium's print and
// poppler (PDFs), LibreOffice (needsmap.xlsx). They also check that two
// processes give byte-identical folders. They need Debian chromium,
// poppler-utils, libreoffice-calc and fonts-liberation, plus Node and npm;
// .ci/run installs them and runs:
//
//	go test -tags clients -run Clients ./cmd/needsmap
//
// NEEDSMAP_SCREENS=DIR also copies the browser screenshots to DIR.

package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// clientsBootstrap keeps the runs quick; the intervals still appear in
// every output, which is what the clients need to see.
const clientsBootstrap = "200"

// toolTimeout bounds each external program so a hung one fails the test
// instead of the whole CI job.
const toolTimeout = 5 * time.Minute

// clientMode is one way of running the pipeline whose outputs are checked.
type clientMode struct {
	name string
	args []string
}

var clientModes = []clientMode{
	{name: "suppressed"},
	{name: "unsuppressed", args: []string{"--no-suppression"}},
}

// TestClients runs the built needsmap on the bundled sample twice per mode,
// in separate processes, and checks the first folder with real clients.
func TestClients(t *testing.T) {
	bin := buildNeedsmap(t)
	for _, m := range clientModes {
		t.Run(m.name, func(t *testing.T) {
			dir := t.TempDir()
			first, second := filepath.Join(dir, "first"), filepath.Join(dir, "second")
			runNeedsmap(t, bin, first, m.args)
			runNeedsmap(t, bin, second, m.args)
			t.Run("deterministic", func(t *testing.T) { compareTrees(t, first, second) })
			t.Run("browser", func(t *testing.T) { checkBrowser(t, first, m.name) })
			t.Run("print", func(t *testing.T) { checkPrint(t, first) })
			t.Run("workbook", func(t *testing.T) { checkWorkbook(t, first) })
		})
	}
}

// buildNeedsmap builds the command as a user would get it.
func buildNeedsmap(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go not on PATH: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "needsmap")
	out, err := tool(t, goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runNeedsmap runs the whole pipeline on the bundled sample with the
// repository's config.yaml, from an empty folder and without any
// NEEDSMAP_ variable of the caller's, so the run depends on nothing else.
func runNeedsmap(t *testing.T, bin, out string, extra []string) {
	t.Helper()
	config, err := filepath.Abs(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"run", "--config", config, "--bootstrap", clientsBootstrap, "--out", out}, extra...)
	cmd := tool(t, bin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "NEEDSMAP_") })
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("needsmap %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	t.Logf("%s: %s", strings.Join(append([]string{"needsmap run"}, extra...), " "), strings.TrimSpace(stdout.String()))
}

// compareTrees fails unless both folders hold the same files with the
// same bytes, PDFs and the workbook included.
func compareTrees(t *testing.T, a, b string) {
	t.Helper()
	filesA, filesB := listFiles(t, a), listFiles(t, b)
	if !slices.Equal(filesA, filesB) {
		t.Fatalf("the runs wrote different files:\n%v\n%v", filesA, filesB)
	}
	for _, want := range []string{"report.html", "needsmap.xlsx", "run.json", "rejects.csv"} {
		if !slices.Contains(filesA, want) {
			t.Errorf("%s missing from the output", want)
		}
	}
	for _, f := range filesA {
		da, errA := os.ReadFile(filepath.Join(a, f))
		db, errB := os.ReadFile(filepath.Join(b, f))
		if errA != nil || errB != nil {
			t.Fatalf("read %s: %v, %v", f, errA, errB)
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s differs between two runs (%d and %d bytes)", f, len(da), len(db))
		}
	}
	t.Logf("%d files byte-identical across two processes (%d PDFs)", len(filesA), countSuffix(filesA, ".pdf"))
}

// listFiles lists the regular files under dir, relative and sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatalf("list %s: %v", dir, err)
	}
	slices.Sort(files)
	return files
}

func countSuffix(files []string, suffix string) int {
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, suffix) {
			n++
		}
	}
	return n
}

// tool prepares an external program that is killed, with everything it
// started, if it outlives toolTimeout or the test.
func tool(t *testing.T, name string, args ...string) *exec.Cmd {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, name, args...)
	ownProcessGroup(cmd)
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// lookTool finds a program the clients tests need, or fails saying which
// package provides it.
func lookTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found (Debian package %s; .ci/run installs it): %v", name, pkg, err)
	}
	return p
}
