package pdf

import (
	"strconv"

	"needsmap/data/schema"
	"needsmap/reports"
	"needsmap/reports/tables"
)

// maxProblems is how many problems the data-quality section lists, as in
// report.html; the rest are in rejects.csv and the workbook.
const maxProblems = 20

// quality draws the data-quality appendix: the inputs with their
// checksums, the problems by reason and the first problems found.
func (d *doc) quality() {
	r := d.r
	d.part("Appendix", "Data quality")
	if len(r.Inputs) > 0 {
		d.heading("Inputs", 2)
		read, kept, rejected := 0, 0, 0
		files := &table{caption: "Input files", head: []string{"File", "Role", "Layout", "Encoding", "Rows read", "Kept", "Rejected"},
			num: []bool{false, false, false, false, true, true, true}}
		sums := &table{caption: "SHA-256 checksum of each input file", head: []string{"File", "SHA-256"}, num: []bool{false, false}}
		for _, in := range r.Inputs {
			read, kept, rejected = read+in.Read, kept+in.Kept, rejected+in.Rejected
			files.rows = append(files.rows, []cell{{text: in.File}, {text: in.Role}, {text: in.Layout}, {text: in.Encoding},
				{text: strconv.Itoa(in.Read)}, {text: strconv.Itoa(in.Kept)}, {text: strconv.Itoa(in.Rejected)}})
			sums.rows = append(sums.rows, []cell{{text: in.File}, {text: in.SHA256}})
		}
		d.para("In all, "+strconv.Itoa(read)+" rows were read, "+strconv.Itoa(kept)+" kept and "+strconv.Itoa(rejected)+
			" rejected. The SHA-256 checksum identifies the exact file each result comes from.", "", sizeBody, ink)
		d.table(files)
		d.table(sums)
	}
	d.heading("Problems", 2)
	if n := len(r.Problems); n > 0 {
		verb := "problems were"
		if n == 1 {
			verb = "problem was"
		}
		d.para(strconv.Itoa(n)+" "+verb+" found in the inputs. Rows with a problem were left out, or the cell was ignored, and the run went on with the good rows.", "", sizeBody, ink)
		d.table(reasonsTable(r.Problems))
		rejects := tables.Rejects(r.Problems[:min(n, maxProblems)])
		first := fromTable(rejects, "", seq(1, len(rejects.Columns)), func([]tables.Cell) bool { return true })
		first.caption = "The first " + strconv.Itoa(len(first.rows)) + " of " + strconv.Itoa(n) + " problems, in the order found"
		d.table(first)
	} else {
		d.para("No problems were found in the inputs.", "", sizeBody, ink)
	}
	d.para("Every row or cell not used is listed in rejects.csv, with its file, sheet, row, column and reason, and on the rejects sheet of needsmap.xlsx.", "", sizeBody, ink)
}

// reasonsTable lists reports.ProblemReasons.
func reasonsTable(ps []schema.Problem) *table {
	t := &table{caption: "Problems by reason", head: []string{"Reason", "Problems"}, num: []bool{false, true}}
	for _, r := range reports.ProblemReasons(ps) {
		t.rows = append(t.rows, []cell{{text: r.Reason}, {text: strconv.Itoa(r.N)}})
	}
	return t
}
