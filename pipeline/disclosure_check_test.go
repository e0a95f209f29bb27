package pipeline

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// This file is an attacker: it reads only the published CSV tables of a run
// and what any reader knows about them (which columns add up to which, that
// "<11" means 1..10 and that counts are not negative), sets up every total
// constraint, and bounds each suppressed cell by linear programming. It
// shares no code with analysis/disclosure.

type cellKey struct{ table, row, col string }

type attack struct {
	known   map[cellKey]float64
	hidden  map[cellKey]string // symbol
	order   []cellKey
	relates [][2][]cellKey // left = right
}

func readPublished(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// addTable records every count cell of the given columns.
func (a *attack) addTable(t *testing.T, name, path string, countCols []string) []string {
	head, rows := readPublished(t, path)
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var scopes []string
	for _, r := range rows {
		scopes = append(scopes, r[0])
		for _, c := range countCols {
			k := cellKey{name, r[0], c}
			v := r[col[c]]
			if n, err := strconv.Atoi(v); err == nil {
				a.known[k] = float64(n)
				continue
			}
			if v != "<11" && v != "*" {
				t.Fatalf("%s %s %s: %q is neither a count nor a suppression symbol", name, r[0], c, v)
			}
			a.hidden[k] = v
			a.order = append(a.order, k)
		}
	}
	return scopes
}

func (a *attack) relate(left, right []cellKey) {
	a.relates = append(a.relates, [2][]cellKey{left, right})
}

// survivorsRelations are what a reader of survivors_served.csv knows.
func (a *attack) survivorsRelations(scopes []string) {
	key := func(row, col string) cellKey { return cellKey{"survivors_served", row, col} }
	keys := func(row string, cols ...string) []cellKey {
		var out []cellKey
		for _, c := range cols {
			out = append(out, key(row, c))
		}
		return out
	}
	for _, s := range scopes {
		a.relate(keys(s, "survivors"), keys(s, "sex", "labor", "both", "type_not_reported"))
		a.relate(keys(s, "sex", "both"), keys(s, "ipv", "familial", "pimp", "survival", "other_sex", "subtype_not_reported"))
		a.relate(keys(s, "survivors"), keys(s, "minor", "adult", "age_not_reported"))
	}
	for _, c := range survivorCounts {
		var parts []cellKey
		for _, s := range scopes[1:] {
			parts = append(parts, key(s, c))
		}
		a.relate([]cellKey{key("Statewide", c)}, parts)
	}
}

var survivorCounts = []string{"survivors", "sex", "labor", "both", "type_not_reported", "ipv", "familial", "pimp",
	"survival", "other_sex", "subtype_not_reported", "minor", "adult", "age_not_reported", "lgbtq", "foreign_born"}

// bounds returns [lo, hi] for every hidden cell.
func (a *attack) bounds(t *testing.T) map[cellKey][2]float64 {
	idx := map[cellKey]int{}
	for i, k := range a.order {
		idx[k] = i
	}
	n := len(a.order)
	lower := make([]float64, n)
	var uppers []int
	for i, k := range a.order {
		if a.hidden[k] == "<11" {
			lower[i] = 1
			uppers = append(uppers, i)
		}
	}
	var rows [][]float64
	var rhs []float64
	for _, rel := range a.relates {
		row := make([]float64, n+len(uppers))
		b := 0.0
		used := false
		for side, keys := range rel {
			sign := 1.0
			if side == 1 {
				sign = -1
			}
			for _, k := range keys {
				if i, ok := idx[k]; ok {
					row[i] += sign
					b -= sign * lower[i]
					used = true
				} else if v, ok := a.known[k]; ok {
					b -= sign * v
				} else {
					t.Fatalf("relation uses unknown cell %v", k)
				}
			}
		}
		if used {
			rows, rhs = append(rows, row), append(rhs, b)
		}
	}
	for s, i := range uppers {
		row := make([]float64, n+len(uppers))
		row[i], row[n+s] = 1, 1
		rows, rhs = append(rows, row), append(rhs, 9)
	}
	rows, rhs = independentRows(rows, rhs)
	out := map[cellKey][2]float64{}
	for i, k := range a.order {
		lo := minimise(t, rows, rhs, i, 1)
		hi := -minimise(t, rows, rhs, i, -1)
		out[k] = [2]float64{lower[i] + lo, lower[i] + hi}
	}
	return out
}

// independentRows keeps a maximal set of linearly independent rows,
// reducing each new row against the kept ones (Gram–Schmidt).
func independentRows(rows [][]float64, rhs []float64) ([][]float64, []float64) {
	var keep, basis [][]float64
	var keepB []float64
	for i, r := range rows {
		v := append([]float64(nil), r...)
		for _, q := range basis {
			d := dot(v, q)
			for j := range v {
				v[j] -= d * q[j]
			}
		}
		norm := math.Sqrt(dot(v, v))
		if norm < 1e-8 {
			continue
		}
		for j := range v {
			v[j] /= norm
		}
		basis = append(basis, v)
		keep, keepB = append(keep, r), append(keepB, rhs[i])
	}
	return keep, keepB
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func minimise(t *testing.T, rows [][]float64, rhs []float64, v int, sign float64) float64 {
	if len(rows) == 0 {
		return math.Inf(-1) * sign
	}
	c := make([]float64, len(rows[0]))
	c[v] = sign
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	opt, _, err := lp.Simplex(c, m, rhs, 1e-10, nil)
	if errors.Is(err, lp.ErrUnbounded) {
		return math.Inf(-1)
	}
	if err != nil {
		t.Fatalf("lp: %v", err)
	}
	return opt
}

// assertUnrecoverable fails when a hidden cell is pinned to one whole
// number.
func assertUnrecoverable(t *testing.T, dir string) int {
	t.Helper()
	a := &attack{known: map[cellKey]float64{}, hidden: map[cellKey]string{}}
	scopes := a.addTable(t, "survivors_served", filepath.Join(dir, "tables", "survivors_served.csv"), survivorCounts)
	a.survivorsRelations(scopes)
	for k, iv := range a.bounds(t) {
		if a.hidden[k] == "*" && math.Abs(iv[0]) < 1e-7 && iv[1] < 1e-7 {
			continue // a hidden zero worked out: zeros may be published
		}
		if math.Floor(iv[1]+1e-7) <= math.Ceil(iv[0]-1e-7) {
			t.Errorf("%v (%s) recovered: it can only be %v", k, a.hidden[k], iv[0])
		}
		if a.hidden[k] == "<11" && iv[0] < 1-1e-7 {
			t.Errorf("%v: lower bound %v below 1", k, iv[0])
		}
	}
	return len(a.order)
}

// TestSuppressedCellsCannotBeRecovered attacks the sample's published
// tables and random surveys with many small counts.
func TestSuppressedCellsCannotBeRecovered(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	cfg := sampleConfig(t, dir)
	cfg.Needs.Bootstrap = 0
	runSample(t, cfg)
	if n := assertUnrecoverable(t, dir); n == 0 {
		t.Fatal("the sample publishes no suppressed cell: the check checked nothing")
	}
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			d := t.TempDir()
			survey := filepath.Join(d, "survey.csv")
			writeSurvivorSurvey(t, survey, seed)
			cfg := sampleConfig(t, filepath.Join(d, "out"))
			cfg.Needs.Bootstrap = 0
			cfg.Inputs.Survey = survey
			if _, err := Run(context.Background(), cfg, Deps{}); err != nil {
				t.Fatal(err)
			}
			assertUnrecoverable(t, cfg.Output.Dir)
		})
	}
}

// writeSurvivorSurvey writes a survey whose providers report small,
// consistent survivor counts in every region.
func writeSurvivorSurvey(t *testing.T, path string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 99))
	cfg := DefaultConfig()
	var b strings.Builder
	b.WriteString("respondent_id,region,need_mental_health,survivors_served,n_sex,n_labor,n_both,n_ipv,n_pimp,n_minor,n_adult\n")
	for i := 0; i < 60; i++ {
		sex, labor, both := rng.IntN(6), rng.IntN(3), rng.IntN(3)
		served := sex + labor + both + rng.IntN(2)
		ipv := rng.IntN(sex + both + 1)
		pimp := rng.IntN(sex + both - ipv + 1)
		minor := rng.IntN(served + 1)
		fmt.Fprintf(&b, "%d,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d\n", i+1, cfg.Regions[rng.IntN(len(cfg.Regions))].Name,
			rng.IntN(5), served, sex, labor, both, ipv, pimp, minor, served-minor)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
