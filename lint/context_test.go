package lint_test

import (
	"context"
	"errors"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// TestLintStopsBeforeParsingWhenCancelled: a run whose context has ended parses and
// composes nothing and returns the context's cause, so that a caller with a deadline (the
// webhook) can say which of its limits ended the run.
func TestLintStopsBeforeParsingWhenCancelled(t *testing.T) {
	l := linter(t, nil)
	budget := errors.New("the caller's budget is spent")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(budget)
	files := []*source.File{{Path: "Corefile", Format: source.Corefile, Data: []byte(okCorefile)}}
	res, err := l.Lint(ctx, files)
	if !errors.Is(err, budget) {
		t.Fatalf("Lint after cancel: %v, %v; want the cause %q", res, err, budget)
	}
}
