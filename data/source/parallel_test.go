package source

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// flat is a row or row error in a comparable form.
type flat struct {
	Num   int
	Cells []string
	Err   string
}

func flatRow(r Row) flat {
	cells := make([]string, r.Len())
	for j := range cells {
		cells[j] = strings.Clone(r.Cell(j))
	}
	return flat{Num: r.Num, Cells: cells}
}

// sequential reads a table with Next, after skip rows.
func sequential(t *testing.T, data []byte, opts Options) ([]flat, string, error) {
	t.Helper()
	tables, err := openBytes("t.csv", data, opts)
	if err != nil {
		return nil, "", err
	}
	tb := tables[0]
	defer tb.Close()
	var out []flat
	for {
		r, err := tb.Next()
		var re *RowError
		switch {
		case errors.Is(err, io.EOF):
			return out, tb.Encoding, nil
		case errors.As(err, &re):
			out = append(out, flat{Num: re.Num, Err: re.Err.Error()})
		case err != nil:
			return out, tb.Encoding, err
		default:
			out = append(out, flatRow(r))
		}
	}
}

// inParallel reads the first skip rows with Next and the rest with
// Parallel and Run; ok is false when Parallel declined.
func inParallel(t *testing.T, data []byte, opts Options, skip, workers int) ([]flat, string, bool, error) {
	t.Helper()
	tables, err := openBytes("t.csv", data, opts)
	if err != nil {
		return nil, "", false, err
	}
	tb := tables[0]
	defer tb.Close()
	var out []flat
	for range skip {
		r, err := tb.Next()
		var re *RowError
		switch {
		case errors.Is(err, io.EOF):
			return out, tb.Encoding, true, nil
		case errors.As(err, &re):
			out = append(out, flat{Num: re.Num, Err: re.Err.Error()})
		case err != nil:
			return out, tb.Encoding, true, err
		default:
			out = append(out, flatRow(r))
		}
	}
	pr, ok := tb.Parallel()
	if !ok {
		return nil, "", false, nil
	}
	err = pr.Run(workers, func(w int, p *Part) any {
		var rows []flat
		for {
			r, err := p.Next()
			var re *RowError
			switch {
			case errors.Is(err, io.EOF):
				return rows
			case errors.As(err, &re):
				rows = append(rows, flat{Num: re.Num, Err: re.Err.Error()})
			case err != nil:
				t.Errorf("part: %v", err)
				return rows
			default:
				rows = append(rows, flatRow(r))
			}
		}
	}, func(v any) error {
		out = append(out, v.([]flat)...)
		return nil
	}, func(any) {})
	return out, tb.Encoding, true, err
}

// lines are the kinds of line the generated files mix.
var lines = []string{
	"R%d,2024-01-05,C1,Agency A,Agency B,legal,29510,St. Louis,completed,2024-02-01,DV",
	"R%d,2024-01-05,,,,housing,,,pending,,",
	"R%d,\"Smith, Jones & Co\",x,\"say \"\"hi\"\"\",,",
	"R%d,\"open quote,\nstill open\",y",
	"R%d,bare\"quote,z",
	"R%d,\"closed\"junk,z",
	"R%d,Niños,Peña,café",
	"R%d,caf\xe9,1252",
	"R%d,a,b\r",
	"R%d,lone\rcr,x",
	"",
	",,,,",
	"   ,  ,",
	"R%d,a,b,c,d,e,f,g,h,i,j,k,l",
	"R%d",
	"R%d,last,\"\"",
}

