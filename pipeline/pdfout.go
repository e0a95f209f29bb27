package pipeline

import (
	"fmt"
	"runtime"
	"sync"

	"needsmap/reports"
	"needsmap/reports/pdf"
)

// writePDF writes report.pdf and one handout per region,
// regions/<region>.pdf. The files are rendered side by side (each is
// independent, and most of the time goes to preparing fonts) and written
// in a fixed order.
func writePDF(o *outputDir, _ Config, rep *reports.Report) error {
	stems := pdf.RegionFiles(rep.Regions)
	rels := []string{"report.pdf"}
	for _, s := range stems {
		rels = append(rels, "regions/"+s+".pdf")
	}
	data := make([][]byte, len(rels))
	errs := make([]error, len(rels))
	render := func(i int) {
		if i == 0 {
			data[i], errs[i] = pdf.Render(rep)
		} else {
			data[i], errs[i] = pdf.RenderRegion(rep, rep.Regions[i-1])
		}
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range rels {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			render(i)
		}()
	}
	wg.Wait()
	for i, rel := range rels {
		if errs[i] != nil {
			return fmt.Errorf("write %s: %w", rel, errs[i])
		}
		if err := o.put(rel, data[i]); err != nil {
			return err
		}
	}
	return nil
}
