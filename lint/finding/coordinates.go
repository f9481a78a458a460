package finding

import (
	"regexp"
	"strings"
)

// A message names the things it speaks of ("the first `cache`", "the `forward` it
// shadows"); where they are is a Related location, which every report shows and which the
// webhook maps like the finding's own position. A message therefore holds no coordinate of
// dnslint's own: no "line 12", no "column 3".
//
// A real component's message is quoted exactly, between backquotes, and may hold its own
// coordinates (kustomize's `line 8: mapping key "dnsPolicy" already defined at line 5`):
// those are its words, not places dnslint points at, and they are not read as coordinates.

// coordinate is a line or column number written as words: "line 12", "lines 3", "col 4",
// "column 7" (any case).
var coordinate = regexp.MustCompile(`(?i)\b(?:line|column|col)s? \d+\b`)

// EmbeddedCoordinate returns the first coordinate that message writes outside backquoted
// quotations, or "" when there is none.
func EmbeddedCoordinate(message string) string {
	return coordinate.FindString(Unquoted(message))
}

// Unquoted is text with every backquoted span (a quotation, or code) replaced by a space;
// an unmatched backquote quotes to the end.
func Unquoted(text string) string {
	var b strings.Builder
	quoted := false
	for _, part := range strings.Split(text, "`") {
		if !quoted {
			b.WriteString(part)
		} else {
			b.WriteByte(' ')
		}
		quoted = !quoted
	}
	return b.String()
}