func genCSV(rng *rand.Rand, n int, kinds []int) []byte {
	var b strings.Builder
	b.WriteString("referral_id,referral_date,client_code,referring_agency,receiving_agency,service,county_fips,region,status,completed_date,abuse_types\n")
	for i := range n {
		l := lines[kinds[rng.IntN(len(kinds))]]
		if strings.Contains(l, "%d") {
			l = fmt.Sprintf(l, i)
		}
		b.WriteString(l)
		if i < n-1 || rng.IntN(2) == 0 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// TestParallelMatchesNext holds the parallel reader to Next: the same
// rows, row errors, line numbers and encoding, whatever the mix of lines
// and wherever the parts are cut.
func TestParallelMatchesNext(t *testing.T) {
	defer func(n int) { blockBytes = n }(blockBytes)
	mixes := map[string][]int{
		"plain":           {0, 1},
		"quoted":          {0, 2},
		"multiline":       {0, 0, 0, 3},
		"bad quotes":      {0, 4, 5},
		"utf-8":           {0, 0, 6},
		"windows-1252":    {0, 0, 0, 7},
		"utf-8 then 1252": {0, 6, 7},
		"crlf":            {0, 8},
		"lone cr":         {0, 0, 9},
		"empty":           {0, 10, 11, 12},
		"ragged":          {0, 13, 14, 15},
		"everything":      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	}
	for name, kinds := range mixes {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(len(name))))
			declined := 0
			defer func() {
				// A file that opens as Windows-1252 is never read in
				// parallel; any other mix must be, at least sometimes
				// (a quote in the rows skipped first declines it).
				switch {
				case name == "windows-1252" && declined != 40:
					t.Errorf("Parallel accepted %d Windows-1252 files", 40-declined)
				case name != "windows-1252" && declined == 40:
					t.Error("Parallel declined every file: nothing was compared")
				}
			}()
			for trial := range 40 {
				blockBytes = 64 + rng.IntN(2000)
				data := genCSV(rng, 20+rng.IntN(400), kinds)
				want, wantEnc, wantErr := sequential(t, data, Options{})
				skip := rng.IntN(3)
				got, gotEnc, ok, err := inParallel(t, data, Options{}, skip, 1+rng.IntN(3))
				if !ok {
					declined++
					continue
				}
				if fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Fatalf("trial %d: error %v, want %v", trial, err, wantErr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("trial %d (block %d, skip %d): rows differ\n got %d: %.600v\nwant %d: %.600v", trial, blockBytes, skip, len(got), got, len(want), want)
				}
				if gotEnc != wantEnc {
					t.Fatalf("trial %d: encoding %s, want %s", trial, gotEnc, wantEnc)
				}
			}
		})
	}
}

// TestParallelLateEncoding covers files that are ASCII past the sniffed
// window: the first other byte decides UTF-8 or Windows-1252 for the whole
// file, in whichever part it falls.
func TestParallelLateEncoding(t *testing.T) {
	defer func(n int) { blockBytes = n }(blockBytes)
	for _, tail := range []string{"R1,Niños,Peña\nR2,caf\xe9\n", "R1,caf\xe9\nR2,Niños\n", "R1,Niños,caf\xe9\nR2,x\n"} {
		var b strings.Builder
		b.WriteString("a,b,c\n")
		for i := 0; b.Len() < 3*sniffBytes; i++ {
			fmt.Fprintf(&b, "%d,plain,text\n", i)
		}
		b.WriteString(tail)
		fmt.Fprintf(&b, "%d,after,the tail\n", 1)
		data := []byte(b.String())
		for _, block := range []int{1000, 70000, 1 << 20} {
			blockBytes = block
			want, wantEnc, wantErr := sequential(t, data, Options{})
			got, gotEnc, ok, err := inParallel(t, data, Options{}, 0, 2)
			if !ok {
				t.Fatalf("%q: Parallel declined", tail)
			}
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) || gotEnc != wantEnc {
				t.Fatalf("%q block %d: got %v %s %d rows (last %v), want %v %s %d rows (last %v)", tail, block,
					err, gotEnc, len(got), got[len(got)-3:], wantErr, wantEnc, len(want), want[len(want)-3:])
			}
		}
	}
}

