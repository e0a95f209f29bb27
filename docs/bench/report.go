package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

type results struct {
	w1, w1peer, w2, w2peer, w3, w3peer, sample measure
	boot                                       []float64
	checks                                     []string
	load                                       [2]string
}

// check compares needsmap's numbers with the peers' expected outputs: W1
// at 100k rows by key, and the W3 line at 1M rows.
func (r *results) check(bin, tmp string) error {
	step("checking needsmap's numbers against the expected outputs")
	out := filepath.Join(tmp, "check")
	cmd := exec.Command(bin, "run", "--survey", filepath.Join(*data, "100k", "survey.csv"), "--bootstrap", "0",
		"--no-suppression", "--out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("W1 100k: %v\n%s", err, b)
	}
	got, err := readCSV(filepath.Join(out, "tables", "needs_ranking.csv"))
	if err != nil {
		return err
	}
	want, err := readCSV(filepath.Join(*benchTx, "expected", "w1-100k", "needs_ranking.csv"))
	if err != nil {
		return err
	}
	key := func(m map[string]string) string {
		return strings.ToLower(m["scope"]) + "|" + m["view"] + "|" + m["category"]
	}
	byKey := map[string]map[string]string{}
	for _, w := range want {
		byKey[key(w)] = w
	}
	equal := 0
	for _, g := range got {
		w, ok := byKey[key(g)]
		if !ok {
			return fmt.Errorf("W1 100k: needsmap has row %s, the peers do not", key(g))
		}
		for _, col := range []string{"n", "mean", "top2", "rank"} {
			if g[col] != w[col] {
				return fmt.Errorf("W1 100k: %s %s is %s, the peers say %s", key(g), col, g[col], w[col])
			}
		}
		equal++
	}
	if equal != len(want) {
		return fmt.Errorf("W1 100k: %d rows, the peers have %d", equal, len(want))
	}
	r.checks = append(r.checks, fmt.Sprintf("W1 at 100,000 rows: all %d rows (scope, view, category) have the peers' n, mean, top2 and rank", equal))
	if err := r.checkW2(bin, tmp); err != nil {
		return err
	}
	line, err := exec.Command(bin, "bench-read", filepath.Join(*data, "1m", "referrals.xlsx")).Output()
	if err != nil {
		return fmt.Errorf("W3: %v", err)
	}
	wantLine, err := os.ReadFile(filepath.Join(*benchTx, "expected", "w3-1m.txt"))
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(line)) != strings.TrimSpace(string(wantLine)) {
		return fmt.Errorf("W3: needsmap printed %q, the peers %q", line, wantLine)
	}
	r.checks = append(r.checks, fmt.Sprintf("W3 at 1,000,000 rows: needsmap prints `%s`, as the peers do", strings.TrimSpace(string(line))))
	return nil
}

// checkW2 compares needsmap's referral table at 100k rows with the peers'
// referral_metrics.csv, by region and service.
func (r *results) checkW2(bin, tmp string) error {
	out := filepath.Join(tmp, "check-w2")
	cmd := exec.Command(bin, "run", "--referrals", filepath.Join(*data, "100k"), "--no-suppression", "--out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("W2 100k: %v\n%s", err, b)
	}
	got, err := readCSV(filepath.Join(out, "tables", "referrals_by_region_service.csv"))
	if err != nil {
		return err
	}
	want, err := readCSV(filepath.Join(*benchTx, "expected", "w2-100k", "referral_metrics.csv"))
	if err != nil {
		return err
	}
	key := func(m map[string]string) string { return m["region"] + "|" + m["service"] }
	byKey := map[string]map[string]string{}
	for _, g := range got {
		byKey[key(g)] = g
	}
	for _, w := range want {
		g, ok := byKey[key(w)]
		if !ok {
			return fmt.Errorf("W2 100k: the peers have row %s, needsmap does not", key(w))
		}
		for _, col := range []string{"referrals", "completed", "completion_rate", "median_days"} {
			if g[col] != w[col] {
				return fmt.Errorf("W2 100k: %s %s is %s, the peers say %s", key(w), col, g[col], w[col])
			}
		}
	}
	leaves := 0
	for _, g := range got {
		if g["region"] != "Statewide" && g["service"] != "all_services" {
			leaves++
		}
	}
	if leaves != len(want) {
		return fmt.Errorf("W2 100k: needsmap has %d region and service rows, the peers %d", leaves, len(want))
	}
	r.checks = append(r.checks, fmt.Sprintf("W2 at 100,000 rows: all %d rows (region, service) have the peers' referrals, completed, completion_rate and median_days", len(want)))
	return nil
}

