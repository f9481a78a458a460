package report

import (
	"encoding/xml"
	"io"
)

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

// checkstyleError is one finding; Column is left out when unknown, Line is 0 for a
// whole-file finding.
type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// writeCheckstyle writes Checkstyle's XML result format (version 4.3), which many CI
// plugins read: one <file> per file with findings, files sorted; then one <file> with one
// <error> (line 0) per input the run could not read.
func writeCheckstyle(w io.Writer, r *Report) error {
	out := checkstyleReport{Version: "4.3"}
	for _, g := range byFile(r.Findings) {
		file := checkstyleFile{Name: g.File}
		for _, f := range g.Findings {
			file.Errors = append(file.Errors, checkstyleError{
				Line:     max(f.Pos.Line, 0),
				Column:   max(f.Pos.Col, 0),
				Severity: levelOf(f.Severity).name,
				Message:  withNotes(f.Message, f.Related), // a line break in an attribute is written &#xA;
				Source:   r.toolName() + "." + f.RuleID,
			})
		}
		out.Files = append(out.Files, file)
	}
	for _, e := range r.Errors {
		out.Files = append(out.Files, checkstyleFile{Name: orElse(e.Path, r.toolName()), Errors: []checkstyleError{{
			Severity: "error", Message: e.Message, Source: r.toolName() + "." + inputErrorTitle,
		}}})
	}
	return writeXMLDocument(w, out)
}
