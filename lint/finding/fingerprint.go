package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
)

// FingerprintVersion names the identity Fingerprints computes. SARIF carries it as the
// key of a partial fingerprint and baselines record it; change the version whenever
// what goes into the hash changes, so that an old baseline is refused, not misread.
const FingerprintVersion = "dnslint/v2"

// LineSource returns the text of a line of a file (1-based; "" when unknown).
type LineSource func(file string, line int) string

// Fingerprints gives each finding an identity that survives edits elsewhere in its file:
// a hash of the rule, the file's name (file(f): the caller picks the base a path is
// relative to; lines is asked by f.Pos.File), the normalized text the finding points at, and the normalized header of the block
// or object that encloses it (the nearest line above with less indentation: the server
// block of a directive, the plugin of an option, the list item of a pod's dnsConfig
// option). Line numbers are not part of it. Findings with the same hash are told apart by
// ":N", their order in fs, as GitHub's primaryLocationLineHash does.
func Fingerprints(fs []Finding, file func(Finding) string, lines LineSource) []string {
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		sum := sha256.Sum256([]byte(strings.Join([]string{
			f.RuleID, file(f), offendingText(f, lines), enclosingHeader(f.Pos.File, f.Pos.Line, lines),
		}, "\x00")))
		h := hex.EncodeToString(sum[:16])
		seen[h]++
		out[i] = fmt.Sprintf("%s:%d", h, seen[h])
	}
	return out
}

// offendingText is the text of the finding's span on its first line (to the end of the
// line when the span goes on), whitespace collapsed; the whole line when the finding has
// no column; "" for a finding on no line (about the file as a whole).
func offendingText(f Finding, lines LineSource) string {
	if f.Pos.Line < 1 {
		return ""
	}
	line := []rune(lines(f.Pos.File, f.Pos.Line))
	from, to := 0, len(line)
	if f.Pos.Col >= 1 && f.Pos.Col <= len(line) {
		from = f.Pos.Col - 1
		if f.Pos.EndLine == f.Pos.Line && f.Pos.EndCol >= f.Pos.Col && f.Pos.EndCol <= len(line) {
			to = f.Pos.EndCol
		}
	}
	return normalize(string(line[from:to]))
}

// enclosingHeader is the nearest non-blank, non-comment line above line whose
// indentation is less than line's, normalized ("" at the top level).
func enclosingHeader(file string, line int, lines LineSource) string {
	if line < 2 {
		return ""
	}
	indent := indentation(lines(file, line))
	for n := line - 1; n >= 1 && indent > 0; n-- {
		text := lines(file, n)
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if indentation(text) < indent {
			return normalize(trimmed)
		}
	}
	return ""
}

// indentation counts the leading blanks of a line (a tab counts as one, as YAML forbids
// tabs there and Corefiles may use either consistently).
func indentation(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
