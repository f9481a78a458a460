package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPolicyMisspelledInputField: a --policy file reading a field the rules' input does
// not have (input.workloads[_].pod.dns_polcy) does not load: exit 2, with its file, line
// and the field, before any file is linted.
func TestPolicyMisspelledInputField(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"policy.rego": `# METADATA
# title: Pods set a DNS policy
# description: Reads a field the model does not have.
# custom:
#   severity: warning
package dnslint.rules.acme["typo"]

import data.dnslint.lib.report

report contains report.finding(w.object.pos, "no policy") if {
	some w in input.workloads
	is_null(w.pod.dns_polcy)
}
`})
	r := dnslint(t, "", "lint", "--policy", dir, "testdata/output-formats/config/Corefile")
	want := filepath.Join(dir, "policy.rego") + ":12: rego_type_error: undefined ref: w.pod.dns_polcy"
	if r.code != exitUsage || !strings.Contains(r.stderr, want) || r.stdout != "" {
		t.Fatalf("want exit %d and %q:\n%s", exitUsage, want, r)
	}
}
