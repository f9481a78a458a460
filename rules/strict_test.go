package rules_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	_ "github.com/dnslint/dnslint/lint/engine/testinput" // declares dnslint.test.* for the tests
	"github.com/dnslint/dnslint/rules"
)

// TestRegoStrict is the strict-check gate of the built-in rules (`opa check --strict`
// through OPA's Go API): unused arguments, imports and variables, shadowed names and
// deprecated builtins are errors. The capabilities are this OPA's, with dnslint's own
// builtins declared (lint/engine registers them).
func TestRegoStrict(t *testing.T) {
	caps := ast.CapabilitiesForThisVersion()
	if !slices.ContainsFunc(caps.Builtins, func(b *ast.Builtin) bool { return b.Name == "dnslint.closest" }) {
		t.Fatal("the capabilities do not declare dnslint's builtins")
	}
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{ProcessAnnotation: true, Capabilities: caps})
		if err != nil {
			return err
		}
		modules[p] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithStrict(true).WithCapabilities(caps).SetErrorLimit(0)
	if c.Compile(modules); c.Failed() {
		for _, e := range c.Errors {
			t.Error(e)
		}
	}
}
