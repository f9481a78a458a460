package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

func TestPrintable(t *testing.T) {
	for _, tc := range []struct {
		in, want     string
		keepNewlines bool
	}{
		{"forward . 10.0.0.10", "forward . 10.0.0.10", false},
		{"\x1b]0;pwned\x07title", `\x1b]0;pwned\x07title`, false},
		{"\x1b[2Jclear", `\x1b[2Jclear`, false},
		{"hidden\rshown\bx", `hidden\x0dshown\x08x`, false},
		{"c1 \u009b2J", `c1 \u009b2J`, false},
		{"8-bit CSI \x9b2J", `8-bit CSI \x9b2J`, false},
		{"abc\u202edef \u2066x\u2069", `abc\u202edef \u2066x\u2069`, false},
		{"del\x7f", `del\x7f`, false},
		{"\tcache 30", "\tcache 30", false},
		{"two\nlines", `two\x0alines`, false},
		{"two\nlines", "two\nlines", true},
		{"héllo wörld ✓", "héllo wörld ✓", false},
	} {
		if got := printable(tc.in, tc.keepNewlines); got != tc.want {
			t.Errorf("printable(%q, %v) = %q, want %q", tc.in, tc.keepNewlines, got, tc.want)
		}
	}
}

// rawControl finds a byte or character in out that a terminal would act on, other than
// the line breaks and tabs of the format.
func rawControl(out string) (rune, bool) {
	for i, r := range out {
		if r == '\n' || r == '\t' {
			continue
		}
		if r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd") || unsafeRune(r, utf8.RuneLen(r), false) {
			return r, true
		}
	}
	return 0, false
}

// TestTextWritesNoControlCharacters: a hostile file's path, its quoted line and a
// message holding its tokens reach the terminal escaped, and the caret still points at
// the token.
func TestTextWritesNoControlCharacters(t *testing.T) {
	hostile := "evil\x1b]0;pwned\x07\x1b[2J\u202e\u009b\x9b\r\b"
	file := "dir/\x1b[31mCorefile\n"
	line := "  forward . " + hostile + " 10.0.0.1"
	r := &Report{
		Files: 1,
		Findings: []finding.Finding{{
			RuleID: "forward/x\x1b[0m", Severity: finding.Error, Message: "upstream " + hostile + "\nsecond line",
			Pos:     model.Pos{File: file, Line: 1, Col: 37, EndLine: 1, EndCol: 44},
			Related: []finding.Related{{Message: "see " + hostile, Pos: model.Pos{File: file, Line: 1}}},
		}},
		Source: func(string, int) string { return line },
	}
	for _, color := range []bool{false, true} {
		r.Color = color
		out := string(render(t, "text", r))
		if color {
			out = strings.NewReplacer("\x1b[1m", "", "\x1b[1;31m", "", "\x1b[0m", "").Replace(out)
		}
		if c, ok := rawControl(out); ok {
			t.Fatalf("color %v: raw %U in the text output:\n%q", color, c, out)
		}
		if !strings.Contains(out, `dir/\x1b[31mCorefile\x0a:1:37: error forward/x\x1b[0m: upstream evil\x1b]0;pwned\x07`) ||
			!strings.Contains(out, "\n    second line\n") {
			t.Errorf("color %v: headline or message lines:\n%s", color, out)
		}
		lines := strings.Split(out, "\n")
		quoted, marker := lines[2], lines[3]
		if col := strings.Index(marker, "^"); !strings.HasPrefix(quoted[col:], "10.0.0.1") || len(marker)-col != len("10.0.0.1") {
			t.Errorf("color %v: caret not under the token:\n%s\n%s", color, quoted, marker)
		}
	}
}

// TestMarkdownFraming: a file name or rule id with a pipe, a backtick or a parenthesis
// stays in its table cell and its link.
func TestMarkdownFraming(t *testing.T) {
	r := &Report{Files: 1, LinkBase: "https://github.com/o/r/blob/sha/", Findings: []finding.Finding{{
		RuleID: "acme/a|b`c", Severity: finding.Error, Message: "m | n\r\n::x",
		Pos: model.Pos{File: "a|b`c) [x](y).yaml", Line: 3, Col: 1},
	}}}
	out := string(render(t, "markdown", r))
	var row string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "#L3") {
			row = l
		}
	}
	want := "| [`` a\\|b`c) [x](y).yaml:3:1 ``](https://github.com/o/r/blob/sha/a%7Cb%60c%29%20%5Bx%5D%28y%29.yaml#L3) | error | `` acme/a\\|b`c `` | m \\| n\\x0d<br>::x |"
	if row != want {
		t.Errorf("row\n%s\nwant\n%s", row, want)
	}
}
