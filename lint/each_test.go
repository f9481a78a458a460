package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dnslint/dnslint/bench/corpus"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

// TestEachDeclarationsHold checks the rules' METADATA custom.each: evaluating each such
// rule over one element of its collection at a time must find exactly what evaluating it
// over the whole input finds. The input is everything the repository's tests lint —
// rule fixtures, examples, distribution defaults, known bugs — plus a generated corpus and
// the real-world corpus when present, all as one run, so that documents that relate to
// each other across files (a CoreDNS Deployment and its ConfigMap, an autoscaler and its
// target, coredns-custom keys) meet.
func TestEachDeclarationsHold(t *testing.T) {
	generated := t.TempDir()
	if err := corpus.Write(generated, corpus.Options{N: 400, PerFile: 10, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	roots := []string{filepath.Join("..", "testdata"), generated}
	if _, err := os.Stat(*corpusDir); err == nil {
		roots = append(roots, *corpusDir)
	}
	files, _ := (&source.Walker{}).Collect(roots)
	ctx := context.Background()
	lintWith := func(opts lint.Options) *lint.Result {
		t.Helper()
		// No evaluation limit that a loaded machine could pass: the whole input is one
		// evaluation per group, tens of seconds under the race detector.
		opts.EvalLimits = engine.Limits{Timeout: 24 * time.Hour, HeapShare: 1 << 40}
		l, err := lint.New(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		res, err := l.Lint(ctx, files)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	whole := lintWith(lint.Options{WholeInput: true})
	if len(whole.Findings) < 1000 {
		t.Fatalf("only %d findings over %d files: the input is too small to test anything", len(whole.Findings), len(files))
	}
	for _, chunk := range []int{1, 0} {
		got := lintWith(lint.Options{ChunkSize: chunk})
		if !reflect.DeepEqual(whole.Findings, got.Findings) {
			t.Errorf("chunks of %d (0: default) find otherwise than the whole input (-whole +chunked):\n%s", chunk, difference(whole.Findings, got.Findings))
		}
	}
}

// difference lists the findings only one of a and b has.
func difference(a, b []finding.Finding) string {
	count := map[string]int{}
	for _, f := range a {
		count[fmt.Sprintf("%+v", f)]--
	}
	for _, f := range b {
		count[fmt.Sprintf("%+v", f)]++
	}
	var out []string
	for k, n := range count {
		switch {
		case n < 0:
			out = append(out, "- "+k)
		case n > 0:
			out = append(out, "+ "+k)
		}
	}
	slices.Sort(out)
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("… and %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}

// TestCompileOnNeed lints inputs that hold only some collections both ways: with the rules
// compiled on first need (those of absent collections left out) and with every rule
// compiled up front. The findings must be the same.
func TestCompileOnNeed(t *testing.T) {
	ctx := context.Background()
	var dirs []string
	for _, dir := range []string{"examples/clusters/onprem", "examples/clusters/aks-prod", "examples/apps/checkout", "rules/coredns", "rules/resolv", "rules/autoscaler", "rules/custom"} {
		dirs = append(dirs, filepath.Join("..", "testdata", filepath.FromSlash(dir)))
	}
	for _, dir := range dirs {
		files, _ := (&source.Walker{}).Collect([]string{dir})
		var got [2][]finding.Finding
		for i, all := range []bool{false, true} {
			l, err := lint.New(ctx, lint.Options{CompileAll: all})
			if err != nil {
				t.Fatal(err)
			}
			res, err := l.Lint(ctx, files)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = res.Findings
		}
		if len(got[1]) == 0 {
			t.Errorf("%s: no findings at all: not a test", dir)
		}
		if !reflect.DeepEqual(got[0], got[1]) {
			t.Errorf("%s: compiled on need, otherwise than all at once (-need +all):\n%s", dir, difference(got[0], got[1]))
		}
	}
}
