// Package docs owns the rule documentation generated from rule metadata: one Markdown
// page per rule under docs/rules/<category>/<name>.md, the index docs/rules/README.md,
// and the plain-text page `dnslint rules show` prints. The metadata in the Rego files is
// the only source; `make docs` writes the pages and a test fails when they are stale.
package docs

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

// Page is the Markdown page of one rule.
func Page(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "| severity | category | parameters |\n|---|---|---|\n| %s | %s | %s |\n\n", r.Severity, r.Category, params(r.Params, "`%s: %v`"))
	fmt.Fprintf(&b, "## What it catches, and why\n\n%s\n\n", r.Description)
	for _, ex := range []struct{ key, title string }{{"bad", "Bad"}, {"good", "Fixed"}} {
		if s, ok := r.Extra[ex.key].(string); ok {
			fmt.Fprintf(&b, "## %s\n\n```%s\n%s\n```\n\n", ex.title, lang(s), strings.TrimRight(s, "\n"))
		}
	}
	if len(r.Params) > 0 {
		fmt.Fprintf(&b, "## Parameters\n\nSet in `.dnslint.yaml`:\n\n```yaml\nrules:\n  %s:\n    params:\n", r.ID)
		for _, k := range sortedKeys(r.Params) {
			fmt.Fprintf(&b, "      %s: %v\n", k, r.Params[k])
		}
		b.WriteString("```\n\n")
	}
	if len(r.References) > 0 || r.Extra["source"] != nil {
		b.WriteString("## Sources\n\n")
		if s, ok := r.Extra["source"].(string); ok {
			fmt.Fprintf(&b, "- %s\n", s)
		}
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- [%s](%s)\n", firstNonEmpty(ref.Description, ref.URL), ref.URL)
		}
		b.WriteString("\n")
	}
	for _, k := range []string{"since", "until"} {
		if v, ok := r.Extra[k]; ok {
			fmt.Fprintf(&b, "%s: %v\n\n", strings.ToUpper(k[:1])+k[1:], v)
		}
	}
	fmt.Fprintf(&b, "Disable with `--disable %s`, or on one line with `# dnslint:ignore %s -- reason`.\n", r.ID, r.ID)
	return b.String()
}

// Index is the Markdown table of every rule.
func Index(rules []finding.Rule) string {
	var b strings.Builder
	b.WriteString("# dnslint rules\n\nGenerated from the METADATA of each rule in rules/ by `make docs`; do not edit.\n\n")
	b.WriteString("Severity: **error** — CoreDNS will not start, the API server rejects the object, or the setting is silently dropped; **warning** — a real risk; **info** — advice.\n\n")
	b.WriteString("| rule | severity | title |\n|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Title)
	}
	return b.String()
}

// Text is the plain-text page `dnslint rules show` prints.
func Text(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n%s\n\n%s\n", r.ID, r.Severity, r.Title, r.Description)
	if len(r.Params) > 0 {
		fmt.Fprintf(&b, "\nParameters: %s\n", params(r.Params, "%s=%v"))
	}
	for _, ex := range []string{"bad", "good"} {
		if s, ok := r.Extra[ex].(string); ok {
			fmt.Fprintf(&b, "\n%s:\n%s\n", ex, indent(s))
		}
	}
	if r.DocsURL != "" {
		fmt.Fprintf(&b, "\nDocs: %s\n", r.DocsURL)
	}
	return b.String()
}

// Files renders every page, keyed by path relative to docs/rules.
func Files(rules []finding.Rule) map[string]string {
	files := map[string]string{"README.md": Index(rules)}
	for _, r := range rules {
		files[r.ID+".md"] = Page(r)
	}
	return files
}

// Write writes the pages below dir, removing pages of rules that no longer exist.
func Write(dir string, rules []finding.Rule) error {
	files := Files(rules)
	old, _ := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	for _, p := range old {
		rel, _ := filepath.Rel(dir, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func params(p map[string]any, format string) string {
	if len(p) == 0 {
		return "—"
	}
	var parts []string
	for _, k := range sortedKeys(p) {
		parts = append(parts, fmt.Sprintf(format, k, p[k]))
	}
	return strings.Join(parts, ", ")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lang guesses the code fence language of an example.
func lang(s string) string {
	switch {
	case strings.Contains(s, "apiVersion:"):
		return "yaml"
	case strings.Contains(s, "{"):
		return "corefile"
	}
	return "text"
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
