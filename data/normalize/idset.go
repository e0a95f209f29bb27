package normalize

import "strconv"

// idSet remembers the respondent ids seen so far and the row each was
// first seen in. Exports usually number respondents in ascending order,
// so while numeric ids ascend they are only appended to a sorted slice
// (twelve bytes each, no hashing); the first id out of order moves them
// all into maps.
type idSet struct {
	sorted  []uint64
	rows    []int32
	ordered bool
	num     map[uint64]int32
	text    map[string]int32
}

func newIDSet() idSet {
	return idSet{ordered: true, text: map[string]int32{}}
}

// add records id at row; when id was seen before it returns the first row
// and true instead. Whole numbers without a leading zero are kept as
// numbers; any other id ("007", "A-12") as text.
func (s *idSet) add(id string, row int32) (int32, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || (id != "0" && id[0] == '0') {
		if first, dup := s.text[id]; dup {
			return first, true
		}
		s.text[id] = row
		return 0, false
	}
	if s.ordered {
		if len(s.sorted) == 0 || n > s.sorted[len(s.sorted)-1] {
			s.sorted = append(s.sorted, n)
			s.rows = append(s.rows, row)
			return 0, false
		}
		s.unorder()
	}
	if first, dup := s.num[n]; dup {
		return first, true
	}
	s.num[n] = row
	return 0, false
}

func (s *idSet) unorder() {
	s.ordered = false
	s.num = make(map[uint64]int32, 2*len(s.sorted))
	for i, n := range s.sorted {
		s.num[n] = s.rows[i]
	}
	s.sorted, s.rows = nil, nil
}
