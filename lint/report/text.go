package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/finding"
)

// indent prefixes the quoted source line, its caret line and the notes.
const indent = "    "

// writeText prints compiler-style diagnostics:
//
//	file:line:col: severity rule: message
//	    <source line>
//	    ^~~~
//	    note: file:line:col: message
//	    fix: what the fix does (--fix)
//
// then a summary line, which says how many findings --fix would fix.
func writeText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := painter{on: r.Color}
	for _, f := range r.Findings {
		fmt.Fprintln(bw, hang(p.headline(f), indent))
		if src := r.sourceLine(f.Pos.File, f.Pos.Line); src != "" && f.Pos.Col > 0 {
			fmt.Fprintln(bw, indent+printable(src, false))
			pad, marker := caret(src, f.Pos.Col, underlineEnd(f, src))
			fmt.Fprintln(bw, indent+pad+p.paint(p.color(f.Severity), marker))
		}
		for _, rel := range f.Related {
			fmt.Fprintln(bw, indent+hang(p.note(rel), indent+indent))
		}
		if fixable(f) {
			fmt.Fprintln(bw, indent+p.paint(sgrBold, "fix:")+" "+printable(f.Fix.Description, true)+" ("+fixFlags(f.Fix.Safety)+")")
		}
		if rule, ok := r.Rule(f.RuleID); ok && r.DocsLinks && rule.DocsURL != "" {
			fmt.Fprintln(bw, indent+"docs: "+printable(rule.DocsURL, false))
		}
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, p.paint(sgrBold, summaryLine(summarize(r), len(r.Findings))+fixableLine(r.Findings)))
	return bw.Flush()
}

// fixable tells whether dnslint can apply a fix of the finding (lint --fix).
func fixable(f finding.Finding) bool { return f.Fix != nil && len(f.Fix.Replacements) > 0 }

// fixFlags are the flags that apply a fix of this safety.
func fixFlags(safety string) string {
	if safety == finding.Unsafe {
		return "--fix --unsafe-fixes"
	}
	return "--fix"
}

// fixableLine ends the summary with how many findings the fix flags would fix.
func fixableLine(fs []finding.Finding) string {
	safe, unsafe := 0, 0
	for _, f := range fs {
		switch {
		case !fixable(f):
		case f.Fix.Safety == finding.Unsafe:
			unsafe++
		default:
			safe++
		}
	}
	switch {
	case safe > 0 && unsafe > 0:
		return fmt.Sprintf("; %d fixable with --fix, %d more with --unsafe-fixes", safe, unsafe)
	case safe > 0:
		return fmt.Sprintf("; %d fixable with --fix", safe)
	case unsafe > 0:
		return fmt.Sprintf("; %d fixable with --fix --unsafe-fixes", unsafe)
	}
	return ""
}

// hang indents the continuation lines of a multi-line message, so that they do not read
// as findings of their own.
func hang(s, prefix string) string { return strings.ReplaceAll(s, "\n", "\n"+prefix) }

// underlineEnd is the last column to underline on the finding's first line: its end
// column when it ends on the same line, the end of the line when it goes on.
func underlineEnd(f finding.Finding, src string) int {
	switch {
	case f.Pos.EndLine == f.Pos.Line && f.Pos.EndCol >= f.Pos.Col:
		return f.Pos.EndCol
	case f.Pos.EndLine > f.Pos.Line:
		return max(len([]rune(src)), f.Pos.Col)
	default:
		return f.Pos.Col
	}
}

// caret draws "^~~~" under columns col..end (1-based, in characters) of src as printable
// writes it: the padding keeps the tabs of src, so that the marker lines up however tabs
// are displayed, and an escaped character is as wide as its escape.
func caret(src string, col, end int) (pad, marker string) {
	var widths []int // of each character of src
	var b strings.Builder
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		w := printableWidth(r, src[i], size)
		if len(widths) < col-1 {
			if r == '\t' {
				b.WriteByte('\t')
			} else {
				b.WriteString(strings.Repeat(" ", w))
			}
		}
		widths = append(widths, w)
		i += size
	}
	b.WriteString(strings.Repeat(" ", max(col-1-len(widths), 0)))
	end = min(end, max(len(widths), col))
	n := 0
	for i := col - 1; i < end; i++ {
		if i < len(widths) {
			n += widths[i]
		} else {
			n++
		}
	}
	return b.String(), "^" + strings.Repeat("~", max(n-1, 0))
}

func summaryLine(s summary, problems int) string {
	files := plural(s.Files, "file")
	line := "no problems in " + files
	if problems > 0 {
		line = fmt.Sprintf("%s (%s, %s, %d info) in %s (%s linted)",
			plural(problems, "problem"), plural(s.Errors, "error"), plural(s.Warnings, "warning"), s.Infos, plural(s.FilesWithProblems, "file"), files)
	}
	for _, o := range s.Omitted {
		line += fmt.Sprintf("; %s not reported: %s", plural(o.Count, "finding"), o.Reason)
	}
	return line
}

// ANSI select graphic rendition codes.
const (
	sgrBold   = "1"
	sgrRed    = "1;31"
	sgrYellow = "1;33"
	sgrCyan   = "1;36"
)

// painter colours text with ANSI escapes when on; its zero value writes plain text.
type painter struct{ on bool }

func (p painter) paint(sgr, s string) string {
	if !p.on {
		return s
	}
	return "\x1b[" + sgr + "m" + s + "\x1b[0m"
}

func (painter) color(s finding.Severity) string {
	switch s {
	case finding.Error:
		return sgrRed
	case finding.Warning:
		return sgrYellow
	default:
		return sgrCyan
	}
}

// headline is the first line of a finding: "file:line:col: severity rule: message".
func (p painter) headline(f finding.Finding) string {
	return fmt.Sprintf("%s: %s %s: %s", p.paint(sgrBold, printable(location(f.Pos), false)),
		p.paint(p.color(f.Severity), levelOf(f.Severity).name), printable(f.RuleID, false), printable(f.Message, true))
}

// note is a related location: "note: file:line:col: message".
func (p painter) note(rel finding.Related) string {
	return fmt.Sprintf("%s %s: %s", p.paint(sgrBold, "note:"), p.paint(sgrBold, printable(location(rel.Pos), false)), printable(rel.Message, true))
}