func wallCell(m measure) string {
	if len(m.wall) == 0 {
		return "not run"
	}
	lo, hi := spread(m.wall)
	if len(m.cpu) == 0 {
		return fmt.Sprintf("%.3f s (%.3f–%.3f)", m.med(m.wall), lo, hi)
	}
	return fmt.Sprintf("%.3f s (%.3f–%.3f; cpu %.2f s)", m.med(m.wall), lo, hi, m.med(m.cpu))
}

func rssCell(m measure) string {
	if len(m.rss) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MiB", m.med(m.rss))
}

func ratio(peer, ours measure) string {
	if len(peer.wall) == 0 || len(ours.wall) == 0 {
		return "—"
	}
	r := peer.med(peer.wall) / ours.med(ours.wall)
	if r < 1 {
		return fmt.Sprintf("%.2f× slower", 1/r)
	}
	return fmt.Sprintf("%.2f× faster", r)
}

func met(m measure, wall, rss float64) string {
	if len(m.wall) == 0 {
		return "not run"
	}
	ok := m.med(m.wall) <= wall && (rss == 0 || m.med(m.rss) <= rss)
	if ok {
		return "yes"
	}
	return "**no**"
}

func (r *results) table() string {
	var b strings.Builder
	b.WriteString("| workload | best peer (this session) | needsmap | peer ÷ needsmap | target | met |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| W1: rank 1,000,000 survey rows, single + combined views | DuckDB %s · %s | %s · %s | %s | ≤ 0.5 s, ≤ 100 MiB | %s |\n",
		wallCell(r.w1peer), rssCell(r.w1peer), wallCell(r.w1), rssCell(r.w1), ratio(r.w1peer, r.w1), met(r.w1, 0.5, 100))
	fmt.Fprintf(&b, "| W2: referral metrics over 10,000,000 CSV rows | DuckDB %s · %s | %s · %s | %s | ≤ 3.0 s, ≤ 100 MiB | %s |\n",
		wallCell(r.w2peer), rssCell(r.w2peer), wallCell(r.w2), rssCell(r.w2), ratio(r.w2peer, r.w2), met(r.w2, 3, 100))
	fmt.Fprintf(&b, "| W3: read a 1,000,000-row XLSX sheet | readxl %s · %s | %s · %s | %s | ≤ 5 s, ≤ 300 MiB | %s |\n",
		wallCell(r.w3peer), rssCell(r.w3peer), wallCell(r.w3), rssCell(r.w3), ratio(r.w3peer, r.w3), met(r.w3, 5, 300))
	fmt.Fprintf(&b, "| bundled sample, whole `needsmap run` with report and charts | — | %s · %s | — | ≤ 1 s | %s |\n",
		wallCell(r.sample), rssCell(r.sample), met(r.sample, 1, 0))
	boot := measure{wall: r.boot}
	fmt.Fprintf(&b, "| bootstrap, 1,000 replicates, 8 regions × all categories, 107 respondents | — | %s (per run of the Go benchmark) | — | ≤ 0.3 s | %s |\n",
		wallCell(boot), met(boot, 0.3, 0))
	return b.String()
}

