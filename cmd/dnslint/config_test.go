package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const ndots15Pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
  dnsConfig:
    options:
    - name: ndots
      value: "15"
`

// Issue 12 item 2: a parameter of the wrong type or out of range is refused, exit 2,
// naming the file, line, rule and parameter. Before, max_ndots: "5" gave "no problems"
// (in Rego 15 > "5" is false), min_ttl: sixty printed %!d(string=sixty) and min_ttl: -5
// switched the rule off.
func TestLintRefusesMistypedParams(t *testing.T) {
	for _, c := range []struct{ config, want string }{
		{"rules:\n  pod/high-ndots:\n    params:\n      max_ndots: \"5\"\n",
			`.dnslint.yaml:4: rule pod/high-ndots, parameter max_ndots: "5" is a string, want an integer (integer, 0..15; default 5)`},
		{"rules:\n  cache/low-ttl:\n    params:\n      min_ttl: sixty\n",
			`.dnslint.yaml:4: rule cache/low-ttl, parameter min_ttl: "sixty" is a string, want an integer (integer, ≥ 0; default 30)`},
		{"rules:\n  cache/low-ttl:\n    params:\n      min_ttl: -5\n",
			`.dnslint.yaml:4: rule cache/low-ttl, parameter min_ttl: -5 is below the minimum 0 (integer, ≥ 0; default 30)`},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{".dnslint.yaml": c.config, "pod.yaml": ndots15Pod})
		conf := filepath.Join(dir, ".dnslint.yaml")
		for _, args := range [][]string{
			{"lint", "--config", conf, filepath.Join(dir, "pod.yaml")},
			{"config", "check", "--config", conf},
		} {
			r := dnslint(t, "", args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, "config "+conf+strings.TrimPrefix(c.want, ".dnslint.yaml")) || strings.Contains(r.stdout, "no problems") {
				t.Errorf("%v with %q: %s\nwant exit 2 and %q", args[:2], c.config, r, c.want)
			}
		}
	}
	// The same pod with a well-typed parameter is reported.
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".dnslint.yaml": "rules:\n  pod/high-ndots:\n    params:\n      max_ndots: 5\n", "pod.yaml": ndots15Pod})
	if r := dnslint(t, "", "lint", "--config", filepath.Join(dir, ".dnslint.yaml"), filepath.Join(dir, "pod.yaml")); r.code != exitFindings && r.code != exitClean || !strings.Contains(r.stdout, "pod/high-ndots") {
		t.Errorf("max_ndots: 5: %s", r)
	}
}

// Issue 12 item 1: a user policy whose METADATA custom block has an unknown key does not
// load: exit 2 with the file and line.
func TestUserPolicyUnknownMetadataKey(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"policies/p.rego": `# METADATA
# title: No upstream 8.8.8.8
# description: Use the corporate resolvers.
# custom:
#   severity: warning
#   eachh: corefiles
package dnslint.rules.acme["no-google"]

report := set()
`, "Corefile": ".:53 {\n    forward . 8.8.8.8\n}\n"})
	policy := filepath.Join(dir, "policies")
	want := filepath.Join(policy, "p.rego") + `:6: rule acme/no-google: METADATA custom: unknown key "eachh"`
	for _, args := range [][]string{
		{"lint", "--policy", policy, filepath.Join(dir, "Corefile")},
		{"config", "check", "--policy", policy},
		{"rules", "--policy", policy},
	} {
		r := dnslint(t, "", args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, want) {
			t.Errorf("%v: %s\nwant exit 2 and %q", args[:2], r, want)
		}
	}
}

// dnslint config check reports every problem of a config, each with its line, and says
// when a config is valid; a --policy rule may be configured.
func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bad.yaml":  "fail-on: never\nplatform: gke\nrules:\n  x/y: {}\n  pod/high-ndots:\n    severity: loud\n    params:\n      max_ndots: 16\n      min: 1\n",
		"good.yaml": "fail-on: warning\nrules:\n  pod/high-ndots:\n    params:\n      max_ndots: 3\n  acme/no-google:\n    params:\n      banned: 1.1.1.1\n",
		"policies/p.rego": `# METADATA
# title: No upstream 8.8.8.8
# description: Use the corporate resolvers.
# custom:
#   severity: warning
#   params:
#     banned: 8.8.8.8
package dnslint.rules.acme["no-google"]

report := set()
`,
	})
	bad := filepath.Join(dir, "bad.yaml")
	r := dnslint(t, "", "config", "check", "--config", bad)
	want := []string{
		":1: fail-on: unknown severity \"never\"",
		":2: platform: platform \"gke\" is not supported: GKE runs kube-dns",
		":6: rules.pod/high-ndots.severity: \"loud\" is not error, warning, info or off",
		":8: rule pod/high-ndots, parameter max_ndots: 16 is above the maximum 15",
		":9: rule pod/high-ndots: unknown parameter \"min\" (known: max_ndots)",
		":4: rules: unknown rule \"x/y\"",
	}
	if r.code != exitUsage {
		t.Fatalf("%s", r)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, "config "+bad+w) {
			t.Errorf("missing %q in %s", w, r.stderr)
		}
	}
	good := filepath.Join(dir, "good.yaml")
	if r := dnslint(t, "", "config", "check", "--config", good); r.code != exitUsage || !strings.Contains(r.stderr, `unknown rule "acme/no-google"`) {
		t.Errorf("without its policy: %s", r)
	}
	r = dnslint(t, "", "config", "check", "--config", good, "--policy", filepath.Join(dir, "policies"))
	if r.code != exitClean || !strings.HasPrefix(r.stdout, good+": valid (") {
		t.Errorf("with its policy: %s", r)
	}
}

// dnslint rules --format json lists each parameter with its type, range and default.
func TestRulesJSONParams(t *testing.T) {
	r := dnslint(t, "", "rules", "--format", "json")
	var doc struct {
		Rules []struct {
			ID     string                     `json:"id"`
			Params map[string]json.RawMessage `json:"params"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, rule := range doc.Rules {
		for name, p := range rule.Params {
			got[rule.ID+" "+name] = string(p)
		}
	}
	for k, want := range map[string]string{
		"pod/high-ndots max_ndots":               `{"type":"integer","default":5,"minimum":0,"maximum":15}`,
		"corefile/unexpected-port service_ports": `{"type":"array","items":"integer","default":[53],"minimum":1,"maximum":65535}`,
		"coredns/memory-limit-low min_memory":    `{"type":"string","default":"170Mi"}`,
	} {
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(got[k])); err != nil || compact.String() != want {
			t.Errorf("%s: %s, want %s", k, got[k], want)
		}
	}
}
