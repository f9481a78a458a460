package rules_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/dnslint/dnslint/lint/engine"           // also registers dnslint.closest
	"github.com/dnslint/dnslint/lint/engine/testinput" // registers dnslint.test.input
	"github.com/dnslint/dnslint/rules"
)

// TestRego runs every Rego test of the built-in rules with OPA's test runner, against
// the data documents the rules ship with.
func TestRego(t *testing.T) {
	modules := map[string]*ast.Module{}
	data := map[string]any{}
	tests := 0
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".json") && strings.HasPrefix(p, "data/"):
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				return err
			}
			data[strings.TrimSuffix(path.Base(p), ".json")] = v
		case strings.HasSuffix(p, ".rego"):
			m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
			if err != nil {
				return err
			}
			modules[p] = m
			if strings.HasSuffix(p, "_test.rego") {
				tests++
			} else if callsTestBuiltin(m) {
				t.Errorf("%s calls %s, which only the Rego tests have", p, testinput.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	data["config"], data["params"] = map[string]any{}, map[string]any{}
	store := inmem.NewFromObject(map[string]any{"dnslint": data})
	schemas, err := engine.InputSchemas()
	if err != nil {
		t.Fatal(err)
	}
	compiler := ast.NewCompiler().WithSchemas(schemas).WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().SetCompiler(compiler).SetModules(modules).SetStore(store).EnableTracing(false).CapturePrintOutput(true).RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		if r.Fail || r.Error != nil {
			t.Errorf("%s %s: fail=%v err=%v%s", r.Package, r.Name, r.Fail, r.Error, printed(r.Output))
		}
	}
	if n == 0 || tests == 0 {
		t.Fatalf("no Rego tests ran (%d test files)", tests)
	}
	t.Logf("%d Rego tests in %d files", n, tests)
}

// callsTestBuiltin tells whether a module calls a dnslint.test.* builtin.
func callsTestBuiltin(m *ast.Module) bool {
	found := false
	ast.WalkRefs(m, func(r ast.Ref) bool {
		found = found || strings.HasPrefix(r.String(), "dnslint.test.")
		return found
	})
	return found
}

// printed is what a failed test print()ed, for its report.
func printed(out []byte) string {
	if len(out) == 0 {
		return ""
	}
	return "\nprinted:\n" + string(out)
}
