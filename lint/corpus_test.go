package lint_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

var (
	corpusDir = flag.String("corpus", filepath.Join("..", "..", "shared", "corpus", "real"), "real-world corpus (source on each file's first line)")
	update    = flag.Bool("update", false, "rewrite golden files")
)

// corpusFormats maps the corpus's folders to the format of their files.
var corpusFormats = map[string]source.Format{
	"corefile": source.Corefile, "corefile-templated": source.YAML,
	"configmap-coredns": source.YAML, "configmap-custom": source.YAML,
	"autoscaler": source.YAML, "pod-dns": source.YAML, "resolvconf": source.Resolv,
}

// TestCorpus lints every real-world config of the corpus, each file on its own: no
// crash, and every finding kept in testdata/corpus/findings.golden, so that each change
// in findings shows in review. Every error finding needs a one-line reason in
// testdata/corpus/reviewed.txt ("<file> <rule> -- <reason>").
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(*corpusDir); err != nil {
		if os.Getenv("DNSLINT_CORPUS_REQUIRED") != "" {
			t.Fatalf("corpus %s: %v", *corpusDir, err)
		}
		t.Skipf("corpus %s not present (make corpus requires it)", *corpusDir)
	}
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reviewed := readReviewed(t)
	used := map[string]bool{}
	var out strings.Builder
	files := 0
	for _, dir := range sortedDirs() {
		entries, err := os.ReadDir(filepath.Join(*corpusDir, dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := dir + "/" + e.Name()
			b, err := os.ReadFile(filepath.Join(*corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			files++
			res, err := l.Lint(context.Background(), []*source.File{{Path: name, Abs: "/corpus/" + name, Format: corpusFormats[dir], Data: b}})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			for _, f := range res.Findings {
				fmt.Fprintf(&out, "%s:%d:%d: %s %s: %s\n", f.Pos.File, f.Pos.Line, f.Pos.Col, f.Severity, f.RuleID, f.Message)
				if f.Severity != finding.Error {
					continue
				}
				key := f.Pos.File + " " + f.RuleID
				if _, ok := reviewed[key]; !ok {
					t.Errorf("unreviewed error in real-world config %s:%d:%d %s: %s\n  (add `%s -- <why this is right>` to testdata/corpus/reviewed.txt, or fix the rule)", f.Pos.File, f.Pos.Line, f.Pos.Col, f.RuleID, f.Message, key)
				}
				used[key] = true
			}
		}
	}
	if files == 0 {
		t.Fatalf("no file in corpus %s", *corpusDir)
	}
	for key := range reviewed {
		if !used[key] {
			t.Errorf("testdata/corpus/reviewed.txt: %q matches no error any more: remove it", key)
		}
	}
	golden := filepath.Join("..", "testdata", "corpus", "findings.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := os.ReadFile(golden)
	if string(want) != out.String() {
		t.Errorf("findings on the corpus changed; review the diff, then `go test ./lint -run TestCorpus -update`:\n%s", diffLines(string(want), out.String()))
	}
	t.Logf("%d corpus files", files)
}

func sortedDirs() []string {
	var dirs []string
	for d := range corpusFormats {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}

func readReviewed(t *testing.T) map[string]string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "reviewed.txt"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, reason, ok := strings.Cut(line, " -- ")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Fatalf("reviewed.txt: %q has no ` -- reason`", line)
		}
		m[strings.TrimSpace(key)] = reason
	}
	return m
}

// diffLines lists the lines only in want (-) and only in got (+).
func diffLines(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := count(want), count(got)
	var out []string
	for l, n := range w {
		if g[l] < n {
			out = append(out, "- "+l)
		}
	}
	for l, n := range g {
		if w[l] < n {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