func (r *results) doc(table string) string {
	goVer, _ := exec.Command("go", "env", "GOVERSION").Output()
	var b strings.Builder
	b.WriteString(`# Performance

Written by ` + "`docs/bench/run.sh`" + ` (do not edit by hand; run it again). It builds
needsmap, generates the reference data with the shared generator
(` + "`docs/bench/gen.py`" + `, seed 42), runs each case as a whole process — one warm-up,
then ` + fmt.Sprint(*runs) + ` timed runs — and gives the median wall time (range in brackets) and
the median peak RSS (maxrss of the process from wait4), with the median CPU
time (user + system) beside the wall time: cpu above wall means both cores
were used, cpu close to wall on a busy machine means only one was free. The
best peer of each workload runs in the same session, on the same files.

`)
	fmt.Fprintf(&b, "Measured %s on %d CPUs (%s), %s; load average %s at the start, %s at the end (the machine is shared: the spread shows how much that mattered).\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.NumCPU(), cpuModel(), strings.TrimSpace(string(goVer)), r.load[0], r.load[1])
	b.WriteString(table)
	b.WriteString("\nChecks of the numbers, run before the timings:\n\n")
	for _, c := range r.checks {
		b.WriteString("- " + c + "\n")
	}
	b.WriteString(`
## What each case runs

| case | command |
|---|---|
| W1 needsmap | ` + "`needsmap run --survey 1m/survey.csv --bootstrap 0 --out …`" + ` (whole run: read, rank, tables, 19 charts, workbook, report) |
| W1 DuckDB | ` + "`node docs/bench/peers/duckdb_peer.mjs w1 1m/survey.csv …`" + ` |
| W2 needsmap | ` + "`needsmap run --referrals 10m --out …`" + ` (whole run: read, match duplicates, grids, disclosure control, tables, charts, workbook, report) |
| W2 DuckDB | ` + "`node docs/bench/peers/duckdb_peer.mjs w2 10m/referrals.csv …`" + ` (the region × service and region × month aggregates only) |
| W3 needsmap | ` + "`needsmap bench-read 1m/referrals.xlsx`" + ` (open the workbook, read every row, dates to times; prints rows=N completed=M) |
| W3 readxl | ` + "`Rscript docs/bench/peers/dt_peer.R w3 1m/referrals.xlsx`" + ` |
| sample | ` + "`needsmap run --out …`" + ` (the bundled sample, 1,000 bootstrap replicates, every output) |
| bootstrap | ` + "`go test -run '^$' -bench BootstrapSample -benchtime 20x ./analysis/needs`" + ` (seconds per op) |

DuckDB cannot read XLSX here (its excel
extension is not bundled), so readxl is W3's best peer, as in the shared
baselines.

## Reproduce

` + "```sh" + `
docs/bench/run.sh                 # installs the peers, generates the data (~5 min once), ~8 min of runs
docs/bench/run.sh -skip-readxl    # without the slow readxl peer
needsmap gen --rows 1000000 --out big/   # needsmap's own generator, for any size
` + "```" + `

## How needsmap gets there

- **CSV**: a large UTF-8 file is cut into 1 MiB blocks of whole lines
  (data/source/parallel.go); each core splits its blocks (eight bytes at a
  time) and maps the rows — for referrals it also counts them, in a shard
  of its own — and one goroutine takes the blocks back in file order for
  what order decides: repeated ids, the order of problems, the first
  spelling of each sector or agency, the order of survey responses. A line
  the quick splitter cannot read exactly (a cell over two lines, a broken
  quote, text that is not UTF-8) hands the rest of the file to the
  ordinary parser, which otherwise reads small files, a few batches ahead
  on a goroutine of its own. Rows, problems and every output file are the
  same as with one core (tests compare all of them on a messy survey and a
  messy referral file; a fuzz target compares the two readers). The row
  readers allocate nothing per row in the usual case (columns by index,
  coded values resolved once per spelling, an append-only set for
  ascending ids); responses are counted into flat histograms, never stored
  (only a byte per rating is kept when a bootstrap is asked for). Inputs
  are hashed for run.json while they are read.
- **XLSX**: a sheet reader of needsmap's own (data/source/xlsxsheet.go)
  tokenises the sheet XML by hand, inflating on its own goroutine; it gives
  exactly excelize's raw values (a test compares them cell by cell on the
  whole corpus) at a fraction of the cost, and memory stays at one row.
- **Charts**: drawn concurrently on every core, PNGs at 96 dpi with a fixed
  row filter computed eight bytes at a time and zlib's fastest level
  (klauspost/compress; lossless, a test decodes them back).
`)
	if hist, err := os.ReadFile(filepath.Join(*benchTx, "history.md")); err == nil {
		b.WriteString("\n")
		b.Write(hist)
	}
	return b.String()
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}
