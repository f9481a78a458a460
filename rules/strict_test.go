package rules_test

import (
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	_ "github.com/dnslint/dnslint/lint/engine/testinput" // declares dnslint.test.* for the tests
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
	for _, f := range regoFiles(t, nil) {
		m, err := ast.ParseModuleWithOpts(f.path, string(f.src), ast.ParserOptions{ProcessAnnotation: true, Capabilities: caps})
		if err != nil {
			t.Fatal(err)
		}
		modules[f.path] = m
	}
	c := ast.NewCompiler().WithStrict(true).WithCapabilities(caps).SetErrorLimit(0)
	if c.Compile(modules); c.Failed() {
		for _, e := range c.Errors {
			t.Error(e)
		}
	}
}
