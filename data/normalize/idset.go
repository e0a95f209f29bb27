package normalize

import (
	"sort"
	"strconv"
	"strings"
)

// idSet remembers the respondent ids seen so far and the row each was
// first seen in. Exports usually number respondents 1, 2, 3… down the
// rows, so while numeric ids ascend they are kept as runs of consecutive
// ids on consecutive rows: a whole such file is one run, and memory does
// not grow with it. The first id out of order moves them all into a map.
type idSet struct {
	runs    []idRun
	ordered bool
	num     map[uint64]int32
	text    map[string]int32
}

// idRun is ids first..last, first seen on rows row..row+(last-first).
type idRun struct {
	first, last uint64
	row         int32
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
		s.text[strings.Clone(id)] = row // the row's text may be reused
		return 0, false
	}
	if s.ordered {
		if len(s.runs) == 0 || n > s.runs[len(s.runs)-1].last {
			s.extend(n, row)
			return 0, false
		}
		if first, dup := s.find(n); dup {
			return first, true
		}
		s.unorder()
	}
	if first, dup := s.num[n]; dup {
		return first, true
	}
	s.num[n] = row
	return 0, false
}

// extend adds an id above every id so far.
func (s *idSet) extend(n uint64, row int32) {
	if k := len(s.runs) - 1; k >= 0 {
		r := &s.runs[k]
		if n == r.last+1 && int64(row) == int64(r.row)+int64(n-r.first) {
			r.last = n
			return
		}
	}
	s.runs = append(s.runs, idRun{first: n, last: n, row: row})
}

// find looks an id up in the runs.
func (s *idSet) find(n uint64) (int32, bool) {
	k := sort.Search(len(s.runs), func(i int) bool { return s.runs[i].last >= n })
	if k < len(s.runs) && s.runs[k].first <= n {
		r := s.runs[k]
		return r.row + int32(n-r.first), true
	}
	return 0, false
}

func (s *idSet) unorder() {
	s.ordered = false
	s.num = map[uint64]int32{}
	for _, r := range s.runs {
		for n := r.first; ; n++ {
			s.num[n] = r.row + int32(n-r.first)
			if n == r.last {
				break
			}
		}
	}
	s.runs = nil
}
