package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/report"
)

const outputFormatsDoc = "docs/output-formats.md"

// generatedBlock is an example of docs/output-formats.md that this test writes from the
// real reporters: `<!-- generated: FORMAT -->`, the fenced output, `<!-- end generated -->`.
var generatedBlock = regexp.MustCompile("(?s)(<!-- generated: ([a-z]+) -->\n).*?(<!-- end generated -->)")

// TestOutputFormatsDoc: docs/output-formats.md cannot go stale. Its examples are the
// output of `dnslint lint --format F` on testdata/output-formats (rewritten with -update),
// and it has a section and a table row for exactly the formats lint/report registers.
func TestOutputFormatsDoc(t *testing.T) {
	b, err := os.ReadFile(outputFormatsDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	formats := report.Formats()
	var sections []string
	prose := generatedBlock.ReplaceAllString(doc, "") // a markdown example has headings too
	for _, m := range regexp.MustCompile("(?m)^## `?([a-z]+)`?$").FindAllStringSubmatch(prose, -1) {
		sections = append(sections, m[1])
	}
	for _, f := range formats {
		if !slices.Contains(sections, f) || !strings.Contains(doc, fmt.Sprintf("| `%s` |", f)) {
			t.Errorf("%s: format %s has no section or no row in the table", outputFormatsDoc, f)
		}
	}
	for _, s := range sections {
		if !slices.Contains(formats, s) {
			t.Errorf("%s: section %q is no format (formats: %s)", outputFormatsDoc, s, strings.Join(formats, ", "))
		}
	}
	if want := fmt.Sprintf("in one of %s formats", numberWord(len(formats))); !strings.Contains(doc, want) {
		t.Errorf("%s: does not say %q", outputFormatsDoc, want)
	}
	seen := 0
	got := generatedBlock.ReplaceAllStringFunc(doc, func(block string) string {
		m := generatedBlock.FindStringSubmatch(block)
		seen++
		r := dnslint(t, "", "lint", "--format", m[2], "--fail-on", "none", "testdata/output-formats/config/Corefile")
		if r.code != exitClean {
			t.Fatalf("%s: %s", m[2], r)
		}
		return m[1] + "```" + fenceLanguage(m[2]) + "\n" + r.stdout + "```\n" + m[3]
	})
	if seen == 0 {
		t.Fatalf("%s: no generated example", outputFormatsDoc)
	}
	if got == doc {
		return
	}
	if *update {
		if err := os.WriteFile(outputFormatsDoc, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: an example differs from what the code writes: go test ./cmd/dnslint -run TestOutputFormatsDoc -update\n%s", outputFormatsDoc, firstDifference(doc, got))
}

func fenceLanguage(format string) string {
	switch format {
	case "json", "markdown":
		return format
	case "junit", "checkstyle":
		return "xml"
	}
	return ""
}

func numberWord(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	if n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}
