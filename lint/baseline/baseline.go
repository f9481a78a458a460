// Package baseline owns adopting dnslint on a repository that already has findings. A
// baseline file records a run's findings by their fingerprints (finding.Fingerprints:
// rule, file, offending text, enclosing block — no line numbers), so that a later run
// reports only the findings that are not in it; ChangedLines keeps only the findings on
// lines a git revision does not have (--new-from-rev).
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

// MaxSize is the largest baseline file read (a baseline of 10,000 findings is ~3 MiB).
const MaxSize = 32 << 20

// File is a baseline as written to disk: JSON, one entry per finding in report order,
// stable enough to review in a diff. Only Version and the fingerprints decide; rule,
// file, line and message are there for the people reading it.
type File struct {
	// Version is the fingerprint identity the entries use (finding.FingerprintVersion).
	Version  string  `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	// File is relative to the baseline file's directory, with slashes.
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// New records findings, their files named relative to dir (the baseline file's directory).
func New(fs []finding.Finding, dir string, lines finding.LineSource) *File {
	names := namer(dir)
	prints := finding.Fingerprints(fs, func(f finding.Finding) string { return names(f.Pos.File) }, lines)
	b := &File{Version: finding.FingerprintVersion, Tool: "dnslint", Findings: make([]Entry, len(fs))}
	for i, f := range fs {
		b.Findings[i] = Entry{Fingerprint: prints[i], Rule: f.RuleID, File: names(f.Pos.File), Line: f.Pos.Line, Message: f.Message}
	}
	return b
}

// Filter returns the findings that are not in the baseline, and how many were. dir is the
// baseline file's directory, as for New.
func (b *File) Filter(fs []finding.Finding, dir string, lines finding.LineSource) (kept []finding.Finding, baselined int) {
	known := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		known[e.Fingerprint] = true
	}
	names := namer(dir)
	prints := finding.Fingerprints(fs, func(f finding.Finding) string { return names(f.Pos.File) }, lines)
	for i, f := range fs {
		if known[prints[i]] {
			baselined++
			continue
		}
		kept = append(kept, f)
	}
	return kept, baselined
}

// Write writes the baseline to path atomically: a temporary file in the same directory,
// synced, then renamed over path.
func (b *File) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Read reads a baseline the user named. A file that is missing, too large, not JSON of
// this shape or of another fingerprint version is an error: a baseline that cannot be
// read must not turn into "every finding is new" or "none is".
func Read(path string) (*File, error) {
	data, err := source.ReadLimited(path, MaxSize)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b File
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %s", path, describeJSONError(data, err))
	}
	if b.Version != finding.FingerprintVersion {
		return nil, fmt.Errorf("baseline %s: fingerprint version %q, this dnslint writes %q: write it again with --write-baseline", path, b.Version, finding.FingerprintVersion)
	}
	return &b, nil
}

// describeJSONError adds the line to a JSON decoding error that has an offset.
func describeJSONError(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	offset := int64(-1)
	switch {
	case errors.As(err, &syntax):
		offset = syntax.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	if offset < 0 {
		return err.Error()
	}
	return fmt.Sprintf("line %d: %v", bytes.Count(data[:min(offset, int64(len(data)))], []byte("\n"))+1, err)
}

// namer names a finding's file relative to dir, with slashes, so that a baseline does not
// depend on the directory dnslint runs from; a file outside dir keeps its absolute path,
// standard input its display name.
func namer(dir string) func(string) string {
	absDir, err := filepath.Abs(dir)
	return func(file string) string {
		if err != nil || file == "" || file == "-" || file == "<stdin>" {
			return filepath.ToSlash(file)
		}
		abs, aerr := filepath.Abs(file)
		if aerr != nil {
			return filepath.ToSlash(file)
		}
		rel, rerr := filepath.Rel(absDir, abs)
		if rerr != nil || rel == ".." || len(rel) > 2 && rel[:3] == ".."+string(filepath.Separator) {
			return filepath.ToSlash(abs)
		}
		return filepath.ToSlash(rel)
	}
}
