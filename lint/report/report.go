// Package report owns the output formats. Each format is one file that registers a
// Reporter under its name in init(); adding a format needs no change anywhere else.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/dnslint/dnslint/lint/finding"
)

// Report is everything a reporter may print.
type Report struct {
	Tool    string
	Version string
	// Findings are already filtered and sorted (finding.Sort).
	Findings []finding.Finding
	// Rules is the catalog of enabled rules, sorted by id; every finding's rule is in it.
	Rules []finding.Rule
	// Files is the number of files linted.
	Files int
	// Source returns the text of a line of a linted file ("" when unknown).
	Source func(file string, line int) string
	// Color asks for ANSI colours (text format only).
	Color bool
	// DocsLinks asks for each finding's rule documentation URL (text format only).
	DocsLinks bool
	// LinkBase prefixes file paths to make links (markdown format), e.g.
	// https://github.com/OWNER/REPO/blob/SHA/ ; empty: no links.
	LinkBase string
	// Errors are the inputs the run could not read (a missing path, an unreadable
	// file): the rest was linted, but the run did not complete, and every format that
	// has a place for them says so.
	Errors []InputError
	// Omitted are findings the run found but does not report, and why (a baseline,
	// --new-from-rev): every format's summary counts them, so that "no problems" is never
	// read as "nothing found".
	Omitted []Omitted
}

// Omitted counts findings left out of a report for one reason.
type Omitted struct {
	Count  int    `json:"count"`
	Reason string `json:"reason"`
}

// InputError is an input a run could not read.
type InputError struct {
	// Path is the path as given or found by the walk ("-" for standard input; "" when
	// the error is about no file, e.g. a cluster listing that failed).
	Path string
	// Message says what went wrong, without the path.
	Message string
}

// String is "path: message", or the message alone.
func (e InputError) String() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Rule returns the catalog entry of a rule id.
func (r *Report) Rule(id string) (finding.Rule, bool) {
	i := sort.Search(len(r.Rules), func(i int) bool { return r.Rules[i].ID >= id })
	if i < len(r.Rules) && r.Rules[i].ID == id {
		return r.Rules[i], true
	}
	return finding.Rule{}, false
}

// Reporter writes a Report in one format.
type Reporter interface {
	Write(w io.Writer, r *Report) error
}

// ReporterFunc adapts a function to Reporter.
type ReporterFunc func(w io.Writer, r *Report) error

// Write calls f.
func (f ReporterFunc) Write(w io.Writer, r *Report) error { return f(w, r) }

// registry holds the formats by name: a new format is a file with its writer, and a
// line here.
var registry = map[string]Reporter{
	"checkstyle": ReporterFunc(writeCheckstyle),
	"github":     ReporterFunc(writeGitHub),
	"json":       ReporterFunc(writeJSON),
	"junit":      ReporterFunc(writeJUnit),
	"markdown":   ReporterFunc(writeMarkdown),
	"sarif":      ReporterFunc(writeSARIF),
	"text":       ReporterFunc(writeText),
}

// Formats lists the format names, sorted.
func Formats() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Get returns the reporter for a format name.
func Get(name string) (Reporter, error) {
	r, ok := registry[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %v)", name, Formats())
	}
	return r, nil
}
