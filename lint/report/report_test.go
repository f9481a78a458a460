package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Files of the fixture: a name with a space, a colon and a comma tests every escaping.
const (
	corefile = "config/Corefile"
	podFile  = "pods/my pod:v1,a.yaml"
	// tricky holds every character some format must escape.
	tricky = `say "hi" <b> & 'bye', key: value; 100% done` + "\nsecond line"
)

var sources = map[string][]string{
	corefile: {
		".:53 {",
		"    forward . 10.0.0.10",
		"\tcache  30",
		"}",
	},
	podFile: {
		"spec:",
		"  dnsConfig:",
		"    options:",
		"\t\t- name: ndots",
		"      value: \"5\"",
	},
}

func source(file string, line int) string {
	if lines := sources[file]; line >= 1 && line <= len(lines) {
		return lines[line-1]
	}
	return ""
}

var rules = []finding.Rule{
	{
		ID: "corefile-forward-loop", Category: "corefile", Title: "Forward loop",
		Description: "The server forwards to itself, so every query loops until it times out.",
		Severity:    finding.Error, DocsURL: "https://dnslint.dev/rules/corefile-forward-loop", Builtin: true,
	},
	{
		ID: "corefile-missing-health", Category: "corefile", Title: "Missing health plugin",
		Description: "Without health, the kubelet cannot tell a wedged CoreDNS from a live one.",
		Severity:    finding.Info, DocsURL: "https://dnslint.dev/rules/corefile-missing-health", Builtin: true,
	},
	{
		ID: "pod-ndots", Category: "pod", Title: "High ndots",
		Description: "ndots above 1 multiplies the lookups of external names.",
		Severity:    finding.Warning, DocsURL: "https://dnslint.dev/rules/pod-ndots", Builtin: true,
	},
	{
		// No finding, no docs: still described in SARIF.
		ID: "policy.custom_rule", Category: "custom", Title: "A custom policy rule",
		Severity: finding.Warning,
	},
}

// fixture is a Report with findings in two files, a whole-file finding, multi-line and
// tab-indented ranges, related locations and messages full of special characters.
func fixture() *Report {
	fs := []finding.Finding{
		{
			RuleID: "corefile-forward-loop", Severity: finding.Error,
			Message: `forward to "10.0.0.10" loops back to this server`,
			Pos:     model.Pos{File: corefile, Line: 2, Col: 15, EndLine: 2, EndCol: 23},
			Related: []finding.Related{{
				Message: "the server block listening on :53",
				Pos:     model.Pos{File: corefile, Line: 1, Col: 1, EndLine: 1, EndCol: 4},
			}},
		},
		{
			RuleID: "corefile-missing-health", Severity: finding.Info,
			Message: tricky,
			Pos:     model.Pos{File: corefile},
		},
		{
			RuleID: "pod-ndots", Severity: finding.Warning,
			Message: "ndots: 5 makes every external lookup try 5 search domains first",
			Pos:     model.Pos{File: podFile, Line: 4, Col: 3, EndLine: 5, EndCol: 16},
			Related: []finding.Related{
				{Message: "the cluster's search list", Pos: model.Pos{File: "/etc/resolv.conf"}},
				{Message: tricky, Pos: model.Pos{File: corefile, Line: 3, Col: 2, EndLine: 3, EndCol: 6}},
			},
		},
		{
			RuleID: "pod-ndots", Severity: finding.Error,
			Message: "ndots set twice",
			Pos:     model.Pos{File: podFile, Line: 4, Col: 11, EndLine: 4, EndCol: 15},
		},
	}
	finding.Sort(fs)
	return &Report{
		Tool: "dnslint", Version: "v1.2.3", Findings: fs, Rules: rules, Files: 5, Source: source,
	}
}

// clean is a Report without findings.
func clean() *Report {
	return &Report{Tool: "dnslint", Version: "dev", Rules: rules, Files: 3, Source: source}
}

func render(t testing.TB, format string, r *Report) []byte {
	t.Helper()
	rep, err := Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

var allFormats = []string{"checkstyle", "github", "json", "junit", "markdown", "sarif", "text"}

func TestFormatsRegistered(t *testing.T) {
	if got := Formats(); !slices.Equal(got, allFormats) {
		t.Errorf("Formats() = %v, want %v", got, allFormats)
	}
	if _, err := Get("yaml"); err == nil {
		t.Error(`Get("yaml") succeeded`)
	}
}

// TestGolden compares every format, on a report with findings and on a clean one, with
// testdata/<report>.<format>.golden. Run `go test ./lint/report -update` to rewrite them.
func TestGolden(t *testing.T) {
	colored := fixture()
	colored.Color = true
	reports := map[string]*Report{"findings": fixture(), "clean": clean(), "color": colored}
	for name, r := range reports {
		for _, format := range allFormats {
			if name == "color" && format != "text" {
				continue
			}
			t.Run(name+"."+format, func(t *testing.T) {
				got := render(t, format, r)
				if again := render(t, format, r); !bytes.Equal(got, again) {
					t.Fatal("output differs between two runs")
				}
				golden(t, filepath.Join("testdata", name+"."+format+".golden"), got)
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./lint/report -update and review the diff)\ngot:\n%s", path, got)
	}
}
