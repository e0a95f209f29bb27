package needs

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"needsmap/data/schema"
)

// sampleShaped builds a wave shaped like the bundled sample: 107
// respondents over 8 regions, 22 categories rated 0-4 with some missing,
// and the two default combined groups.
func sampleShaped() (Spec, []schema.Response) {
	spec := Spec{Levels: levels}
	for i := range 22 {
		spec.Categories = append(spec.Categories, schema.Category{Key: fmt.Sprintf("c%02d", i), Label: fmt.Sprintf("Category %d", i)})
	}
	spec.Combined = []schema.Combined{
		{Key: "housing", Label: "Housing", Members: []string{"c03", "c04", "c05"}, Rule: "max"},
		{Key: "mh_sud", Label: "Mental health", Members: []string{"c00", "c01", "c02"}, Rule: "max"},
	}
	for i := range 8 {
		spec.Regions = append(spec.Regions, fmt.Sprintf("Region %d", i))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	resp := make([]schema.Response, 107)
	for i := range resp {
		r := &resp[i]
		r.Regions = []string{spec.Regions[i%8]}
		r.Ratings = make([]int8, 22)
		for k := range r.Ratings {
			r.Ratings[k] = int8(rng.IntN(5))
			if rng.IntN(12) == 0 {
				r.Ratings[k] = schema.Missing
			}
		}
	}
	return spec, resp
}

// BenchmarkBootstrapSample is the bootstrap target: 1,000
// replicates for every scope and category of a sample-sized wave
// (docs/performance.md).
func BenchmarkBootstrapSample(b *testing.B) {
	spec, resp := sampleShaped()
	opts := Options{Metric: "mean", MinRespondents: 10, Bootstrap: 1000, Seed: 20200131, Confidence: 0.95, TopN: 3, TopK: 3}
	for b.Loop() {
		nb, err := NewBuilder(spec, opts)
		if err != nil {
			b.Fatal(err)
		}
		for i := range resp {
			if err := nb.Add(&resp[i]); err != nil {
				b.Fatal(err)
			}
		}
		if res := nb.Result(); len(res.Rows) == 0 {
			b.Fatal("no rows")
		}
	}
}
