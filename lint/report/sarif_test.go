package report

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

func decodeSARIF(t *testing.T, r *Report) sarifLog {
	t.Helper()
	out := render(t, "sarif", r)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatalf("invalid SARIF JSON: %v", err)
	}
	if log.Version != "2.1.0" || log.Schema != sarifSchema || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	return log
}

func TestSARIFStructure(t *testing.T) {
	r := fixture()
	run := decodeSARIF(t, r).Runs[0]
	d := run.Tool.Driver
	if d.Name != "dnslint" || d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" || len(d.Rules) != len(r.Rules) {
		t.Errorf("driver %s %s %s with %d rules", d.Name, d.Version, d.SemanticVersion, len(d.Rules))
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	seen := map[string]bool{}
	for i, res := range run.Results {
		f := r.Findings[i]
		if d.Rules[res.RuleIndex].ID != res.RuleID || res.RuleID != f.RuleID {
			t.Errorf("result %d: rule %q at index %d", i, res.RuleID, res.RuleIndex)
		}
		if res.Level != levelOf(f.Severity).sarif || res.Message.Text != f.Message {
			t.Errorf("result %d: level %q, message %q", i, res.Level, res.Message.Text)
		}
		if len(res.RelatedLocations) != len(f.Related) {
			t.Errorf("result %d: %d related locations", i, len(res.RelatedLocations))
		}
		fp := res.PartialFingerprints[sarifFingerprint]
		if fp == "" || seen[fp] {
			t.Errorf("result %d: fingerprint %q missing or not unique", i, fp)
		}
		seen[fp] = true
	}
	// The whole-file finding comes first, then the forward loop on line 2, cols 15-23.
	if loc := run.Results[0].Locations[0].PhysicalLocation; loc.Region != nil {
		t.Errorf("whole-file finding has a region: %+v", loc.Region)
	}
	loc := run.Results[1].Locations[0].PhysicalLocation
	if want := (sarifRegion{StartLine: 2, StartColumn: 15, EndLine: 2, EndColumn: 24}); *loc.Region != want {
		t.Errorf("region %+v, want %+v", *loc.Region, want)
	}
	if want := (sarifArtifactLocation{URI: "config/Corefile", URIBaseID: "%SRCROOT%"}); loc.ArtifactLocation != want {
		t.Errorf("artifact %+v, want %+v", loc.ArtifactLocation, want)
	}
	if got := run.Results[2].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "pods/my%20pod%3Av1,a.yaml" {
		t.Errorf("uri %q", got)
	}
	if got := run.Results[2].RelatedLocations[0].PhysicalLocation.ArtifactLocation; got.URI != "file:///etc/resolv.conf" || got.URIBaseID != "" {
		t.Errorf("absolute path: %+v", got)
	}
}

func TestSARIFRule(t *testing.T) {
	got := sarifRuleOf(rules[0])
	if got.Name != "CorefileForwardLoop" || got.ShortDescription.Text != rules[0].Title ||
		got.FullDescription.Text != rules[0].Description || got.HelpURI != rules[0].DocsURL ||
		got.DefaultConfiguration.Level != "error" || got.Properties.ProblemSeverity != "error" ||
		len(got.Properties.Tags) != 1 || got.Properties.Tags[0] != "corefile" ||
		!strings.Contains(got.Help.Text, rules[0].DocsURL) || !strings.Contains(got.Help.Markdown, "]("+rules[0].DocsURL+")") {
		t.Errorf("%+v", got)
	}
	// GitHub requires both descriptions and help even when the catalog has none.
	bare := sarifRuleOf(finding.Rule{ID: "x", Severity: finding.Info})
	if bare.ShortDescription.Text != "x" || bare.FullDescription.Text != "x" || bare.Help.Text != "x" ||
		bare.DefaultConfiguration.Level != "note" || bare.Properties.ProblemSeverity != "recommendation" {
		t.Errorf("%+v", bare)
	}
}

// A finding whose rule is missing from the catalog still gets a rule to point at.
func TestSARIFUnknownRule(t *testing.T) {
	r := fixture()
	r.Findings = append(r.Findings, finding.Finding{RuleID: "zz-unknown", Severity: finding.Warning, Message: "m",
		Pos: model.Pos{File: "f", Line: 1}})
	run := decodeSARIF(t, r).Runs[0]
	last := run.Results[len(run.Results)-1]
	if rules := run.Tool.Driver.Rules; len(rules) != len(r.Rules)+1 || rules[last.RuleIndex].ID != "zz-unknown" {
		t.Errorf("unknown rule: index %d of %d rules", last.RuleIndex, len(rules))
	}
}

func TestArtifactLocation(t *testing.T) {
	for file, want := range map[string]sarifArtifactLocation{
		"Corefile":          {URI: "Corefile", URIBaseID: sarifSrcRoot},
		"./k8s/../cm.yaml":  {URI: "cm.yaml", URIBaseID: sarifSrcRoot},
		"a b/100%.conf":     {URI: "a%20b/100%25.conf", URIBaseID: sarifSrcRoot},
		"c:d/e:f":           {URI: "c%3Ad/e%3Af", URIBaseID: sarifSrcRoot}, // not a scheme
		"déjà/#?[x]":        {URI: "d%C3%A9j%C3%A0/%23%3F%5Bx%5D", URIBaseID: sarifSrcRoot},
		"/etc/resolv.conf":  {URI: "file:///etc/resolv.conf"},
		"/srv/a b:c/x.yaml": {URI: "file:///srv/a%20b:c/x.yaml"},
	} {
		if got := artifactLocation(file); got != want {
			t.Errorf("artifactLocation(%q) = %+v, want %+v", file, got, want)
		}
	}
}

