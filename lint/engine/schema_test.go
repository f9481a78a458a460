package engine

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCatalogTypeChecks: every built-in rule and helper compiles with OPA's type checker
// against the input schema (a run skips that stage when it has the built-in catalog
// alone, to start faster).
func TestCatalogTypeChecks(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compile(context.Background(), Options{Enabled: allRules(c), TypeCheck: true}); err != nil {
		t.Fatal(strings.ReplaceAll(err.Error(), "\n", "\n\t"))
	}
}

func allRules(c *Catalog) []string {
	var ids []string
	for _, r := range c.Rules {
		ids = append(ids, r.ID)
	}
	return ids
}

// misspelledField reads `dns_polcy`, a field the model does not have, on line 13.
const misspelledField = `# METADATA
# title: Pods set a DNS policy
# description: Reads a field the model does not have.
# custom:
#   severity: warning
#   each: workloads
package dnslint.rules.acme["typo"]

import data.dnslint.lib.report

report contains report.finding(w.object.pos, "no policy") if {
	w := input.workloads[_]
	w.pod.dns_polcy == null
}
`

// TestBuiltinModuleWithMisspelledInputFieldRefused: a module loaded as the built-in
// rules are, reading input.workloads[_].pod.dns_polcy, fails to compile with its file,
// line and the fields the model has.
func TestBuiltinModuleWithMisspelledInputFieldRefused(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.addFS(fstest.MapFS{"acme/typo.rego": {Data: []byte(misspelledField)}}, "builtin:", true); err != nil {
		t.Fatal(err)
	}
	c.byID["acme/typo"] = len(c.Rules) - 1
	_, err = c.Compile(context.Background(), Options{Enabled: []string{"acme/typo"}, TypeCheck: true})
	checkMisspelledFieldError(t, err, "builtin:acme/typo.rego:13:")
}

// TestUserPolicyWithMisspelledInputFieldRefused: the same module as a --policy file
// does not load either (the CLI exits 2 on it: TestPolicyMisspelledInputField).
func TestUserPolicyWithMisspelledInputFieldRefused(t *testing.T) {
	dir := writePolicy(t, misspelledField)
	c, err := LoadCatalog(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Compile(context.Background(), Options{Enabled: []string{"acme/typo"}})
	checkMisspelledFieldError(t, err, dir+"/policy.rego:13:")
}

func checkMisspelledFieldError(t *testing.T, err error, where string) {
	t.Helper()
	if err == nil {
		t.Fatal("a policy reading input.workloads[_].pod.dns_polcy compiled")
	}
	for _, want := range []string{where + " rego_type_error: undefined ref: w.pod.dns_polcy", `have: "dns_polcy"`, `"dns_policy"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
}
