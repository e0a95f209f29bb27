package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
	"os"
	"sync"

	"needsmap/data/normalize"
	"needsmap/data/reference"
	"needsmap/data/sample"
	"needsmap/data/schema"
	"needsmap/data/source"
	"needsmap/reports"
)

// input is one file of the run: a user path or a bundled sample file.
type input struct {
	role    string
	name    string // as shown in messages and run.json
	path    string // "" for a bundled file
	bundled string // sample file name
}

// surveyInput is the survey to read: the bundled one when no input is
// given at all, none when other inputs are given without a survey.
func surveyInput(cfg Config) (input, bool) {
	return inputFor(cfg, "survey", cfg.Inputs.Survey, "survey.csv")
}

// inputFor resolves one input: the user's path, the bundled sample file
// when the run reads the sample, or nothing.
func inputFor(cfg Config, role, path, bundled string) (input, bool) {
	switch {
	case path != "":
		return input{role: role, name: path, path: path}, true
	case cfg.Inputs.UseSample() && bundled != "":
		return input{role: role, name: sample.Prefix + bundled, bundled: bundled}, true
	}
	return input{}, false
}

// open returns the tables of the input and a function giving its SHA-256.
// A file is hashed as it is read (through source.Options.Tap), so a large
// file is read once, not twice; whatever the reader skipped is read and
// hashed when the function is called.
func (in input) open(opts source.Options) ([]*source.Table, func() (string, error), error) {
	if in.path == "" {
		b, err := sample.Read(in.bundled)
		if err != nil {
			return nil, nil, fmt.Errorf("read bundled %s: %w", in.bundled, err)
		}
		sum := sha256.Sum256(b)
		tables, err := source.Open(in.name, bytes.NewReader(b), int64(len(b)), opts)
		hex := hex.EncodeToString(sum[:])
		return tables, func() (string, error) { return hex, nil }, err
	}
	if _, err := os.Stat(in.path); err != nil {
		return nil, nil, &schema.FatalError{File: in.name, Reason: "cannot read the file", Err: unwrapPath(err)}
	}
	h := &hashTap{h: sha256.New()}
	opts.Tap = h.tap
	tables, err := source.OpenFile(in.path, opts)
	var sum *string
	var sumErr error
	return tables, func() (string, error) {
		if sum == nil {
			s, err := h.finish(in.path)
			sum, sumErr = &s, err
		}
		if sumErr != nil {
			return "", &schema.FatalError{File: in.name, Reason: "cannot read the file", Err: unwrapPath(sumErr)}
		}
		return *sum, nil
	}, err
}

// hashTap hashes a file from the reads of its reader: each read that
// reaches past what is hashed so far, starting at or before it, extends
// the hash. Reads ahead of it (a workbook's directory, at the end) are
// left to finish.
type hashTap struct {
	mu   sync.Mutex
	h    hash.Hash
	pos  int64
	done bool
}

func (t *hashTap) tap(p []byte, off int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.done && off <= t.pos && off+int64(len(p)) > t.pos {
		t.h.Write(p[t.pos-off:])
		t.pos = off + int64(len(p))
	}
}

// finish hashes the rest of the file from where the reads left off, and
// returns the checksum in hex.
func (t *hashTap) finish(path string) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done = true
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.Copy(t.h, io.NewSectionReader(f, t.pos, math.MaxInt64-t.pos)); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(t.h.Sum(nil)), nil
}

// openSum is open for inputs read whole, not streamed: it waits for the
// checksum.
func (in input) openSum(opts source.Options) ([]*source.Table, string, error) {
	tables, sum, err := in.open(opts)
	if sum == nil {
		return tables, "", err
	}
	s, serr := sum()
	if err == nil && serr != nil {
		closeAll(tables)
		return nil, "", serr
	}
	return tables, s, err
}

// unwrapPath drops the *os.PathError wrapper, whose path the caller already
// names, so messages read "survey.csv: cannot read the file: no such file".
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readSurvey streams the survey into emit and returns what was read.
func readSurvey(cfg Config, in input, vocab *normalize.Vocabulary, geo *reference.Geography, workers int,
	progress func(done, total int64, rows int), report func(schema.Problem),
	emit func(*schema.Response) error) (info reports.Input, err error) {
	opts := source.Options{Sheet: cfg.Survey.Sheet, HeaderMatch: normalize.HeaderLooksLikeSurvey(vocab, cfg.Survey),
		Progress: progress, LazyCells: true}
	info = reports.Input{Role: in.role, File: in.name}
	tables, sum, err := in.open(opts)
	if sum == nil {
		return info, err // the file cannot be read at all
	}
	if errors.Is(err, source.ErrNoHeader) {
		// No row looks like a survey header: read the first row as the
		// header anyway, so the column mapping can say what is missing.
		sum()
		opts.HeaderMatch = nil
		tables, sum, err = in.open(opts)
	}
	// The hash was computed while the file was read; it is waited for
	// last, so it is in the Input whatever the outcome.
	defer func() {
		h, herr := sum()
		info.SHA256 = h
		if err == nil {
			err = herr
		}
	}()
	if err != nil {
		return info, fatal(in.name, err)
	}
	defer closeAll(tables)
	reader := &normalize.Survey{Vocab: vocab, Geo: geo, Options: cfg.Survey, Report: report}
	var firstErr error
	for _, t := range tables {
		st, err := reader.ReadParallel(t, workers, emit)
		if errors.Is(err, normalize.ErrNoSurveyColumns) {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		info.Layout, info.Encoding = st.Layout, st.Encoding
		info.Read, info.Kept, info.Rejected = st.Read, st.Kept, st.Rejected
		if t.Sheet != "" {
			info.File = in.name + " sheet " + t.Sheet
		}
		if err != nil {
			return info, fatal(in.name, err)
		}
		if st.Kept == 0 {
			return info, &schema.FatalError{File: in.name, Reason: noRowsReason(st)}
		}
		return info, nil
	}
	if firstErr == nil {
		firstErr = &schema.FatalError{File: in.name, Reason: "no sheet with data"}
	}
	return info, fatal(in.name, firstErr)
}

func noRowsReason(st normalize.Stats) string {
	if st.Read == 0 {
		return "no data rows (the file has a header only)"
	}
	return fmt.Sprintf("none of its %d rows could be used (see the problems listed)", st.Read)
}

// fatal makes any ingest error a FatalError naming the file.
func fatal(name string, err error) error {
	var fe *schema.FatalError
	if errors.As(err, &fe) {
		return err
	}
	return &schema.FatalError{File: name, Err: err}
}

func closeAll(tables []*source.Table) {
	for _, t := range tables {
		t.Close()
	}
}
