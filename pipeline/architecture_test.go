package pipeline

import (
	"os/exec"
	"strings"
	"testing"
)

// forbidden lists, per package prefix, the module packages and external
// modules it must not depend on (directly or not), so data keeps flowing
// one way: cmd → pipeline → data → analysis → charts → reports.
var forbidden = map[string][]string{
	"needsmap/data/":     {"needsmap/analysis", "needsmap/charts", "needsmap/reports", "needsmap/pipeline", "needsmap/cmd"},
	"needsmap/analysis/": {"needsmap/data/source", "needsmap/data/normalize", "needsmap/data/reference", "needsmap/charts", "needsmap/reports", "needsmap/pipeline", "needsmap/cmd"},
	"needsmap/charts":    {"needsmap/data/source", "needsmap/data/normalize", "needsmap/reports", "needsmap/pipeline", "needsmap/cmd"},
	"needsmap/reports":   {"needsmap/data/source", "needsmap/data/normalize", "needsmap/pipeline", "needsmap/cmd"},
	"needsmap/pipeline":  {"needsmap/cmd"},
}

// onlyIn lists external modules that only some packages may import
// directly (others reach them through those packages).
var onlyIn = map[string][]string{
	"github.com/spf13/viper":      {"needsmap/cmd/"},
	"github.com/spf13/cobra":      {"needsmap/cmd/"},
	"github.com/go-gota/gota":     {},
	"github.com/xuri/excelize/v2": {"needsmap/data/source", "needsmap/reports/xlsx"},
}

func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps=false", "-f", "{{.ImportPath}}|{{join .Deps \" \"}}|{{join .Imports \" \"}}", "needsmap/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.Split(line, "|")
		pkg, deps, imports := parts[0], parts[1], parts[2]
		for _, imp := range strings.Fields(imports) {
			for mod, allowed := range onlyIn {
				if (imp == mod || strings.HasPrefix(imp, mod+"/")) && !hasPrefixAny(pkg, allowed) {
					t.Errorf("%s imports %s, which only %v may use", pkg, mod, allowed)
				}
			}
		}
		for _, dep := range strings.Fields(deps) {
			for prefix, bad := range forbidden {
				if strings.HasPrefix(pkg+"/", prefix) || strings.HasPrefix(pkg, prefix) {
					for _, b := range bad {
						if dep == b || strings.HasPrefix(dep, b+"/") {
							t.Errorf("%s depends on %s: data must flow one way", pkg, dep)
						}
					}
				}
			}
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d packages listed; is the module layout broken?", checked)
	}
}

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) || strings.HasPrefix(s+"/", p) {
			return true
		}
	}
	return false
}
