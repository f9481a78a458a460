package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

func init() { Register("markdown", ReporterFunc(writeMarkdown)) }

// writeMarkdown writes a summary for people reading a CI job or a pull request: counts
// per severity and per rule, then the findings with links to their lines.
func writeMarkdown(w io.Writer, r *Report) error {
	s := summarize(r)
	var b strings.Builder
	b.WriteString("## dnslint\n\n")
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "No problems in %d files.\n", s.Files)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "| errors | warnings | info | files |\n|---:|---:|---:|---:|\n| %d | %d | %d | %d |\n\n", s.Errors, s.Warnings, s.Infos, s.Files)
	b.WriteString("| rule | severity | findings |\n|---|---|---:|\n")
	for _, rc := range ruleCounts(r) {
		name := rc.id
		if rule, ok := r.Rule(rc.id); ok && rule.DocsURL != "" {
			name = fmt.Sprintf("[%s](%s)", rc.id, rule.DocsURL)
		}
		fmt.Fprintf(&b, "| %s | %s | %d |\n", name, rc.severity, rc.n)
	}
	b.WriteString("\n| location | severity | rule | message |\n|---|---|---|---|\n")
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s |\n", mdLocation(r.LinkBase, f), f.Severity, f.RuleID, mdCell(f.Message))
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

func mdLocation(base string, f finding.Finding) string {
	loc := location(f.Pos)
	if base == "" || f.Pos.File == "" || strings.HasPrefix(f.Pos.File, "/") {
		return "`" + loc + "`"
	}
	anchor := ""
	if f.Pos.Line > 0 {
		anchor = fmt.Sprintf("#L%d", f.Pos.Line)
	}
	return fmt.Sprintf("[`%s`](%s%s%s)", loc, base, f.Pos.File, anchor)
}

// mdCell makes text safe inside a table cell.
func mdCell(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`).Replace(s)
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r", ""), "\n", "<br>")
}
