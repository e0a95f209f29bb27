//go:build clients

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// browserDir holds the Node side of the browser check: check.mjs and the
// pinned playwright-core and axe-core (package-lock.json).
var browserDir = filepath.Join("testdata", "browser")

// browserReport is what check.mjs prints.
type browserReport struct {
	URL     string `json:"url"`
	Browser string `json:"browser"`
	Title   string `json:"title"`
	Console []struct {
		Type, Text, Where string
	} `json:"console"`
	PageErrors       []string  `json:"pageErrors"`
	Requests         []string  `json:"requests"`
	DevtoolsRequests []string  `json:"devtoolsRequests"`
	DataURLs         []string  `json:"dataURLs"`
	Failed           []string  `json:"failed"`
	Axe              axeReport `json:"axe"`
	Screenshots      []string  `json:"screenshots"`
	Narrow           struct {
		Width       int       `json:"width"`
		ScrollWidth int       `json:"scrollWidth"`
		Sticking    []string  `json:"sticking"`
		Axe         axeReport `json:"axe"`
	} `json:"narrow"`
}

type axeReport struct {
	Version    string    `json:"version"`
	Passes     int       `json:"passes"`
	Violations []axeRule `json:"violations"`
	Incomplete []axeRule `json:"incomplete"`
}

type axeRule struct {
	ID, Impact, Help, HelpURL string
	Nodes                     []struct{ Target, HTML, Summary string }
}

// checkBrowser loads report.html in headless Chromium: no console error or
// warning, no script error, no request but the file itself (data: URLs
// included), no serious or critical axe-core violation, and in a 320px
// window no sideways scrolling of the page (wide tables scroll in their
// own box).
func checkBrowser(t *testing.T, out, mode string) {
	r := loadInBrowser(t, filepath.Join(out, "report.html"))
	for _, c := range r.Console {
		t.Logf("console %s: %s (%s)", c.Type, c.Text, c.Where)
		if c.Type == "error" || c.Type == "warning" {
			t.Errorf("console %s: %s", c.Type, c.Text)
		}
	}
	for name, list := range map[string][]string{
		"script error": r.PageErrors, "request": r.Requests, "request (DevTools)": r.DevtoolsRequests,
		"failed request": r.Failed, "data: URL": r.DataURLs,
	} {
		for _, item := range list {
			t.Errorf("%s: %s", name, item)
		}
	}
	failAxe(t, "", r.Axe)
	failAxe(t, fmt.Sprintf("at %dpx: ", r.Narrow.Width), r.Narrow.Axe)
	if n := r.Narrow; n.ScrollWidth > n.Width {
		t.Errorf("in a %dpx window the page is %dpx wide: %s", n.Width, n.ScrollWidth, strings.Join(n.Sticking, "; "))
	}
	keepScreenshots(t, r.Screenshots, mode)
}

// failAxe logs every axe-core finding and fails on serious or critical ones.
func failAxe(t *testing.T, where string, a axeReport) {
	t.Helper()
	logAxe(t, where, a)
	for _, v := range a.Violations {
		if seriousImpact(v.Impact) {
			t.Errorf("%saxe %s violation %s: %s (%d elements)", where, v.Impact, v.ID, v.Help, len(v.Nodes))
		}
	}
}

func seriousImpact(impact string) bool { return impact == "serious" || impact == "critical" }

// TestClientsControl runs the browser check on a page made to fail it, so
// a check that has gone blind (a listener that never fires, axe not
// loaded) is caught rather than passing every report.
func TestClientsControl(t *testing.T) {
	r := loadInBrowser(t, filepath.Join(browserDir, "control.html"))
	types := map[string]bool{}
	for _, c := range r.Console {
		types[c.Type] = true
	}
	serious := 0
	for _, v := range r.Axe.Violations {
		if seriousImpact(v.Impact) {
			serious++
		}
	}
	for what, seen := range map[string]bool{
		"console error": types["error"], "console warning": types["warning"],
		"request": len(r.Requests) > 0, "request (DevTools)": len(r.DevtoolsRequests) > 0,
		"data: URL": len(r.DataURLs) > 0, "serious axe violation": serious > 0,
		"screenshots": len(r.Screenshots) == 2, "page wider than a phone": r.Narrow.ScrollWidth > r.Narrow.Width,
	} {
		if !seen {
			t.Errorf("the browser check missed the control page's %s", what)
		}
	}
}

// loadInBrowser runs check.mjs on one HTML file and decodes its findings.
func loadInBrowser(t *testing.T, page string) browserReport {
	t.Helper()
	chromium := lookTool(t, "chromium", "chromium")
	node := lookTool(t, "node", "nodejs")
	npmCI(t)
	shots := t.TempDir()
	cmd := tool(t, node, "check.mjs", "--report", mustAbs(t, page), "--shots", shots, "--chromium", chromium)
	cmd.Dir = browserDir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("check.mjs: %v\n%s", err, stderr.String())
	}
	var r browserReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("check.mjs output: %v\n%s", err, stdout.String())
	}
	t.Logf("Chromium %s loaded %q (%s)", r.Browser, r.Title, r.URL)
	return r
}

// npmCI installs the pinned Node packages when they are missing; .ci/run
// installs them beforehand, so this serves local runs.
func npmCI(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(browserDir, "node_modules", "playwright-core", "package.json")); err == nil {
		if _, err := os.Stat(filepath.Join(browserDir, "node_modules", "axe-core", "axe.min.js")); err == nil {
			return
		}
	}
	npm := lookTool(t, "npm", "npm")
	cmd := tool(t, npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = browserDir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", browserDir, err, out)
	}
}

// logAxe prints every violation, minor ones too, and a summary of the
// checks axe could not decide (text over inline SVG, mostly).
func logAxe(t *testing.T, where string, a axeReport) {
	t.Helper()
	t.Logf("%saxe-core %s: %d rules passed, %d violated, %d undecided", where, a.Version, a.Passes, len(a.Violations), len(a.Incomplete))
	for _, v := range a.Violations {
		t.Logf("%saxe %s %s: %s (%s)", where, v.Impact, v.ID, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			t.Logf("    %s: %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
	}
	for _, v := range a.Incomplete {
		t.Logf("%saxe undecided %s %s on %d elements, e.g. %s", where, v.Impact, v.ID, len(v.Nodes), firstSummary(v))
	}
}

func firstSummary(v axeRule) string {
	if len(v.Nodes) == 0 {
		return "-"
	}
	return strings.ReplaceAll(v.Nodes[0].Summary, "\n", " ")
}

// keepScreenshots logs where the screenshots are and, when
// NEEDSMAP_SCREENS names a folder, copies them to DIR/<mode>/ so they
// outlive the test's temporary folder.
func keepScreenshots(t *testing.T, shots []string, mode string) {
	t.Helper()
	keep := os.Getenv("NEEDSMAP_SCREENS")
	for _, s := range shots {
		t.Logf("screenshot %s", s)
		if keep == "" {
			continue
		}
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(keep, mode, filepath.Base(s))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot kept at %s", dst)
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
