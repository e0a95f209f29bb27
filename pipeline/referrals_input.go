package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"needsmap/data/sample"
	"needsmap/data/schema"
)

// sheetExts are the file types read from a referral folder (the content
// decides the format; the extension only picks files).
var sheetExts = map[string]bool{".csv": true, ".xlsx": true, ".xlsm": true, ".tsv": true, ".txt": true}

// folderInputs resolves an input that may be a folder of sheets: every
// CSV or XLSX file in it (not its subfolders), in name order; a single
// file; or the bundled sample folder. Spreadsheet lock files (~$…) and
// hidden files are skipped; other files are reported.
func folderInputs(cfg Config, role, path, bundled string, report func(schema.Problem)) ([]input, error) {
	if path == "" {
		if !cfg.Inputs.UseSample() {
			return nil, nil
		}
		var out []input
		for _, f := range sample.Folder(bundled) {
			out = append(out, input{role: role, name: sample.Prefix + f, bundled: f})
		}
		return out, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, &schema.FatalError{File: path, Reason: "cannot read the file or folder", Err: unwrapPath(err)}
	}
	if !st.IsDir() {
		return []input{{role: role, name: path, path: path}}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, &schema.FatalError{File: path, Reason: "cannot list the folder", Err: unwrapPath(err)}
	}
	var out []input
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(path, name)
		switch {
		case e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$"):
		case !sheetExts[strings.ToLower(filepath.Ext(name))]:
			report(schema.Problem{File: full, Reason: "not a CSV or XLSX file; skipped"})
		default:
			out = append(out, input{role: role, name: full, path: full})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	if len(out) == 0 {
		return nil, &schema.FatalError{File: path, Reason: fmt.Sprintf("the folder holds no CSV or XLSX file (%s)", role)}
	}
	return out, nil
}
