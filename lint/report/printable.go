package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Messages, paths and quoted source lines come from the files being linted and from
// policies: a hostile file could hold an escape sequence (ESC ] 0 ; title BEL, ESC [ 2 J)
// that drives the terminal reading the text output, a backspace or carriage return that
// hides what precedes it, or a bidi override (U+202E) that shows the text in another
// order than it is. printable writes each such character as an escape: \x1b, \x07, \r
// for bytes (and for bytes that are not UTF-8, 0x9b being CSI to an 8-bit terminal),
// \u009b or \u202e for characters. Tabs stay (source lines are indented with them), and
// so do line breaks where the caller keeps them.

// printable returns s with every unsafe character escaped; keepNewlines leaves \n raw
// (a multi-line message, whose lines the caller indents).
func printable(s string, keepNewlines bool) string {
	if isPrintable(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(escapeRune(r, s[i], size, keepNewlines))
		i += size
	}
	return b.String()
}

// Printable is s with every character that could drive a terminal escaped, line
// breaks included: for what dnslint writes on standard error.
func Printable(s string) string { return printable(s, false) }

func isPrintable(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, size, keepNewlines) {
			return false
		}
		i += size
	}
	return true
}

// escapeRune is how printable writes one character (first is its first byte).
func escapeRune(r rune, first byte, size int, keepNewlines bool) string {
	switch {
	case !unsafeRune(r, size, keepNewlines):
		return string(r)
	case r == utf8.RuneError && size == 1, r < utf8.RuneSelf:
		return fmt.Sprintf(`\x%02x`, first)
	default:
		return fmt.Sprintf(`\u%04x`, r)
	}
}

func unsafeRune(r rune, size int, keepNewlines bool) bool {
	switch {
	case r == '\t', r == '\n' && keepNewlines:
		return false
	case r == utf8.RuneError && size == 1, unicode.IsControl(r): // C0, DEL, C1
		return true
	}
	return isBidiControl(r) || r == '\u2028' || r == '\u2029'
}

// isBidiControl tells the characters that change the display order of the text around
// them (Unicode's Bidi_Control property).
func isBidiControl(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' ||
		'\u202a' <= r && r <= '\u202e' || '\u2066' <= r && r <= '\u2069'
}

// printableWidth is how many columns printable writes a character in (a tab counts one).
func printableWidth(r rune, first byte, size int) int {
	if !unsafeRune(r, size, false) {
		return 1
	}
	return len(escapeRune(r, first, size, false))
}
