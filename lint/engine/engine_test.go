package engine

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

const goodPolicy = `# METADATA
# title: No upstream 8.8.8.8
# description: Use the corporate resolvers.
# custom:
#   severity: warning
#   params:
#     banned: 8.8.8.8
package dnslint.rules.acme["no-google"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.finding(a.pos, "banned upstream") if {
	some x in corefile.directives("forward")
	some a in x.directive.args
	a.text == data.dnslint.params["acme/no-google"].banned
}
`

func writePolicy(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "policy.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBuiltinCatalog(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rules) < 10 {
		t.Fatalf("only %d built-in rules", len(c.Rules))
	}
	for _, r := range c.Rules {
		if !r.Builtin || r.Title == "" || r.Description == "" || r.Severity == finding.None || r.DocsURL == "" {
			t.Errorf("rule %s: incomplete metadata %+v", r.ID, r)
		}
		if want := "builtin:" + r.ID + ".rego"; r.File != want {
			t.Errorf("rule %s lives in %s, want %s", r.ID, r.File, want)
		}
	}
}

func TestUserPolicyEvaluates(t *testing.T) {
	c, err := LoadCatalog(writePolicy(t, goodPolicy))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Rule("acme/no-google")
	if !ok || r.Builtin || r.Severity != finding.Warning || r.Params["banned"].Default != "8.8.8.8" {
		t.Fatalf("rule %+v", r)
	}
	e, err := c.Compile(context.Background(), Options{Enabled: []string{"acme/no-google"}, Config: map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	pos := model.Pos{File: "Corefile", Line: 2, Col: 15, EndLine: 2, EndCol: 21}
	in := &model.Input{Corefiles: []*model.Corefile{{ServerBlocks: []*model.ServerBlock{{Directives: []*model.Directive{{
		Name: "forward", Args: []model.Token{{Text: "."}, {Text: "8.8.8.8", Pos: pos}},
	}}}}}}}
	model.Normalize(in)
	got, err := e.Eval(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Pos != pos || got[0].RuleID != "acme/no-google" || got[0].Severity != finding.Warning {
		t.Fatalf("got %+v", got)
	}
	// Parameters from the configuration replace the defaults.
	e, err = c.Compile(context.Background(), Options{Enabled: []string{"acme/no-google"}, Config: map[string]any{},
		Params: map[string]map[string]any{"acme/no-google": {"banned": "1.1.1.1"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := e.Eval(context.Background(), in); len(got) != 0 {
		t.Fatalf("params not applied: %+v", got)
	}
}

// A user policy may declare custom.each: it is then evaluated Corefile by Corefile.
func TestUserPolicyEach(t *testing.T) {
	c, err := LoadCatalog(writePolicy(t, strings.Replace(goodPolicy, "severity: warning", "severity: warning\n#   each: corefiles", 1)))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Compile(context.Background(), Options{Enabled: []string{"acme/no-google"}, Config: map[string]any{}, ChunkSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	in := &model.Input{}
	for i := range 3 {
		in.Corefiles = append(in.Corefiles, &model.Corefile{ServerBlocks: []*model.ServerBlock{{Directives: []*model.Directive{{
			Name: "forward", Args: []model.Token{{Text: "."}, {Text: "8.8.8.8", Pos: model.Pos{File: "Corefile", Line: i + 1}}},
		}}}}})
	}
	model.Normalize(in)
	got, err := e.Eval(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("want a finding in each of the 3 Corefiles, got %+v", got)
	}
}

func TestPolicyErrors(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"network": {strings.Replace(goodPolicy, `a.text == data.dnslint.params["acme/no-google"].banned`,
			`http.send({"method": "GET", "url": "http://example.com"}).status_code == 200`, 1),
			"policy.rego:16: http.send is not allowed"},
		"environment": {strings.Replace(goodPolicy, `a.text == data.dnslint.params["acme/no-google"].banned`,
			`opa.runtime().env.HOME == a.text`, 1), "opa.runtime is not allowed"},
		"no metadata":  {strings.SplitN(goodPolicy, "package", 2)[0][:0] + "package dnslint.rules.acme.x\nreport := set()\n", "has no package METADATA"},
		"bad severity": {strings.Replace(goodPolicy, "severity: warning", "severity: fatal", 1), `custom.severity must be error, warning or info, not "fatal"`},
		"bad each": {strings.Replace(goodPolicy, "severity: warning", "severity: warning\n#   each: pods", 1),
			"custom.each must name an input collection (corefiles, customs, autoscalers, workloads, resolv_confs, parse_errors, duplicate_keys), not pods"},
		"duplicate id": {strings.Replace(goodPolicy, `acme["no-google"]`, `cache["low-ttl"]`, 1), "rule cache/low-ttl is already defined"},
		"not a rule":   {"package acme.helpers\nx := 1\n", ""},
		"syntax":       {"package dnslint.rules.acme.x\nreport contains if {\n", "rego_parse_error"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := LoadCatalog(writePolicy(t, tc.src))
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestEvaluationIsBounded runs a policy that would take minutes: its evaluation stops at
// its time limit and the element is reported as not linted, without an error.
func TestEvaluationIsBounded(t *testing.T) {
	slow := strings.Replace(goodPolicy, `some a in x.directive.args
	a.text == data.dnslint.params["acme/no-google"].banned`, `some a in x.directive.args
	count([n | some n in numbers.range(1, 100000); some m in numbers.range(1, 100000); n*m == -7]) > 1`, 1)
	c, err := LoadCatalog(writePolicy(t, slow))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Compile(context.Background(), Options{Enabled: []string{"acme/no-google"}, Config: map[string]any{}, Limits: Limits{Timeout: 200 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	in := &model.Input{Corefiles: []*model.Corefile{{File: "Corefile", ServerBlocks: []*model.ServerBlock{{Directives: []*model.Directive{{
		Name: "forward", Args: []model.Token{{Text: "."}},
	}}}}}}}
	model.Normalize(in)
	found, err := e.Eval(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].RuleID != LimitExceeded || found[0].Severity != finding.Error || found[0].Pos.File != "Corefile" ||
		!strings.Contains(found[0].Message, "exceeded the time limit of one evaluation (200ms)") {
		t.Fatalf("got %+v, want one limit-exceeded error on Corefile", found)
	}
}

func TestMalformedReport(t *testing.T) {
	bad := strings.Replace(goodPolicy, `report contains report.finding(a.pos, "banned upstream") if {`, `report contains {"msg": "no location"} if {`, 1)
	c, err := LoadCatalog(writePolicy(t, bad))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Compile(context.Background(), Options{Enabled: []string{"acme/no-google"}, Config: map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	in := &model.Input{Corefiles: []*model.Corefile{{ServerBlocks: []*model.ServerBlock{{Directives: []*model.Directive{{
		Name: "forward", Args: []model.Token{{Text: "8.8.8.8"}},
	}}}}}}}
	model.Normalize(in)
	if _, err := e.Eval(context.Background(), in); err == nil || !strings.Contains(err.Error(), "rule acme/no-google reported") {
		t.Fatalf("got %v", err)
	}
}

// readsOf follows the rules a group depends on down to their input references.
func TestGroupReads(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rules []string
		each  string
		want  []string
	}{
		// high-ndots reads workloads; nothing else through lib.pod's functions it calls.
		{[]string{"pod/high-ndots"}, "workloads", []string{"workloads"}},
		// probe-without-plugin reads the Corefiles a CoreDNS Deployment mounts.
		{[]string{"coredns/probe-without-plugin"}, "workloads", []string{"corefiles", "workloads"}},
		// single-replica looks for autoscalers and the autoscaler Deployments among workloads.
		{[]string{"coredns/single-replica"}, "", []string{"autoscalers", "workloads"}},
	} {
		e, err := c.Compile(context.Background(), Options{Enabled: tc.rules, Config: map[string]any{"plugins": []string{}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(e.groups) != 1 || e.groups[0].each != tc.each || !slices.Equal(e.groups[0].reads, tc.want) {
			t.Errorf("%v: groups %+v, want one over %q reading %v", tc.rules, e.groups, tc.each, tc.want)
		}
	}
	// A policy that takes input as a whole reads every collection.
	src := strings.Replace(goodPolicy, `a.text == data.dnslint.params["acme/no-google"].banned`, `count(input) > 0`, 1)
	c, err = LoadCatalog(writePolicy(t, src))
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Compile(context.Background(), Options{Enabled: []string{"acme/no-google"}, Config: map[string]any{}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.groups[0].reads, collections()) {
		t.Errorf("reads %v, want every collection", e.groups[0].reads)
	}
}
