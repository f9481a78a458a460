package webhook

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The API server's limits on AdmissionResponse.warnings (k8s.io/apiserver
// pkg/endpoints/filters/warning.go, apimachinery NewWarningHeader):
//   - a text that is not valid UTF-8 or holds a control character (a line break, a tab) is
//     dropped silently, so texts are cleaned;
//   - once the texts of a response add up to more than 4096 runes, each is cut to 256, so
//     no text is longer than 256 runes and the total stays within 4096;
//   - identical texts are sent once, so they are sent once here too.
//
// The count is bounded as well (maxWarnings): a client prints each one. What does not fit
// is counted in a last warning that says how to see everything.
const (
	maxWarningRunes = 256
	maxWarningTotal = 4096
	maxWarnings     = 20
)

// limitWarnings turns the notes and the findings that do not deny into warnings within the
// API server's limits, most severe first.
func limitWarnings(notes []string, found []located) []string {
	found = slices.Clone(found)
	slices.SortStableFunc(found, func(a, b located) int { return cmp.Compare(b.Severity, a.Severity) })
	texts := slices.Clone(notes)
	for _, f := range found {
		where := f.where
		if f.note != "" {
			where += " (" + f.note + ")"
		}
		text := fmt.Sprintf("dnslint %s %s at %s: %s", f.Severity, f.RuleID, where, f.Message)
		for _, p := range f.places {
			text += " (see " + p + ")"
		}
		texts = append(texts, text)
	}
	var out []string
	seen := map[string]bool{}
	total, dropped := 0, 0
	// Room for the last warning, which counts what was left out.
	const reserve = 120
	for _, t := range texts {
		t = truncate(clean(t), maxWarningRunes)
		if seen[t] {
			continue
		}
		n := utf8.RuneCountInString(t)
		if len(out) >= maxWarnings-1 || total+n > maxWarningTotal-reserve {
			dropped++
			continue
		}
		seen[t] = true
		out = append(out, t)
		total += n
	}
	if dropped > 0 {
		out = append(out, fmt.Sprintf("dnslint: %d more warnings not shown; run `dnslint audit` or `dnslint lint` on the manifest to see them all", dropped))
	}
	return out
}

// clean makes text valid UTF-8 without control characters: each run of them (line
// breaks, tabs) becomes one space.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// truncate cuts s to at most n runes, ending a cut text with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimRight(string(runes[:n-1]), " ") + "…"
}
