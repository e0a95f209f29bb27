package gaps

import "math"

// Haversine is the great-circle distance in km between two points given in
// degrees, on a sphere of radius r km.
func Haversine(lat1, lon1, lat2, lon2, r float64) float64 {
	const rad = math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Point is a county centroid with its population, for the access measure.
type Point struct {
	Lat, Lon   float64
	Population float64
}

// distances returns the symmetric matrix of centroid distances; a county
// is 0 km from itself.
func distances(pts []Point, r float64) [][]float64 {
	d := make([][]float64, len(pts))
	for i := range d {
		d[i] = make([]float64, len(pts))
	}
	for i := range pts {
		for j := i + 1; j < len(pts); j++ {
			x := Haversine(pts[i].Lat, pts[i].Lon, pts[j].Lat, pts[j].Lon, r)
			d[i][j], d[j][i] = x, x
		}
	}
	return d
}

// E2SFCA is the enhanced two-step floating catchment area method (Luo &
// Qi 2009) over county centroids. supply[k] is the supply placed in county
// k (resources already summed and split). It returns A_i for every
// county, in supply per resident:
//
//	R_j = S_j / Σ_k P_k·W(d_kj)   (step 1, for each county j with supply)
//	A_i = Σ_j R_j·W(d_ij)          (step 2)
//
// with W the stepped catchment weight. A supply whose catchment holds
// nobody (R_j's denominator 0) reaches no one and adds nothing. Sums run
// over counties in index order, so the result does not depend on how the
// supply was listed.
func E2SFCA(pts []Point, supply []float64, d [][]float64, w func(float64) float64) []float64 {
	n := len(pts)
	ratio := make([]float64, n)
	for j := 0; j < n; j++ {
		if supply[j] == 0 {
			continue
		}
		demand := 0.0
		for k := 0; k < n; k++ {
			if wk := w(d[k][j]); wk > 0 {
				demand += pts[k].Population * wk
			}
		}
		if demand > 0 {
			ratio[j] = supply[j] / demand
		}
	}
	access := make([]float64, n)
	for i := 0; i < n; i++ {
		a := 0.0
		for j := 0; j < n; j++ {
			if ratio[j] == 0 {
				continue
			}
			if wj := w(d[i][j]); wj > 0 {
				a += ratio[j] * wj
			}
		}
		access[i] = a
	}
	return access
}
