package synth

import (
	"reflect"
	"testing"

	"needsmap/data/reference"
)

// TestCountiesInTheirRegions: every county a synthetic row names lies in
// the row's region in the bundled region table, so the files map cleanly.
func TestCountiesInTheirRegions(t *testing.T) {
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range regions {
		for _, fips := range r.counties {
			c, ok := geo.County(fips)
			if !ok || c.Region != r.name {
				t.Errorf("county %s is in %q, not %q", fips, c.Region, r.name)
			}
		}
	}
}

// TestDeterministic: the same seed gives the same rows; another seed
// different ones.
func TestDeterministic(t *testing.T) {
	rows := func(seed uint64) (out [][]string) {
		Survey(50, seed, func(r []string) error { out = append(out, append([]string(nil), r...)); return nil })
		Referrals(50, seed, func(r *Referral) error { out = append(out, r.Strings(nil)); return nil })
		return out
	}
	if a, b := rows(1), rows(1); !reflect.DeepEqual(a, b) {
		t.Error("same seed, different rows")
	}
	if a, b := rows(1), rows(2); reflect.DeepEqual(a, b) {
		t.Error("different seeds, same rows")
	}
}
