// Command bench measures needsmap against the best peer tool on the
// reference workloads of issue 6 and rewrites docs/performance.md. Run it
// through run.sh, which installs the peers first; see docs/performance.md.
//
// Every case runs as a whole process: one warm-up, then -runs timed runs;
// the figures are medians of wall time and of peak RSS (the process's
// maxrss from wait4), with the range beside them.
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type measure struct {
	wall []float64 // seconds
	cpu  []float64 // user + system seconds
	rss  []float64 // MiB
}

func (m measure) med(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func spread(xs []float64) (float64, float64) {
	return slices.Min(xs), slices.Max(xs)
}

var (
	runs    = flag.Int("runs", 5, "timed runs per case (after one warm-up)")
	data    = flag.String("data", ".bench-data", "folder for generated data (kept between runs)")
	outDoc  = flag.String("doc", "docs/performance.md", "file to rewrite with the results")
	skipR   = flag.Bool("skip-readxl", false, "do not run the readxl peer (about 2 minutes)")
	python  = flag.String("python", "/usr/bin/python3", "Python with openpyxl, for gen.py")
	benchTx = flag.String("bench-dir", "docs/bench", "this folder")
)

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	tmp, err := os.MkdirTemp("", "needsmap-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "needsmap")
	step("building needsmap")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/needsmap").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	if err := generate(); err != nil {
		return err
	}
	load0 := loadavg()
	res := &results{}
	if err := res.check(bin, tmp); err != nil {
		return err
	}
	d1m := filepath.Join(*data, "1m")
	res.w1 = timeCase("W1 needsmap", tmp, bin, "run", "--survey", filepath.Join(d1m, "survey.csv"), "--bootstrap", "0", "--out", filepath.Join(tmp, "w1"))
	res.w1peer = timeCase("W1 DuckDB", tmp, "node", filepath.Join(*benchTx, "peers", "duckdb_peer.mjs"), "w1", filepath.Join(d1m, "survey.csv"), mkdir(tmp, "duck"))
	d10m := filepath.Join(*data, "10m")
	res.w2 = timeCase("W2 needsmap", tmp, bin, "run", "--referrals", d10m, "--out", filepath.Join(tmp, "w2"))
	res.w2peer = timeCase("W2 DuckDB", tmp, "node", filepath.Join(*benchTx, "peers", "duckdb_peer.mjs"), "w2", filepath.Join(d10m, "referrals.csv"), mkdir(tmp, "duck2"))
	res.w3 = timeCase("W3 needsmap", tmp, bin, "bench-read", filepath.Join(d1m, "referrals.xlsx"))
	if !*skipR {
		res.w3peer = timeCase("W3 readxl", tmp, "Rscript", filepath.Join(*benchTx, "peers", "dt_peer.R"), "w3", filepath.Join(d1m, "referrals.xlsx"))
	}
	res.sample = timeCase("sample run", tmp, bin, "run", "--out", filepath.Join(tmp, "sample"))
	if res.boot, err = bootstrapBench(); err != nil {
		return err
	}
	res.load = [2]string{load0, loadavg()}
	table := res.table()
	fmt.Println()
	fmt.Println(table)
	return os.WriteFile(*outDoc, []byte(res.doc(table)), 0o644)
}

func step(s string) { fmt.Fprintln(os.Stderr, "==", s) }

func mkdir(parent, name string) string {
	p := filepath.Join(parent, name)
	os.MkdirAll(p, 0o755)
	return p
}

// generate writes gen.py's data once: 1M survey rows, the 1M-row
// workbook and 10M referral rows for the timings, 100k survey and
// referral rows for the check of numbers.
func generate() error {
	gen := filepath.Join(*benchTx, "gen.py")
	for _, g := range []struct{ rows, dir, files, marker string }{
		{"1000000", "1m", "survey,xlsx", "referrals.xlsx"},
		{"10000000", "10m", "referrals", "referrals.csv"},
		{"100000", "100k", "survey,referrals", "referrals.csv"},
	} {
		dir := filepath.Join(*data, g.dir)
		if _, err := os.Stat(filepath.Join(dir, g.marker)); err == nil {
			continue
		}
		step("generating " + dir + " with gen.py (the 1M-row workbook and the 10M-row CSV take about two minutes each)")
		cmd := exec.Command(*python, gen, "--rows", g.rows, "--seed", "42", "--out", dir, "--files", g.files)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("gen.py: %w", err)
		}
	}
	return nil
}

// timeCase runs a command once to warm up and then *runs times.
func timeCase(name, dir, prog string, args ...string) measure {
	step(fmt.Sprintf("%s: 1 warm-up + %d runs", name, *runs))
	var m measure
	for i := 0; i <= *runs; i++ {
		cmd := exec.Command(prog, args...)
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = nil, &stderr
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start).Seconds()
		if err != nil {
			fmt.Fprintf(os.Stderr, "   %s failed: %v\n%s", name, err, stderr.String())
			return measure{}
		}
		if i == 0 {
			continue
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
		m.wall = append(m.wall, wall)
		m.cpu = append(m.cpu, cpu)
		m.rss = append(m.rss, float64(ru.Maxrss)/1024)
		fmt.Fprintf(os.Stderr, "   %.3f s (cpu %.3f s)  %.0f MiB\n", wall, cpu, float64(ru.Maxrss)/1024)
	}
	return m
}

var nsPerOp = regexp.MustCompile(`BenchmarkBootstrapSample\S*\s+\d+\s+(\d+(?:\.\d+)?) ns/op`)

// bootstrapBench runs BenchmarkBootstrapSample *runs times.
func bootstrapBench() ([]float64, error) {
	step("bootstrap benchmark")
	out, err := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkBootstrapSample$", "-benchtime", "20x",
		"-count", strconv.Itoa(*runs), "./analysis/needs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench: %v\n%s", err, out)
	}
	var secs []float64
	for _, m := range nsPerOp.FindAllStringSubmatch(string(out), -1) {
		ns, _ := strconv.ParseFloat(m[1], 64)
		secs = append(secs, ns/1e9)
		fmt.Fprintf(os.Stderr, "   %.3f s\n", ns/1e9)
	}
	return secs, nil
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:3], " ")
}

// readCSV reads a CSV file into maps keyed by column name.
func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out, nil
}
