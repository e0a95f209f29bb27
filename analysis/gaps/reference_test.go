package gaps

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"needsmap/data/schema"
)

var update = flag.Bool("update", false, "regenerate testdata/e2sfca (inputs, and the expected output when Rscript is installed)")

const refDir = "testdata/e2sfca"

// TestE2SFCAMatchesR compares the access of every Missouri and Illinois
// county, and of each state, for 300 generated resources with the output
// of an independent R implementation (testdata/e2sfca/e2sfca.R), to 1e-9
// per 100,000 residents.
func TestE2SFCAMatchesR(t *testing.T) {
	if *update {
		writeReferenceInputs(t, refDir, 2009)
		if _, err := exec.LookPath("Rscript"); err == nil {
			runR(t, refDir, filepath.Join(refDir, "expected.csv"))
		}
	}
	compareWithR(t, refDir, filepath.Join(refDir, "expected.csv"))
}

// runR runs the R implementation on the inputs in dir.
func runR(t *testing.T, dir, out string) {
	t.Helper()
	cmd := exec.Command("Rscript", filepath.Join(refDir, "e2sfca.R"), filepath.Join(dir, "counties.csv"),
		filepath.Join(dir, "resources.csv"), out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Rscript: %v\n%s", err, b)
	}
}

func compareWithR(t *testing.T, dir, expected string) {
	t.Helper()
	cs, rs := readReferenceInputs(t, dir)
	in := Input{Counties: cs, Regions: []string{"IL", "MO"}, Categories: []schema.Category{{Key: "x", Label: "X"}}, Resources: rs}
	res, err := Analyse(in, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for i, c := range res.Counties {
		got["county "+c.FIPS] = res.Access[0][i].Access
	}
	for _, s := range []string{"IL", "MO"} {
		row, _ := res.Row(s, "x", PopulationAll)
		got["region "+s] = row.Access
	}
	want := readCSVRecords(t, expected)
	if len(want) != len(got) || len(want) != 217+2 {
		t.Fatalf("%d expected values, %d computed", len(want), len(got))
	}
	nonzero := 0
	for _, rec := range want {
		x, err := strconv.ParseFloat(rec[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		g, ok := got[rec[0]+" "+rec[1]]
		if !ok || math.Abs(g-x) > 1e-9 {
			t.Errorf("%s %s: Go %.12f, R %.12f", rec[0], rec[1], g, x)
		}
		if x > 0 {
			nonzero++
		}
	}
	if nonzero < 150 {
		t.Errorf("only %d counties with access: the example is too sparse to test much", nonzero)
	}
}

func readCSVRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/gaps -run E2SFCAMatchesR -update with Rscript installed)", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[1:]
}

func readReferenceInputs(t *testing.T, dir string) ([]schema.County, []schema.Resource) {
	t.Helper()
	var cs []schema.County
	for _, r := range readCSVRecords(t, filepath.Join(dir, "counties.csv")) {
		lat, _ := strconv.ParseFloat(r[1], 64)
		lon, _ := strconv.ParseFloat(r[2], 64)
		pop, _ := strconv.Atoi(r[3])
		cs = append(cs, schema.County{FIPS: r[0], Lat: lat, Lon: lon, Population: pop, Region: r[4]})
	}
	var rs []schema.Resource
	for _, r := range readCSVRecords(t, filepath.Join(dir, "resources.csv")) {
		res := schema.Resource{Organization: r[0], Services: []int{0}}
		if r[3] == "1" {
			res.Statewide = true
		} else {
			res.Counties = strings.Split(r[1], ";")
		}
		if r[2] != "" {
			res.Capacity, _ = strconv.ParseFloat(r[2], 64)
		}
		rs = append(rs, res)
	}
	return cs, rs
}

// writeReferenceInputs writes every Missouri and Illinois county (from the
// bundled reference tables) and 300 seeded random resources into dir.
func writeReferenceInputs(t *testing.T, dir string, seed uint64) {
	t.Helper()
	ref := filepath.Join("..", "..", "data", "reference")
	pops := map[string]string{}
	for _, r := range readCSVRecords(t, filepath.Join(ref, "county_population_mo_il.csv")) {
		pops[r[0]] = r[1]
	}
	counties := [][]string{{"fips", "lat", "lon", "population", "region"}}
	var fips []string
	for _, r := range readCSVRecords(t, filepath.Join(ref, "counties_mo_il.csv")) {
		counties = append(counties, []string{r[0], r[3], r[4], pops[r[0]], r[1]})
		fips = append(fips, r[0])
	}
	writeCSVFile(t, filepath.Join(dir, "counties.csv"), counties)
	rng := rand.New(rand.NewPCG(seed, 0x1e0))
	resources := [][]string{{"id", "counties", "capacity", "remote"}}
	for i := 1; i <= 300; i++ {
		var sites []string
		for k := 1 + rng.IntN(3)/2; k > 0; k-- {
			sites = append(sites, fips[rng.IntN(len(fips))])
		}
		capacity, remote := "", "0"
		if rng.IntN(2) == 0 {
			capacity = strconv.Itoa(1 + rng.IntN(40))
		}
		if rng.IntN(20) == 0 {
			remote = "1"
		}
		resources = append(resources, []string{fmt.Sprintf("r%03d", i), strings.Join(dedupe(sites), ";"), capacity, remote})
	}
	writeCSVFile(t, filepath.Join(dir, "resources.csv"), resources)
}

func dedupe(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !strings.Contains(strings.Join(out, ";"), x) {
			out = append(out, x)
		}
	}
	return out
}

func writeCSVFile(t *testing.T, path string, recs [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
