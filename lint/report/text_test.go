package report

import (
	"bytes"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

func TestCaret(t *testing.T) {
	for _, tc := range []struct {
		src       string
		col, end  int
		pad, mark string
	}{
		{"forward . 1.1.1.1", 11, 17, "          ", "^~~~~~~"},
		{"\t\tcache 30", 3, 7, "\t\t", "^~~~~"},
		{"x", 1, 1, "", "^"},
		{"short", 2, 99, " ", "^~~~"},             // clamped to the end of the line
		{"short", 6, 6, "     ", "^"},             // just past the end: a missing token
		{"héllo wörld", 7, 11, "      ", "^~~~~"}, // columns count characters, not bytes
	} {
		pad, mark := caret(tc.src, tc.col, tc.end)
		if pad != tc.pad || mark != tc.mark {
			t.Errorf("caret(%q, %d, %d) = %q, %q; want %q, %q", tc.src, tc.col, tc.end, pad, mark, tc.pad, tc.mark)
		}
	}
}

func TestSummaryLine(t *testing.T) {
	for _, tc := range []struct {
		s        summary
		problems int
		want     string
	}{
		// Files with problems and files linted are two counts: 7 files read, 2 with problems.
		{summary{Files: 7, FilesWithProblems: 2, Errors: 1, Warnings: 1, Infos: 1}, 3, "3 problems (1 error, 1 warning, 1 info) in 2 files (7 files linted)"},
		{summary{Files: 1, FilesWithProblems: 1, Errors: 1}, 1, "1 problem (1 error, 0 warnings, 0 info) in 1 file (1 file linted)"},
		{summary{Files: 5}, 0, "no problems in 5 files"},
		{summary{Files: 1}, 0, "no problems in 1 file"},
	} {
		if got := summaryLine(tc.s, tc.problems); got != tc.want {
			t.Errorf("summaryLine(%+v, %d) = %q, want %q", tc.s, tc.problems, got, tc.want)
		}
	}
}

func TestTextColorOnlyWhenAsked(t *testing.T) {
	r := fixture()
	if out := render(t, "text", r); bytes.ContainsRune(out, '\x1b') {
		t.Error("escape sequence without Color")
	}
	r.Color = true
	if out := render(t, "text", r); !bytes.Contains(out, []byte("\x1b[1;31merror\x1b[0m")) {
		t.Errorf("no red error with Color:\n%s", out)
	}
}

func TestTextWithoutSource(t *testing.T) {
	r := &Report{Files: 1, Findings: []finding.Finding{{
		RuleID: "r", Severity: finding.Warning, Message: "m",
		Pos: model.Pos{File: "f", Line: 3, Col: 2, EndLine: 3, EndCol: 4},
	}}}
	want := "f:3:2: warning r: m\n\n1 problem (0 errors, 1 warning, 0 info) in 1 file (1 file linted)\n"
	if got := string(render(t, "text", r)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
