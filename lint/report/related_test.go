package report

import (
	"encoding/xml"
	"strings"
	"testing"
)

// asWritten is text as format writes it: escaped in the XML formats.
func asWritten(t *testing.T, format, text string) string {
	if format != "checkstyle" && format != "junit" {
		return text
	}
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(text)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEveryFormatShowsRelated: a finding's related locations (the other places its message
// names) are in every format: the message of each, and its file:line:col in the formats
// that write locations as text (JSON and SARIF have them as fields, checked by their own
// tests).
func TestEveryFormatShowsRelated(t *testing.T) {
	r := fixture()
	for _, format := range allFormats {
		out := string(render(t, format, r))
		for _, f := range r.Findings {
			for _, rel := range f.Related {
				if rel.Message == tricky {
					continue // escaped differently by each format
				}
				if !strings.Contains(out, asWritten(t, format, rel.Message)) {
					t.Errorf("%s: related location %q of %s missing", format, rel.Message, f.RuleID)
				}
				if format != "json" && format != "sarif" && !strings.Contains(out, location(rel.Pos)) {
					t.Errorf("%s: the place %s of related location %q missing", format, location(rel.Pos), rel.Message)
				}
			}
		}
	}
}
