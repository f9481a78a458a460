package finding

import (
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/model"
)

// textLines serves the lines of one text as any file's.
func textLines(text string) LineSource {
	lines := strings.Split(text, "\n")
	return func(_ string, n int) string {
		if n < 1 || n > len(lines) {
			return ""
		}
		return lines[n-1]
	}
}

func fingerprintOf(t *testing.T, text string, f Finding) string {
	t.Helper()
	return Fingerprints([]Finding{f}, func(f Finding) string { return f.Pos.File }, textLines(text))[0]
}

func cacheAt(line, col int) Finding {
	return Finding{RuleID: "cache/low-ttl", Pos: model.Pos{File: "Corefile", Line: line, Col: col, EndLine: line, EndCol: col + 6}}
}

// The fingerprint follows the offending text and its enclosing block, not line numbers
// or indentation; the enclosing block and the rule change it.
func TestFingerprints(t *testing.T) {
	base := ".:53 {\n    cache 5\n}\n"
	first := fingerprintOf(t, base, cacheAt(2, 5))
	shifted := "# a comment\n\n.:53   {\n  cache 5\n}\n"
	if got := fingerprintOf(t, shifted, cacheAt(4, 3)); got != first {
		t.Errorf("lines added above and indentation changed the fingerprint: %s, %s", first, got)
	}
	other := "example.com:53 {\n    cache 5\n}\n"
	if got := fingerprintOf(t, other, cacheAt(2, 5)); got == first {
		t.Error("the same directive in another server block has the same fingerprint")
	}
	changed := ".:53 {\n    cache 6\n}\n"
	if got := fingerprintOf(t, changed, cacheAt(2, 5)); got == first {
		t.Error("a changed offending text keeps its fingerprint")
	}
	rule := cacheAt(2, 5)
	rule.RuleID = "cache/other"
	if got := fingerprintOf(t, base, rule); got == first {
		t.Error("the rule does not change the fingerprint")
	}
	twice := ".:53 {\n    cache 5\n}\n.:53 {\n    cache 5\n}\n"
	prints := Fingerprints([]Finding{cacheAt(2, 5), cacheAt(5, 5)}, func(f Finding) string { return f.Pos.File }, textLines(twice))
	if prints[0] == prints[1] || !strings.HasSuffix(prints[0], ":1") || !strings.HasSuffix(prints[1], ":2") {
		t.Errorf("equal findings are not told apart: %q", prints)
	}
	if !strings.HasSuffix(first, ":1") || len(first) != 34 {
		t.Errorf("fingerprint %q: want 32 hex digits and :1", first)
	}
}

// A YAML option's enclosing header is its list item, so two options of one dnsConfig
// with the same value differ.
func TestFingerprintsYAMLListItem(t *testing.T) {
	text := "options:\n  - name: ndots\n    value: \"9\"\n  - name: attempts\n    value: \"9\"\n"
	at := func(line int) Finding {
		return Finding{RuleID: "pod/x", Pos: model.Pos{File: "p.yaml", Line: line, Col: 12, EndLine: line, EndCol: 14}}
	}
	prints := Fingerprints([]Finding{at(3), at(5)}, func(f Finding) string { return f.Pos.File }, textLines(text))
	if strings.Split(prints[0], ":")[0] == strings.Split(prints[1], ":")[0] {
		t.Errorf("values of two options share a fingerprint: %q", prints)
	}
}
