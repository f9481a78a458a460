package report

import (
	"io"

	"github.com/dnslint/dnslint/lint/finding"
)

// JSONVersion is the version of the json format's schema (docs/output-formats.md). It
// changes only when a field is removed or changes meaning; new fields may appear within a
// version.
const JSONVersion = 1

// The structs below fix the key order of the json format.

type jsonReport struct {
	Version  int           `json:"version"`
	Tool     jsonTool      `json:"tool"`
	Summary  summary       `json:"summary"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
}

// jsonError is an input the run could not read.
type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	Location jsonLocation  `json:"location"`
	Related  []jsonRelated `json:"related"`
	DocsURL  string        `json:"docs_url"`
	Fix      *jsonFix      `json:"fix,omitempty"`
}

// jsonFix is a finding's fix: its safety and replacements in the file, or why it has
// none (declined).
type jsonFix struct {
	Safety       string                `json:"safety,omitempty"`
	Description  string                `json:"description,omitempty"`
	Declined     string                `json:"declined,omitempty"`
	Replacements []finding.Replacement `json:"replacements,omitempty"`
}

type jsonRelated struct {
	Message  string       `json:"message"`
	Location jsonLocation `json:"location"`
}

// jsonLocation is model.Pos spelled out (and converted to), so that the schema does not
// change with model's json tags.
type jsonLocation struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	EndLine int    `json:"end_line"`
	EndCol  int    `json:"end_col"`
}

func writeJSON(w io.Writer, r *Report) error {
	out := jsonReport{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: r.toolName(), Version: r.Version},
		Summary:  summarize(r),
		Findings: make([]jsonFinding, 0, len(r.Findings)),
		Errors:   make([]jsonError, 0, len(r.Errors)),
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError(e))
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, toJSONFinding(r, f))
	}
	return writeJSONDocument(w, out)
}

func toJSONFinding(r *Report, f finding.Finding) jsonFinding {
	rule, _ := r.Rule(f.RuleID)
	jf := jsonFinding{
		Rule:     f.RuleID,
		Severity: levelOf(f.Severity).name,
		Message:  f.Message,
		Location: jsonLocation(f.Pos),
		Related:  make([]jsonRelated, 0, len(f.Related)),
		DocsURL:  rule.DocsURL,
	}
	for _, rel := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{Message: rel.Message, Location: jsonLocation(rel.Pos)})
	}
	if fx := f.Fix; fx != nil && (fx.Declined != "" || len(fx.Replacements) > 0) {
		jf.Fix = &jsonFix{Declined: fx.Declined}
		if fx.Declined == "" {
			jf.Fix.Safety, jf.Fix.Description = fx.Safety, fx.Description
		}
		jf.Fix.Replacements = fx.Replacements
	}
	return jf
}