func TestRegion(t *testing.T) {
	for _, tc := range []struct {
		pos  model.Pos
		want *sarifRegion
	}{
		{model.Pos{File: "f"}, nil},
		{model.Pos{Line: 3}, &sarifRegion{StartLine: 3}},
		{model.Pos{Line: 3, Col: 2, EndLine: 3, EndCol: 2}, &sarifRegion{StartLine: 3, StartColumn: 2, EndLine: 3, EndColumn: 3}},
		{model.Pos{Line: 3, Col: 2, EndLine: 5, EndCol: 1}, &sarifRegion{StartLine: 3, StartColumn: 2, EndLine: 5, EndColumn: 2}},
		{model.Pos{Line: 3, Col: 5, EndLine: 3, EndCol: 2}, &sarifRegion{StartLine: 3, StartColumn: 5}}, // inverted end dropped
	} {
		got := region(tc.pos)
		if (got == nil) != (tc.want == nil) || got != nil && *got != *tc.want {
			t.Errorf("region(%+v) = %+v, want %+v", tc.pos, got, tc.want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for id, want := range map[string]string{
		"corefile-forward-loop": "CorefileForwardLoop",
		"policy.custom_rule":    "PolicyCustomRule",
		"ndots2":                "Ndots2",
		"DNS-001":               "DNS001",
	} {
		if got := camelCase(id); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3": "1.2.3", "1.2.3-rc.1+abc": "1.2.3-rc.1+abc", "dev": "", "v1.2": "", "": "",
		"v0.0.0-20260101120000-abcdef123456": "0.0.0-20260101120000-abcdef123456",
	} {
		if got := semanticVersion(v); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", v, got, want)
		}
	}
}

// The fingerprint follows the line's text, not its number, and tells apart equal lines.
func TestFingerprint(t *testing.T) {
	a, b := fingerprinter{}, fingerprinter{}
	first := a.next("r", "f", "  cache 30")
	if again := b.next("r", "f", "cache 30\t"); again != first {
		t.Errorf("indentation changed the fingerprint: %s, %s", first, again)
	}
	if second := a.next("r", "f", "cache 30"); second == first || !strings.HasSuffix(second, ":2") {
		t.Errorf("equal lines: %s, %s", first, second)
	}
	if other := b.next("q", "f", "cache 30"); strings.Split(other, ":")[0] == strings.Split(first, ":")[0] {
		t.Error("the rule does not change the fingerprint")
	}
}

// TestSARIFValidates runs Microsoft's SARIF Multitool, with GitHub's ingestion rules, on
// the SARIF output (scripts/sarif-validate.sh; needs node and npm, and the network once
// to install the multitool).
func TestSARIFValidates(t *testing.T) {
	if os.Getenv("DNSLINT_SARIF_VALIDATE") != "1" {
		t.Skip("set DNSLINT_SARIF_VALIDATE=1 to validate with the SARIF Multitool (scripts/sarif-validate.sh)")
	}
	dir := t.TempDir()
	var files []string
	for name, r := range map[string]*Report{"findings": fixture(), "clean": clean(), "input-errors": withInputErrors()} {
		file := filepath.Join(dir, name+".sarif")
		if err := os.WriteFile(file, render(t, "sarif", r), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	// And what the CLI really writes: the whole rule catalog, findings on the shipped
	// example repository (the golden file the end-to-end test keeps current).
	golden, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", "examples.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "examples.sarif")
	if err := os.WriteFile(file, golden, 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, file)
	cmd := exec.Command("bash", append([]string{filepath.Join("..", "..", "scripts", "sarif-validate.sh")}, files...)...)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("scripts/sarif-validate.sh: %v", err)
	}
}

func BenchmarkSARIF(b *testing.B) {
	r := &Report{Tool: "dnslint", Version: "v1.2.3", Files: 100, Source: source}
	for i := range 50 {
		r.Rules = append(r.Rules, finding.Rule{ID: fmt.Sprintf("rule-%02d", i), Category: "corefile",
			Title: "Title", Description: "Description.", Severity: finding.Severity(1 + i%3), DocsURL: "https://example.com"})
	}
	for i := range 5000 {
		r.Findings = append(r.Findings, finding.Finding{
			RuleID: r.Rules[i%50].ID, Severity: r.Rules[i%50].Severity, Message: "forward loop to 10.0.0.10",
			Pos:     model.Pos{File: fmt.Sprintf("dir/file-%02d.yaml", i%100), Line: 1 + i%5, Col: 3, EndLine: 1 + i%5, EndCol: 9},
			Related: []finding.Related{{Message: "defined here", Pos: model.Pos{File: "Corefile", Line: 2, Col: 1}}},
		})
	}
	finding.Sort(r.Findings)
	rep, _ := Get("sarif")
	b.ReportAllocs()
	for b.Loop() {
		if err := rep.Write(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
