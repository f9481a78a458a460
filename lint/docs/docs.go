// Package docs owns the rule documentation generated from rule metadata: one Markdown
// page per rule under docs/rules/<category>/<name>.md, the index docs/rules/README.md,
// and the plain-text page `dnslint rules show` prints. The metadata in the Rego files is
// the only source; `make docs` writes the pages and a test fails when they are stale.
package docs

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	yaml "sigs.k8s.io/yaml/goyaml.v3"

	"github.com/dnslint/dnslint/lint/finding"
)

// Page is the Markdown page of one rule.
func Page(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "| severity | category | parameters |\n|---|---|---|\n| %s | %s | %s |\n\n", r.Severity, r.Category, params(r.Params))
	fmt.Fprintf(&b, "## What it catches, and why\n\n%s\n\n", r.Description)
	for _, ex := range []struct{ text, title string }{{r.Bad, "Bad"}, {r.Good, "Fixed"}} {
		if ex.text != "" {
			fmt.Fprintf(&b, "## %s\n\n```%s\n%s\n```\n\n", ex.title, lang(ex.text), strings.TrimRight(ex.text, "\n"))
		}
	}
	if r.Fix != "" {
		fmt.Fprintf(&b, "## How to fix\n\n%s\n\n", r.Fix)
	}
	if r.Fixable {
		b.WriteString(fixableNote)
	}
	if len(r.Params) > 0 {
		b.WriteString("## Parameters\n\n| parameter | type | default |\n|---|---|---|\n")
		for _, k := range slices.Sorted(maps.Keys(r.Params)) {
			fmt.Fprintf(&b, "| `%s` | %s | `%s` |\n", k, r.Params[k].Describe(), yamlValue(r.Params[k].Default))
		}
		fmt.Fprintf(&b, "\nSet in `.dnslint.yaml`:\n\n```yaml\nrules:\n  %s:\n    params:\n", r.ID)
		for _, k := range slices.Sorted(maps.Keys(r.Params)) {
			fmt.Fprintf(&b, "      %s: %s\n", k, yamlValue(r.Params[k].Default))
		}
		b.WriteString("```\n\n")
	}
	if len(r.References) > 0 || r.Source != "" {
		b.WriteString("## Sources\n\n")
		if r.Source != "" {
			fmt.Fprintf(&b, "- %s\n", r.Source)
		}
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- [%s](%s)\n", cmp.Or(ref.Description, ref.URL), ref.URL)
		}
		b.WriteString("\n")
	}
	for _, v := range []struct{ name, value string }{{"Since", r.Since}, {"Until", r.Until}} {
		if v.value != "" {
			fmt.Fprintf(&b, "%s: %s\n\n", v.name, v.value)
		}
	}
	fmt.Fprintf(&b, "Disable with `--disable %s`, or on one line with `# dnslint:ignore %s -- reason`.\n", r.ID, r.ID)
	return b.String()
}

// fixableNote is the section of a rule that can fix its findings.
const fixableNote = "## Automatic fix\n\n`dnslint lint --fix` applies this rule's safe fixes; `--unsafe-fixes` also those that change run-time behaviour; `--diff` shows them. A finding whose fix is declined says why in the JSON output (`fix.declined`).\n\n"

func fixMark(r finding.Rule) string {
	if r.Fixable {
		return "yes"
	}
	return ""
}

// Index is the Markdown table of every rule.
func Index(rules []finding.Rule) string {
	var b strings.Builder
	b.WriteString("# dnslint rules\n\nGenerated from the METADATA of each rule in rules/ by `make docs`; do not edit.\n\n")
	b.WriteString("Severity: **error** — CoreDNS will not start, the API server rejects the object, or the setting is silently dropped; **warning** — a real risk; **info** — advice.\n\n")
	b.WriteString("Fix: **yes** — `dnslint lint --fix` (or `--unsafe-fixes`) can fix some of the rule's findings.\n\n")
	b.WriteString("| rule | severity | fix | title |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, fixMark(r), r.Title)
	}
	return b.String()
}

// Text is the plain-text page `dnslint rules show` prints.
func Text(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n%s\n\n%s\n", r.ID, r.Severity, r.Title, r.Description)
	if len(r.Params) > 0 {
		b.WriteString("\nParameters:\n")
		for _, k := range slices.Sorted(maps.Keys(r.Params)) {
			fmt.Fprintf(&b, "  %s=%s (%s)\n", k, yamlValue(r.Params[k].Default), r.Params[k].Describe())
		}
	}
	for _, ex := range []struct{ name, text string }{{"bad", r.Bad}, {"good", r.Good}} {
		if ex.text != "" {
			fmt.Fprintf(&b, "\n%s:\n%s\n", ex.name, indent(ex.text))
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

func params(p map[string]finding.Param) string {
	if len(p) == 0 {
		return "—"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(p)) {
		parts = append(parts, fmt.Sprintf("`%s: %s`", k, yamlValue(p[k].Default)))
	}
	return strings.Join(parts, ", ")
}

// yamlValue writes a parameter value as it is written in .dnslint.yaml (flow style).
func yamlValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if s, ok := v.(string); ok && plainYAML(s) {
		return s
	}
	return string(b)
}

// plainYAML tells whether a string reads back as that string when written unquoted.
func plainYAML(s string) bool {
	var back any
	return s != "" && !strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") && yaml.Unmarshal([]byte(s), &back) == nil && back == s
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
