package lint_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/render"
	"github.com/dnslint/dnslint/lint/source"
)

// TestMessagesNameNoCoordinates lints the bad and good fixtures of every rule and fails on
// a finding whose message, or the message of one of its related locations, writes a line
// or column outside a backquoted quotation: other places are related locations
// (finding.EmbeddedCoordinate). rules/coordinates_test.go checks the rule sources.
func TestMessagesNameNoCoordinates(t *testing.T) {
	l, cat := allRulesLinter(t)
	checked := 0
	for _, r := range cat.Rules {
		dir := filepath.Join(ruleFixturesDir, filepath.FromSlash(r.ID))
		for _, prefix := range []string{"bad", "good"} {
			var paths []string
			for _, n := range fixtureNames(t, dir, prefix) {
				paths = append(paths, filepath.Join(dir, n))
			}
			if len(paths) == 0 {
				continue
			}
			files, problems := render.Collect(context.Background(), &source.Walker{}, paths, render.Options{})
			if len(problems) > 0 {
				t.Fatalf("reading %v: %v", paths, problems)
			}
			res, err := l.Lint(context.Background(), files)
			if err != nil {
				t.Fatalf("linting %v: %v", paths, err)
			}
			for _, f := range res.Findings {
				checked++
				if c := finding.EmbeddedCoordinate(f.Message); c != "" {
					t.Errorf("%s %s: the message writes %q: name the place, and make it a related location:\n%s", f.Pos, f.RuleID, c, f.Message)
				}
				for _, rel := range f.Related {
					if c := finding.EmbeddedCoordinate(rel.Message); c != "" {
						t.Errorf("%s %s: related location %s writes %q: %s", f.Pos, f.RuleID, rel.Pos, c, rel.Message)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no finding checked")
	}
	t.Logf("%d findings checked", checked)
}
