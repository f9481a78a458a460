package engine

import (
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// custom.fixable is a typed METADATA key: true makes the rule Fixable, a string there
// is a load error; the advice text `fix` stays what it was.
func TestFixableMetadata(t *testing.T) {
	src := func(v string) string {
		return "# METADATA\n# title: t\n# description: d\n# custom:\n#   severity: error\n#   fix: Move it.\n#   fixable: " + v + "\npackage dnslint.rules.acme[\"r\"]\n"
	}
	if err := parseRule(t, "r.rego", src("true")); err != nil {
		t.Fatal(err)
	}
	if err := parseRule(t, "r.rego", src(`"yes"`)); err == nil || !strings.Contains(err.Error(), "custom.fixable") {
		t.Fatalf("a string for fixable: %v", err)
	}
}

// checkFix accepts the fixes rules/lib/fix.rego builds and refuses the rest, with the
// rule's id.
func TestCheckFix(t *testing.T) {
	pos := model.Pos{File: "Corefile", Line: 3, Col: 5, EndLine: 3, EndCol: 13}
	edit := finding.Edit{Op: finding.OpDelete, Pos: pos, Expect: "force_tcp"}
	fixable := finding.Rule{ID: "a/b", Fixable: true}
	for _, c := range []struct {
		name string
		rule finding.Rule
		fix  *finding.Fix
		want string // "" accepted
	}{
		{"none", finding.Rule{ID: "a/b"}, nil, ""},
		{"safe", fixable, &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{edit}}, ""},
		{"declined", fixable, &finding.Fix{Declined: "no value"}, ""},
		{"not fixable", finding.Rule{ID: "a/b"}, &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{edit}}, "custom.fixable"},
		{"no safety", fixable, &finding.Fix{Edits: []finding.Edit{edit}}, "safety"},
		{"no edits", fixable, &finding.Fix{Safety: finding.Unsafe}, "0 edits"},
		{"declined with edits", fixable, &finding.Fix{Declined: "x", Edits: []finding.Edit{edit}}, "also declines"},
		{"unknown op", fixable, &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{{Op: "rm -rf", Pos: pos}}}, "op"},
		{"no position", fixable, &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{{Op: finding.OpDelete}}}, "position"},
		{"replacements", fixable, &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{edit}, Replacements: []finding.Replacement{{}}}, "resolves"},
		{"too much text", fixable, &finding.Fix{Safety: finding.Safe, Edits: []finding.Edit{{Op: finding.OpReplace, Pos: pos, Text: strings.Repeat("x", MaxFixText+1)}}}, "bytes of text"},
	} {
		err := checkFix(c.rule, c.fix)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "a/b")):
			t.Errorf("%s: %v, want an error with %q", c.name, err, c.want)
		}
	}
}
