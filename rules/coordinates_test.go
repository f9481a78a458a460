package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
)

// coordinateFormat is a coordinate in the text of a rule: a line or column written as a
// number or as a verb to format one ("line %d", "column 3"), or a file followed by one
// ("%s line").
var coordinateFormat = regexp.MustCompile(`(?i)\b(?:line|column|col)s? (?:%[-+ #0-9.]*[dvs]|\d+)\b|%[sv] (?:line|column)\b`)

// TestRuleTextsWriteNoCoordinates fails when a string of a rule or of lib/ (all that can
// become a message) writes a line or column outside a backquoted quotation of a real
// component: the other places a finding mentions are related locations
// (finding.EmbeddedCoordinate tells the same apart in findings; lint's
// TestMessagesNameNoCoordinates checks the messages of every rule fixture).
func TestRuleTextsWriteNoCoordinates(t *testing.T) {
	strs := 0
	for _, f := range regoFiles(t, func(p string) bool { return !isTest(p) }) {
		p, b := f.path, f.src
		for _, s := range regoStrings(string(b)) {
			strs++
			if c := coordinateFormat.FindString(finding.Unquoted(s.text)); c != "" {
				t.Errorf("%s:%d: %q writes a coordinate (%q): name the place and give its position as a related location (report.related)", p, s.line, s.text, c)
			}
		}
	}
	if strs == 0 {
		t.Fatal("no Rego string read")
	}
}

// TestDocsExamplesWriteNoCoordinates: the findings shown in the docs (`file:line:col:
// severity rule: message` lines, JSON "message" fields) write no coordinate either.
func TestDocsExamplesWriteNoCoordinates(t *testing.T) {
	headline := regexp.MustCompile(`\b(?:error|warning|info) [a-z0-9_-]+/[a-z0-9_-]+:{1,2}(.*)|"message": "((?:[^"\\]|\\.)*)"|message="([^"]*)"`)
	files := []string{filepath.Join("..", "README.md")}
	docs, err := filepath.Glob(filepath.Join("..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, docs...)
	examples := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, m := range headline.FindAllStringSubmatch(line, -1) {
				msg := m[1] + m[2] + m[3]
				examples++
				if c := finding.EmbeddedCoordinate(msg); c != "" {
					t.Errorf("%s:%d: an example finding writes %q: %s", file, i+1, c, msg)
				}
			}
		}
	}
	if examples == 0 {
		t.Fatal("no example finding found in the docs")
	}
}

// regoString is a string literal of a Rego file and the line it starts on.
type regoString struct {
	text string
	line int
}

// regoStrings returns the string literals of Rego source src: "…" (escapes kept as
// written) and `…`, leaving out comments.
func regoStrings(src string) []regoString {
	var out []regoString
	line := 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i-- // the newline is counted above
		case '"', '`':
			start, at := i+1, line
			for i++; i < len(src) && src[i] != c; i++ {
				if c == '"' && src[i] == '\\' {
					i++
				} else if src[i] == '\n' {
					line++
				}
			}
			out = append(out, regoString{text: src[start:min(i, len(src))], line: at})
		}
	}
	return out
}
