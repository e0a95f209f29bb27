package reference

import (
	"strings"
	"testing"
)

func TestParseBundledShapes(t *testing.T) {
	b, name, err := Shapes(Options{})
	if err != nil {
		t.Fatal(err)
	}
	shapes, err := ParseShapes(b, name)
	if err != nil {
		t.Fatal(err)
	}
	if len(shapes) != 217 || shapes[0].FIPS != "17001" || shapes[216].FIPS != "29510" {
		t.Fatalf("%d shapes, first %s, last %s", len(shapes), shapes[0].FIPS, shapes[len(shapes)-1].FIPS)
	}
	r := shapes[0].Polygons[0][0]
	if len(r) < 4 || r[0] != r[len(r)-1] || r[0].Lon > -90 || r[0].Lat < 39 {
		t.Errorf("Adams County ring starts %v (%d points)", r[0], len(r))
	}
}

func TestParseShapesLayouts(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","id":1001,"properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]],[[2.1,2.1],[2.2,2.1],[2.2,2.2],[2.1,2.1]]]]}},
	 {"type":"Feature","properties":{"fips":"00002"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`
	shapes, err := ParseShapes([]byte(doc), "t.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if len(shapes) != 2 || shapes[0].FIPS != "00002" || shapes[1].FIPS != "01001" || len(shapes[1].Polygons) != 2 || len(shapes[1].Polygons[1]) != 2 {
		t.Errorf("got %+v", shapes)
	}
	for _, bad := range []string{`{"features":[{"properties":{},"geometry":{"type":"Polygon","coordinates":[]}}]}`,
		`{"features":[{"id":"5","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}`, `not json`} {
		if _, err := ParseShapes([]byte(bad), "bad.geojson"); err == nil || !strings.Contains(err.Error(), "bad.geojson") {
			t.Errorf("%s: err = %v", bad, err)
		}
	}
}
