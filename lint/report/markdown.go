package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// writeMarkdown writes a summary for people reading a CI job or a pull request: counts
// per severity and per rule, then the findings with links to their lines.
func writeMarkdown(w io.Writer, r *Report) error {
	s := summarize(r)
	var b strings.Builder
	b.WriteString("## dnslint\n\n")
	if len(r.Errors) > 0 {
		fmt.Fprintf(&b, "**%s could not be read: the run is incomplete.**\n\n| input | error |\n|---|---|\n", plural(len(r.Errors), "input"))
		for _, e := range r.Errors {
			path := ""
			if e.Path != "" {
				path = mdCode(e.Path)
			}
			fmt.Fprintf(&b, "| %s | %s |\n", path, mdCell(e.Message))
		}
		b.WriteString("\n")
	}
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "No problems in %d files.\n", s.Files)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "| errors | warnings | info | files with problems | files linted |\n|---:|---:|---:|---:|---:|\n| %d | %d | %d | %d | %d |\n\n", s.Errors, s.Warnings, s.Infos, s.FilesWithProblems, s.Files)
	b.WriteString("| rule | severity | findings |\n|---|---|---:|\n")
	for _, rc := range ruleCounts(r) {
		name := mdCell(rc.id)
		if rule, ok := r.Rule(rc.id); ok && rule.DocsURL != "" {
			name = fmt.Sprintf("[%s](%s)", name, rule.DocsURL)
		}
		fmt.Fprintf(&b, "| %s | %s | %d |\n", name, rc.severity, rc.n)
	}
	b.WriteString("\n| location | severity | rule | message |\n|---|---|---|---|\n")
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdLocation(r.LinkBase, f.Pos), f.Severity, mdCode(f.RuleID), mdMessage(r.LinkBase, f))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type ruleCount struct {
	id       string
	severity finding.Severity
	n        int
}

// ruleCounts counts findings per rule: most severe first, then by id.
func ruleCounts(r *Report) []ruleCount {
	idx := map[string]int{}
	var out []ruleCount
	for _, f := range r.Findings {
		i, ok := idx[f.RuleID]
		if !ok {
			i = len(out)
			idx[f.RuleID] = i
			out = append(out, ruleCount{id: f.RuleID})
		}
		out[i].n++
		out[i].severity = max(out[i].severity, f.Severity)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].severity != out[j].severity {
			return out[i].severity > out[j].severity
		}
		return out[i].id < out[j].id
	})
	return out
}

// mdMessage is a finding's message cell: the message, then a "note:" line per related
// location, linked as the finding's own location is.
func mdMessage(base string, f finding.Finding) string {
	s := mdCell(f.Message)
	for _, rel := range f.Related {
		s += "<br>note: " + mdLocation(base, rel.Pos) + ": " + mdCell(rel.Message)
	}
	return s
}

// mdLocation writes a position as a code span, linked to its line under base when base
// is set and the file is relative.
func mdLocation(base string, p model.Pos) string {
	loc := mdCode(location(p))
	if base == "" || p.File == "" || strings.HasPrefix(p.File, "/") {
		return loc
	}
	anchor := ""
	if p.Line > 0 {
		anchor = fmt.Sprintf("#L%d", p.Line)
	}
	return fmt.Sprintf("[%s](%s%s%s)", loc, base, mdURLPath(p.File), anchor)
}

// mdURLPath percent-encodes each segment of a relative path, so that a parenthesis,
// a space or a bracket in a file name cannot end the link.
func mdURLPath(file string) string {
	segments := strings.Split(filepath.ToSlash(file), "/")
	for i, s := range segments {
		segments[i] = url.PathEscape(s)
	}
	return strings.Join(segments, "/")
}

// mdCode writes s as a code span inside a table cell: fenced with more backticks than
// it holds in a row, its pipes escaped (GitHub splits cells on them even in code),
// control characters escaped.
func mdCode(s string) string {
	s = strings.ReplaceAll(printable(s, false), "|", `\|`)
	run, longest := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// mdCell makes text safe inside a table cell.
func mdCell(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`).Replace(printable(s, true))
	return strings.ReplaceAll(s, "\n", "<br>")
}
