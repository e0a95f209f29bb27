package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// failingFS fails the nth file write (1-based) with a "disk full" error.
type failingFS struct {
	n, writes int
}

var errDiskFull = errors.New("no space left on device")

func (f *failingFS) MkdirAll(path string, perm os.FileMode) error { return os.MkdirAll(path, perm) }

func (f *failingFS) WriteFile(path string, data []byte, perm os.FileMode) error {
	f.writes++
	if f.writes == f.n {
		return errDiskFull
	}
	return os.WriteFile(path, data, perm)
}

// snapshotDir maps each file under dir to its SHA-256.
func snapshotDir(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSnapshot(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestWriteErrorKeepsPreviousOutput: whichever file write fails (a full
// disk: the first, run.json last, and others between), the run fails
// saying so, and the previous output folder is left
// exactly as it was, with no temporary folder beside it.
func TestWriteErrorKeepsPreviousOutput(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	cfg := sampleConfig(t, dir)
	cfg.Needs.Bootstrap = 0
	runSample(t, cfg)
	before := snapshotDir(t, dir)
	count := &failingFS{n: -1}
	outputFS = count
	defer func() { outputFS = osFS{} }()
	runSample(t, cfg)
	writes := count.writes
	if writes < 10 {
		t.Fatalf("only %d writes counted", writes)
	}
	before = snapshotDir(t, dir)
	// The first write, the last (run.json), and a spread between.
	for _, n := range []int{1, 2, writes / 4, writes / 2, 3 * writes / 4, writes - 1, writes} {
		outputFS = &failingFS{n: n}
		_, err := Run(context.Background(), cfg, Deps{})
		if !errors.Is(err, errDiskFull) {
			t.Fatalf("write %d failing: err = %v", n, err)
		}
		if !sameSnapshot(before, snapshotDir(t, dir)) {
			t.Fatalf("write %d failing: the previous output changed", n)
		}
		if left, _ := filepath.Glob(filepath.Join(parent, ".out.*")); len(left) > 0 {
			t.Fatalf("write %d failing: left %v", n, left)
		}
	}
}

// TestKilledRunKeepsPreviousOutput runs needsmap in a child process that
// pauses after each output file, kills it with SIGKILL at several points
// while it writes, and checks that the previous output folder is intact
// every time and that a later run replaces it normally.
func TestKilledRunKeepsPreviousOutput(t *testing.T) {
	if os.Getenv("NEEDSMAP_TEST_CHILD") != "" {
		t.Skip("in the child")
	}
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	cfg := sampleConfig(t, dir)
	cfg.Needs.Bootstrap = 0
	runSample(t, cfg)
	before := snapshotDir(t, dir)
	for _, killAfter := range []int{1, 5, 20, 30} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestChildWritesSlowly$", "-test.v")
		cmd.Env = append(os.Environ(), "NEEDSMAP_TEST_CHILD="+dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForFiles(t, parent, killAfter)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("kill after %d files: the child was not killed (%v):\n%s", killAfter, err, out.String())
		}
		if !sameSnapshot(before, snapshotDir(t, dir)) {
			t.Fatalf("kill after %d files: the previous output changed", killAfter)
		}
	}
	runSample(t, cfg) // the folder is still ours to replace
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err != nil {
		t.Fatal(err)
	}
}

// waitForFiles waits until a temporary output folder under parent holds n
// files.
func waitForFiles(t *testing.T, parent string, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		tmps, _ := filepath.Glob(filepath.Join(parent, ".out.tmp-*"))
		for _, tmp := range tmps {
			count := 0
			filepath.WalkDir(tmp, func(_ string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					count++
				}
				return nil
			})
			if count >= n {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no temporary folder reached %d files", n)
}

// slowFS pauses after each file, so the parent can kill the run mid-write.
type slowFS struct{ osFS }

func (slowFS) WriteFile(path string, data []byte, perm os.FileMode) error {
	err := os.WriteFile(path, data, perm)
	time.Sleep(50 * time.Millisecond)
	return err
}

// TestChildWritesSlowly is the child of TestKilledRunKeepsPreviousOutput.
func TestChildWritesSlowly(t *testing.T) {
	dir := os.Getenv("NEEDSMAP_TEST_CHILD")
	if dir == "" {
		t.Skip("only run as a child process")
	}
	outputFS = slowFS{}
	cfg := DefaultConfig()
	cfg.Output.Dir = dir
	cfg.Needs.Bootstrap = 0
	_, err := Run(context.Background(), cfg, Deps{})
	fmt.Println("child finished (it should have been killed):", err)
}
