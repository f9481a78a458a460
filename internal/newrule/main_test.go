package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	_ "github.com/dnslint/dnslint/lint/engine/testinput" // dnslint.test.input
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/rules"
)

const repo = "../.."

func TestParseRefusesBadIDs(t *testing.T) {
	for _, id := range []string{"", "pod", "pod/", "/x", "Pod/x", "pod/High-ndots", "pod/a--b", "pod/a-", "pod/a/b",
		"pod/a_b", "1pod/x", "pod-x/y", "lib/x", "data/x", "pod/x_test", "../x/y"} {
		if _, err := Parse(id); err == nil {
			t.Errorf("Parse(%q) accepted it", id)
		}
	}
	for _, id := range []string{"pod/high-ndots", "k8s_external/x", "forward/max-fails-0"} {
		if _, err := Parse(id); err != nil {
			t.Errorf("Parse(%q): %v", id, err)
		}
	}
}

// TestWriteRefusesExistingRule: an existing id is refused before anything is written.
func TestWriteRefusesExistingRule(t *testing.T) {
	r, _ := Parse("pod/high-ndots")
	if _, err := Write(repo, r); err == nil || !strings.Contains(err.Error(), "rule pod/high-ndots exists") {
		t.Fatalf("Write: %v", err)
	}
	if _, err := os.Stat(filepath.Join(repo, "testdata/rules/pod/high-ndots/bad.corefile")); err == nil {
		t.Fatal("wrote a fixture of the existing rule")
	}
}

// TestWriteRefusesExistingFile: a leftover file of the scaffold is not overwritten, and
// nothing else is written.
func TestWriteRefusesExistingFile(t *testing.T) {
	root := t.TempDir()
	r, _ := Parse("acme/new-rule")
	mustWrite(t, filepath.Join(root, "rules/embed.go"), "package rules\n")
	mustWrite(t, filepath.Join(root, "testdata/rules/acme/new-rule/want.txt"), "mine\n")
	if _, err := Write(root, r); err == nil || !strings.Contains(err.Error(), "want.txt exists") {
		t.Fatalf("Write: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "rules/acme/new-rule.rego")); err == nil {
		t.Fatal("wrote the rule anyway")
	}
}

// TestScaffoldWorks writes the scaffold of a new rule into a temporary tree and checks
// what the repository's own tests check of a built-in rule: its METADATA loads strictly
// and type-checks against the input schema (as a policy), its Rego test passes with the
// built-in library, its bad fixture gives exactly want.txt and its good one nothing, and
// its METADATA bad and good examples do and do not make it report.
func TestScaffoldWorks(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "rules/embed.go"), "package rules\n")
	r, _ := Parse("acme/scaffold-check")
	paths, err := Write(root, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(outputs) {
		t.Fatalf("wrote %v", paths)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	t.Run("rego test", func(t *testing.T) {
		runRegoTests(t, map[string]string{
			"acme/scaffold-check.rego":      read("rules/acme/scaffold-check.rego"),
			"acme/scaffold-check_test.rego": read("rules/acme/scaffold-check_test.rego"),
		})
	})

	policies := filepath.Join(root, "rules")
	os.Remove(filepath.Join(policies, "embed.go"))
	os.Remove(filepath.Join(policies, "acme/scaffold-check_test.rego"))
	cat, err := engine.LoadCatalog(policies)
	if err != nil {
		t.Fatal(err)
	}
	rule, ok := cat.Rule(r.ID)
	if !ok || rule.Title == "" || rule.Bad == "" || rule.Good == "" || cat.Each(r.ID) != "corefiles" {
		t.Fatalf("rule %s: %+v", r.ID, rule)
	}
	l, err := lint.New(context.Background(), lint.Options{Config: &config.Config{}, Policies: []string{policies}, Enable: []string{r.ID}})
	if err != nil {
		t.Fatal(err) // a METADATA or type error of the scaffold
	}
	fixtures := filepath.Join(root, "testdata/rules/acme/scaffold-check")
	lintOne := func(path, text string) []string {
		res, err := l.Lint(context.Background(), []*source.File{{Path: path, Format: source.FormatOf(path), Data: []byte(text)}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			if f.RuleID == r.ID {
				got = append(got, fmt.Sprintf("%s:%d:%d %s", f.Pos.File, f.Pos.Line, f.Pos.Col, f.Severity))
			}
		}
		return got
	}
	if got, want := lintOne("bad.corefile", read("testdata/rules/acme/scaffold-check/bad.corefile")), wantLines(t, filepath.Join(fixtures, "want.txt")); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("bad fixture: findings %v, want.txt %v", got, want)
	}
	if got := lintOne("good.corefile", read("testdata/rules/acme/scaffold-check/good.corefile")); len(got) > 0 {
		t.Errorf("good fixture: %v", got)
	}
	if got := lintOne("bad-example.corefile", rule.Bad); len(got) != 1 {
		t.Errorf("METADATA bad example: %v", got)
	}
	if got := lintOne("good-example.corefile", rule.Good); len(got) != 0 {
		t.Errorf("METADATA good example: %v", got)
	}
}

// runRegoTests runs the Rego tests of extra (path → text) beside the built-in tree, as go
// test ./rules/ does, and fails unless each passes.
func runRegoTests(t *testing.T, extra map[string]string) {
	t.Helper()
	modules := map[string]*ast.Module{}
	add := func(p, src string) {
		m, err := ast.ParseModuleWithOpts(p, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		modules[p] = m
	}
	libs, _ := fs.Glob(rules.FS, "lib/*.rego")
	for _, p := range libs {
		b, _ := fs.ReadFile(rules.FS, p)
		add(p, string(b))
	}
	for p, src := range extra {
		add(p, src)
	}
	schemas, err := engine.InputSchemas()
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"config": map[string]any{}, "params": map[string]any{}}
	docs, _ := fs.Glob(rules.FS, "data/*.json")
	for _, p := range docs {
		b, _ := fs.ReadFile(rules.FS, p)
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		data[strings.TrimSuffix(path.Base(p), ".json")] = v
	}
	store := inmem.NewFromObject(map[string]any{"dnslint": data})
	ch, err := tester.NewRunner().SetCompiler(ast.NewCompiler().WithSchemas(schemas)).SetModules(modules).SetStore(store).RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for res := range ch {
		if !strings.HasPrefix(res.Package, "data.dnslint.rules.") {
			continue
		}
		n++
		if res.Fail || res.Error != nil {
			t.Errorf("%s %s: fail=%v err=%v", res.Package, res.Name, res.Fail, res.Error)
		}
	}
	if n == 0 {
		t.Fatal("no Rego test ran")
	}
}

func wantLines(t *testing.T, file string) []string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
