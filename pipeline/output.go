package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"needsmap/reports"
	htmlreport "needsmap/reports/html"
	"needsmap/reports/tables"
	"needsmap/reports/xlsx"
)

// ManifestName is the run manifest; its presence marks a folder as
// needsmap output, which is what allows a later run to replace it.
const ManifestName = "run.json"

// outputDir collects files for a run in a temporary folder, recording the
// SHA-256 of each for the manifest.
type outputDir struct {
	root   string
	hashes map[string]string
	fs     fileSystem
}

// fileSystem is how outputs reach the disk: the operating system's in a
// run, one that fails on cue in tests.
type fileSystem interface {
	MkdirAll(path string, perm os.FileMode) error
	WriteFile(path string, data []byte, perm os.FileMode) error
}

type osFS struct{}

func (osFS) MkdirAll(path string, perm os.FileMode) error { return os.MkdirAll(path, perm) }

func (osFS) WriteFile(path string, data []byte, perm os.FileMode) error {
	return os.WriteFile(path, data, perm)
}

// outputFS is the file system outputs are written to; tests replace it.
var outputFS fileSystem = osFS{}

func (o *outputDir) put(rel string, data []byte) error {
	path := filepath.Join(o.root, filepath.FromSlash(rel))
	if err := o.fs.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	if err := o.fs.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	sum := sha256.Sum256(data)
	o.hashes[rel] = hex.EncodeToString(sum[:])
	return nil
}

// writeOutputs renders every output into a temporary folder beside the
// target and swaps it into place only when all of it was written.
func writeOutputs(ctx context.Context, cfg Config, rep *reports.Report) error {
	return replaceDir(cfg.Output.Dir, func(tmp string) error {
		o := &outputDir{root: tmp, hashes: map[string]string{}, fs: outputFS}
		// The workbook and the report are rendered on two cores while
		// the tables and charts are written; files reach the disk in a
		// fixed order.
		rendered := renderDocuments(rep)
		defer rendered() // never leave them running
		steps := []func(*outputDir, Config, *reports.Report) error{writeTables, writeCharts, writePDF}
		for _, step := range steps {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := step(o, cfg, rep); err != nil {
				return err
			}
		}
		for _, d := range rendered() {
			if d.err != nil {
				return d.err
			}
			if err := o.put(d.name, d.data); err != nil {
				return err
			}
		}
		return writeManifest(o, cfg, rep)
	})
}

type document struct {
	name string
	data []byte
	err  error
}

// renderDocuments renders needsmap.xlsx and report.html concurrently; the
// returned function waits for both.
func renderDocuments(rep *reports.Report) func() []document {
	docs := []document{{name: "needsmap.xlsx"}, {name: "report.html"}}
	render := []func(io.Writer, *reports.Report) error{xlsx.Write, htmlreport.Write}
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if err := render[i](&buf, rep); err != nil {
				docs[i].err = fmt.Errorf("write %s: %w", docs[i].name, err)
				return
			}
			docs[i].data = buf.Bytes()
		}()
	}
	return func() []document {
		wg.Wait()
		return docs
	}
}

func writeTables(o *outputDir, _ Config, rep *reports.Report) error {
	for _, t := range rep.Tables {
		var buf bytes.Buffer
		if err := tables.WriteCSV(&buf, t); err != nil {
			return err
		}
		rel := "tables/" + t.Name + ".csv"
		if t.Name == "rejects" {
			rel = "rejects.csv"
		}
		if err := o.put(rel, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeCharts(o *outputDir, cfg Config, rep *reports.Report) error {
	for _, c := range rep.Charts {
		for _, format := range cfg.Output.Charts {
			data := c.SVG
			if format == "png" {
				data = c.PNG
			}
			if err := o.put("charts/"+c.Name+"."+format, data); err != nil {
				return err
			}
		}
	}
	return nil
}

// manifest is run.json.
type manifest struct {
	Tool        string          `json:"tool"`
	Version     string          `json:"version"`
	Suppression map[string]any  `json:"suppression"`
	Inputs      []reports.Input `json:"inputs"`
	Rejected    int             `json:"problems"`
	Outputs     []fileHash      `json:"outputs"`
	Config      any             `json:"config"`
}

type fileHash struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

func writeManifest(o *outputDir, cfg Config, rep *reports.Report) error {
	m := manifest{Tool: "needsmap", Version: Version, Inputs: rep.Inputs, Rejected: len(rep.Problems),
		Suppression: map[string]any{"enabled": cfg.Disclosure.Suppress, "k": cfg.Disclosure.K},
		Config:      AsMap(recorded(cfg))}
	for rel, sum := range o.hashes {
		m.Outputs = append(m.Outputs, fileHash{rel, sum})
	}
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].File < m.Outputs[j].File })
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("write %s: %w", ManifestName, err)
	}
	return o.put(ManifestName, append(b, '\n'))
}

// replaceDir runs fill on a fresh temporary folder next to dir and, if it
// succeeds, moves it to dir, replacing a previous needsmap output. A
// failure at any point leaves dir as it was.
func replaceDir(dir string, fill func(tmp string) error) error {
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return fmt.Errorf("create a temporary folder beside %s: %w", dir, err)
	}
	if err := fill(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(dir, tmp, parent, base)
}

// swap moves tmp to dir, keeping the old dir until the new one is in place.
func swap(dir, tmp, parent, base string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = filepath.Join(parent, "."+base+".old-"+filepath.Base(tmp)[len(base)+6:])
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("move the previous %s aside: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("move the new output into %s: %w", dir, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// checkReplaceable refuses to replace a folder that is not empty and holds
// no run.json: it is not ours to delete.
func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err != nil {
		return fmt.Errorf("output folder %s exists and is not a needsmap output (no %s); choose another --out", dir, ManifestName)
	}
	return nil
}
