package report

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// defaultTool names the tool when a Report leaves Tool empty.
const defaultTool = "dnslint"

// inputErrorTitle names an input the run could not read, where a format wants a rule or a
// type for it (github title, junit error type, checkstyle source).
const inputErrorTitle = "input error"

// level is how each format names a severity.
type level struct {
	name   string // json, checkstyle
	sarif  string // result.level and defaultConfiguration.level
	github string // workflow command
	// problem is GitHub code scanning's properties."problem.severity".
	problem string
}

var levels = map[finding.Severity]level{
	finding.Error:   {name: "error", sarif: "error", github: "error", problem: "error"},
	finding.Warning: {name: "warning", sarif: "warning", github: "warning", problem: "warning"},
	finding.Info:    {name: "info", sarif: "note", github: "notice", problem: "recommendation"},
}

// levelOf maps a severity to its format names; anything below Info is treated as Info.
func levelOf(s finding.Severity) level {
	if l, ok := levels[s]; ok {
		return l
	}
	return levels[finding.Info]
}

// summary counts what a Report found.
type summary struct {
	// Files are the files linted; FilesWithProblems those that have a finding.
	Files             int `json:"files"`
	FilesWithProblems int `json:"files_with_problems"`
	Errors            int `json:"errors"`
	Warnings          int `json:"warnings"`
	Infos             int `json:"infos"`
	// Omitted are the findings found but not reported (a baseline, --new-from-rev).
	Omitted []Omitted `json:"omitted,omitempty"`
}

func summarize(r *Report) summary {
	c := finding.Counts(r.Findings)
	with := map[string]bool{}
	for _, f := range r.Findings {
		with[f.Pos.File] = true
	}
	return summary{Files: r.Files, FilesWithProblems: len(with), Errors: c[finding.Error], Warnings: c[finding.Warning], Infos: c[finding.Info], Omitted: r.Omitted}
}

// fileFindings are the findings of one file, in report order.
type fileFindings struct {
	File     string
	Findings []finding.Finding
}

// byFile groups findings per file, files sorted by name.
func byFile(fs []finding.Finding) []fileFindings {
	index := map[string]int{}
	var groups []fileFindings
	for _, f := range fs {
		i, ok := index[f.Pos.File]
		if !ok {
			i = len(groups)
			index[f.Pos.File] = i
			groups = append(groups, fileFindings{File: f.Pos.File})
		}
		groups[i].Findings = append(groups[i].Findings, f)
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].File < groups[j].File })
	return groups
}

// location prints a position the way compilers do: file:line:col, file:line without a
// column, or just file for a whole-file position.
func location(p model.Pos) string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// withNotes appends to text one uncoloured "note: location: message" line per related
// location.
func withNotes(text string, related []finding.Related) string {
	var p painter
	for _, rel := range related {
		text += "\n" + p.note(rel)
	}
	return text
}

// sourceLine returns a line of a linted file, or "" when it is unknown.
func (r *Report) sourceLine(file string, line int) string {
	if r.Source == nil || line <= 0 {
		return ""
	}
	return strings.TrimRight(r.Source(file, line), "\r\n")
}

func (r *Report) toolName() string {
	if r.Tool == "" {
		return defaultTool
	}
	return r.Tool
}

// plural writes "1 file" or "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// writeJSONDocument writes v as JSON indented by two spaces, with <, > and & as themselves,
// and a final newline.
func writeJSONDocument(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeXMLDocument writes v as an indented XML document with a declaration and a final newline.
func writeXMLDocument(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