// TestParallelDeclines lists tables Parallel leaves to Next.
func TestParallelDeclines(t *testing.T) {
	cases := map[string]string{
		"quoted header": "\"a,b\",c\n1,2\n",
		"utf-16":        "\xff\xfea\x00,\x00b\x00\n\x001\x00,\x002\x00\n\x00",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			tb := openOne(t, "t.csv", []byte(text), Options{})
			if _, ok := tb.Parallel(); ok {
				t.Fatal("Parallel accepted the table")
			}
			if r, err := tb.Next(); err != nil || r.Num != 2 {
				t.Fatalf("Next after a declined Parallel: %+v, %v", r, err)
			}
		})
	}
}

// TestParallelMergeError stops the run at merge's first error.
func TestParallelMergeError(t *testing.T) {
	defer func(n int) { blockBytes = n }(blockBytes)
	blockBytes = 256
	data := genCSV(rand.New(rand.NewPCG(3, 4)), 2000, []int{0})
	tb := openOne(t, "t.csv", data, Options{})
	pr, ok := tb.Parallel()
	if !ok {
		t.Fatal("Parallel declined a plain file")
	}
	stop := errors.New("stop")
	merged := 0
	err := pr.Run(2, func(int, *Part) any { return nil }, func(any) error {
		merged++
		if merged == 3 {
			return stop
		}
		return nil
	}, func(any) {})
	if !errors.Is(err, stop) || merged != 3 {
		t.Fatalf("Run = %v after %d merges, want stop after 3", err, merged)
	}
}

// FuzzParallel feeds any text to both readers, cut into small parts.
func FuzzParallel(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,b\n\"x\ny\",2\n3,4", "a,b\r\n1,\"2\"\"\"\r\n", "a,b\n1,caf\xe9\n2,\xc3\xa9\n"} {
		f.Add([]byte(s), uint16(64))
	}
	f.Fuzz(func(t *testing.T, data []byte, block uint16) {
		defer func(n int) { blockBytes = n }(blockBytes)
		blockBytes = 16 + int(block%512)
		want, wantEnc, wantErr := sequential(t, data, Options{})
		got, gotEnc, ok, err := inParallel(t, data, Options{}, 0, 2)
		if !ok || wantErr != nil && err == nil && len(want) == 0 {
			return
		}
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) || gotEnc != wantEnc {
			t.Fatalf("parallel differs:\n got %v %q %.400v\nwant %v %q %.400v", err, gotEnc, got, wantErr, wantEnc, want)
		}
	})
}

// BenchmarkReadCSV reads a 200,000-row referral-like CSV (about 27 MB)
// with Next and with Parallel on every core, touching every cell.
func BenchmarkReadCSV(b *testing.B) {
	defer func(p bool) { poisonBlocks = p }(poisonBlocks)
	poisonBlocks = false
	var sb strings.Builder
	sb.WriteString("referral_id,referral_date,client_code,referring_agency,receiving_agency,service,county_fips,region,status,completed_date,abuse_types\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200_000 {
		fmt.Fprintf(&sb, "R%08d,2023-%02d-%02d,C%06d,Gateway Women's Shelter,\"Spring River Outreach, Inc.\",legal_assistance,29510,St. Louis,completed,2023-12-01,DV;SA\n",
			i, 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(999999))
	}
	data := []byte(sb.String())
	touch := func(r Row) int {
		n := 0
		for j := range r.Len() {
			n += len(r.Cell(j))
		}
		return n
	}
	b.Run("next", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			tb := openOne(b, "t.csv", data, Options{LazyCells: true})
			for {
				r, err := tb.Next()
				if err != nil {
					break
				}
				touch(r)
			}
			tb.Close()
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			tb := openOne(b, "t.csv", data, Options{LazyCells: true})
			pr, ok := tb.Parallel()
			if !ok {
				b.Fatal("Parallel declined")
			}
			err := pr.Run(runtime.GOMAXPROCS(0), func(_ int, p *Part) any {
				n := 0
				for {
					r, err := p.Next()
					if err != nil {
						return n
					}
					n += touch(r)
				}
			}, func(any) error { return nil }, func(any) {})
			if err != nil {
				b.Fatal(err)
			}
			tb.Close()
		}
	})
}

// Every test here reads with merged blocks overwritten (see testBlocksEnv).
func init() { poisonBlocks = true }
