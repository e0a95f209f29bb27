package needs

import "math"

// hist counts respondents at each scaled value 0..len-1 of one item.
type hist []int64

// Summary is the descriptive part of one item in one scope.
type Summary struct {
	N      int
	Median float64 // NaN when N == 0
	Mean   float64 // NaN when N == 0
	Top2   float64 // share rating in the top two levels; NaN when N == 0
	// Dist counts respondents per scale level (index = level value).
	Dist []int
}

// summarise derives the summary of a histogram scaled by denom, on a scale
// whose highest level is maxLevel.
func (h hist) summarise(denom, maxLevel int) Summary {
	return h.summary(denom, maxLevel, true)
}

// summary is summarise, with the distribution only when dist is set: the
// bootstrap ranks replicates by the other figures and calls this hundreds
// of thousands of times.
func (h hist) summary(denom, maxLevel int, dist bool) Summary {
	var s Summary
	if dist {
		s.Dist = make([]int, maxLevel+1)
	}
	var n, sum, top int64
	topFrom := int64((maxLevel - 1) * denom)
	for v, c := range h {
		if c == 0 {
			continue
		}
		n += c
		sum += int64(v) * c
		if int64(v) >= topFrom {
			top += c
		}
		// Round half up to the nearest level for the distribution of a
		// combined mean.
		if dist {
			s.Dist[(v+denom/2)/denom] += int(c)
		}
	}
	s.N = int(n)
	if n == 0 {
		s.Median, s.Mean, s.Top2 = math.NaN(), math.NaN(), math.NaN()
		return s
	}
	s.Mean = float64(sum) / float64(n*int64(denom))
	s.Top2 = float64(top) / float64(n)
	s.Median = h.median(n) / float64(denom)
	return s
}

// median of the counted values: the middle one, or the mean of the two
// middle ones for an even count.
func (h hist) median(n int64) float64 {
	lo := h.nth((n - 1) / 2)
	hi := h.nth(n / 2)
	return float64(lo+hi) / 2
}

// nth returns the value at 0-based position k in sorted order.
func (h hist) nth(k int64) int {
	var seen int64
	for v, c := range h {
		seen += c
		if seen > k {
			return v
		}
	}
	return len(h) - 1
}
