package normalize

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"needsmap/data/reference"
	"needsmap/data/schema"
	"needsmap/data/source"
)

// FuzzCells: the cell parsers (ratings, ranks, whole numbers, folding)
// never panic, a rating is always on the scale or missing, and the
// one-byte table the row reader uses agrees with Rating.
func FuzzCells(f *testing.F) {
	for _, s := range []string{"", "3", " 4 ", "4.0", "4.5", "Very High Level Need", "don’t know", "-99", "N/A",
		"1e3", "-0", "٣", "\u00a0", "Not a need", "99999999999", "9.", ".0", "0x1"} {
		f.Add(s)
	}
	v := testVocab(f)
	f.Fuzz(func(t *testing.T, s string) {
		r, err := v.Rating(s)
		if err == nil && r != schema.Missing && (r < 0 || int(r) >= len(v.Levels)) {
			t.Fatalf("Rating(%q) = %d, off the scale", s, r)
		}
		if len(s) == 1 {
			again, err2 := v.Rating(s)
			if again != r || (err == nil) != (err2 == nil) {
				t.Fatalf("Rating(%q) is not stable", s)
			}
		}
		if n, ok := rankCell(s); ok && (n < 0 || n > 100) {
			t.Fatalf("rankCell(%q) = %d", s, n)
		}
		if n, ok := wholeNumber(s); ok && (n > 1e9 || n < -1e9) {
			t.Fatalf("wholeNumber(%q) = %d", s, n)
		}
		if k := Fold(s); utf8.ValidString(s) && Fold(k) != k {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, k, Fold(k))
		}
		if c := clip(s); c != "(text withheld)" && (strings.ContainsRune(c, '@') || len(c) > 40) {
			t.Fatalf("clip(%q) = %q lets text through", s, c)
		}
	})
}

// FuzzSurvey: any CSV text read as a survey gives responses on the scale
// or problems, never a panic, and every row is accounted for.
func FuzzSurvey(f *testing.F) {
	f.Add([]byte("respondent_id,region,county_fips,need_mental_health,need_legal_assistance,n_sex,survivors_served\n" +
		"1,STL,,4,3,2,5\n1,KC,,2,2,,\n2,,29037,9,Very high need,1,0\n3,Ozarks,,1,1,,\n"))
	f.Add([]byte("id,Region,Mental health,Legal services,rank_transportation\n7,Northwest,High level need,Don't know,2\n"))
	f.Add([]byte("respondent_id,county,need_transportation\n4,Cass,3\n5,\"St. Louis\",4\n"))
	v := testVocab(f)
	geo, err := reference.Load(reference.Options{})
	if err != nil {
		f.Fatal(err)
	}
	o := SurveyOptions{}
	if err := o.Validate(v); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tables, err := source.Open("f.csv", bytes.NewReader(data), int64(len(data)), source.Options{})
		if err != nil {
			return
		}
		defer tables[0].Close()
		s := &Survey{Vocab: v, Geo: geo, Options: o, Report: func(schema.Problem) {}}
		st, err := s.Read(tables[0], func(r *schema.Response) error {
			for _, x := range r.Ratings {
				if x != schema.Missing && (x < 0 || int(x) >= len(v.Levels)) {
					t.Fatalf("rating %d off the scale", x)
				}
			}
			if len(r.Regions) == 0 {
				t.Fatal("a kept response with no region")
			}
			return nil
		})
		if err == nil && st.Read != st.Kept+st.Rejected {
			t.Fatalf("read %d = kept %d + rejected %d does not hold", st.Read, st.Kept, st.Rejected)
		}
	})
}
