package lint_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/source"
)

// A dnslint:ignore that names no rule because of a typo says which rule it probably meant.
func TestUnusedSuppressionNamesTheMeantRule(t *testing.T) {
	l, err := lint.New(context.Background(), lint.Options{Config: &config.Config{}, Enable: []string{"cache/low-ttl", lint.UnusedSuppression}})
	if err != nil {
		t.Fatal(err)
	}
	body := ".:53 {\n    forward . 10.0.0.53\n    cache 5 # dnslint:ignore cache/low-tll\n}\n"
	res, err := l.Lint(context.Background(), []*source.File{{Path: "Corefile", Format: source.Corefile, Data: []byte(body)}})
	if err != nil {
		t.Fatal(err)
	}
	want := `"cache/low-tll" names no rule (did you mean "cache/low-ttl"?)`
	for _, f := range res.Findings {
		if f.RuleID == lint.UnusedSuppression && strings.Contains(f.Message, want) {
			return
		}
	}
	t.Errorf("no %s finding saying %s: %+v", lint.UnusedSuppression, want, res.Findings)
}
