package normalize

import "testing"

// TestIDSet: duplicates are found, with the row first seen, whether ids
// ascend, come out of order or are text.
func TestIDSet(t *testing.T) {
	s := newIDSet()
	steps := []struct {
		id        string
		row       int32
		dup       bool
		firstSeen int32
	}{
		{"1", 2, false, 0}, {"2", 3, false, 0}, {"10", 4, false, 0},
		{"2", 5, true, 3}, // out of order: the sorted ids move to a map
		{"5", 6, false, 0}, {"10", 7, true, 4}, {"5", 8, true, 6},
		{"007", 9, false, 0}, {"7", 10, false, 0}, {"007", 11, true, 9}, {"A-1", 12, false, 0},
		{"0", 13, false, 0}, {"0", 14, true, 13},
	}
	for _, st := range steps {
		first, dup := s.add(st.id, st.row)
		if dup != st.dup || first != st.firstSeen {
			t.Errorf("add(%q, %d) = %d, %v; want %d, %v", st.id, st.row, first, dup, st.firstSeen, st.dup)
		}
	}
	asc := newIDSet()
	for i := range 1000 {
		if _, dup := asc.add(itoa(i+1), int32(i)); dup || !asc.ordered {
			t.Fatalf("ascending ids: dup %v ordered %v at %d", dup, asc.ordered, i)
		}
	}
	if first, dup := asc.add("500", 2000); !dup || first != 499 {
		t.Errorf("late duplicate: %d %v", first, dup)
	}
}

func itoa(i int) string {
	b := []byte{}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
