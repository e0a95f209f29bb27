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
		if _, dup := asc.add(itoa(i+1), int32(i)); dup || !asc.ordered || len(asc.runs) != 1 {
			t.Fatalf("ascending ids: dup %v ordered %v at %d", dup, asc.ordered, i)
		}
	}
	if first, dup := asc.add("500", 2000); !dup || first != 499 || !asc.ordered {
		t.Errorf("late duplicate: %d %v", first, dup)
	}
	// Gaps in ids or rows start new runs; lookups still find the row.
	gaps := newIDSet()
	for _, st := range []struct {
		id  string
		row int32
	}{{"1", 2}, {"2", 3}, {"5", 4}, {"6", 6}, {"7", 7}, {"100", 8}} {
		gaps.add(st.id, st.row)
	}
	if len(gaps.runs) != 4 {
		t.Errorf("runs %v", gaps.runs)
	}
	for id, row := range map[string]int32{"1": 2, "2": 3, "5": 4, "6": 6, "7": 7, "100": 8} {
		if first, dup := gaps.add(id, 99); !dup || first != row {
			t.Errorf("id %s: first row %d %v, want %d", id, first, dup, row)
		}
	}
	if _, dup := gaps.add("3", 9); dup || gaps.ordered {
		t.Errorf("an id out of order that is new: dup %v ordered %v", dup, gaps.ordered)
	}
	if first, dup := gaps.add("6", 10); !dup || first != 6 {
		t.Errorf("after the move to a map: %d %v", first, dup)
	}
}

func itoa(i int) string {
	b := []byte{}
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
