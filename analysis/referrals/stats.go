package referrals

import "math"

// Wilson returns the Wilson score interval for k successes in n trials at
// the normal quantile z (Wilson 1927; Newcombe 1998, method 3):
//
//	centre = (p + z²/2n) / (1 + z²/n)
//	half   = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
//
// Unlike the Wald interval it stays inside [0, 1] and is not degenerate
// at 0 or n successes. n = 0 gives NaN, NaN.
func Wilson(k, n int, z float64) (lo, hi float64) {
	if n <= 0 {
		return math.NaN(), math.NaN()
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / den
	return math.Max(0, centre-half), math.Min(1, centre+half)
}

// Z returns the two-sided normal quantile for a confidence level
// (0.95 → 1.959963984540054).
func Z(confidence float64) float64 {
	return math.Sqrt2 * math.Erfinv(confidence)
}

// histogram counts completed referrals by whole days from referral to
// completion, so the median is exact in memory that does not grow with
// the number of referrals (only with the longest duration).
type histogram []int64

func (h *histogram) add(days int32, delta int64) {
	if int(days) >= len(*h) {
		grown := make(histogram, max(int(days)+1, 2*len(*h), 64))
		copy(grown, *h)
		*h = grown
	}
	(*h)[days] += delta
}

func (h histogram) merge(o histogram) histogram {
	if len(o) > len(h) {
		h, o = o.clone(), h
	} else {
		h = h.clone()
	}
	for i, v := range o {
		h[i] += v
	}
	return h
}

func (h histogram) clone() histogram { return append(histogram(nil), h...) }

// median is the middle duration; with an even count, the mean of the two
// middle ones. NaN when empty.
func (h histogram) median() float64 {
	var n int64
	for _, v := range h {
		n += v
	}
	if n == 0 {
		return math.NaN()
	}
	lo, hi := h.at((n-1)/2), h.at(n/2)
	return (float64(lo) + float64(hi)) / 2
}

// at returns the i-th smallest duration (0-based).
func (h histogram) at(i int64) int {
	var seen int64
	for d, v := range h {
		seen += v
		if seen > i {
			return d
		}
	}
	return len(h) - 1
}
