package main

// End-to-end tests of the command line through run(): golden output of the example
// repository in every format, exit codes, flags, configuration discovery, user policies
// and inline suppressions. The tests run from the repository root (TestMain), so that
// file names in the output read testdata/examples/... as in the README.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testVersion replaces the version a build would stamp, so that golden files do not
// depend on how the test binary was built.
const testVersion = "0.0.0-test"

func TestMain(m *testing.M) {
	flag.Parse()
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, "cli_test: cannot go to the repository root:", err)
		os.Exit(2)
	}
	version = testVersion
	// Colours only ever go to a terminal; make sure a developer's terminal does not count.
	os.Setenv("NO_COLOR", "1")
	os.Exit(m.Run())
}

// result is what one run of the command line did.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// dnslint runs the command line with args and stdin.
func dnslint(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// jsonReport is the part of the json format the tests read.
type jsonReport struct {
	Summary struct {
		Files, Errors, Warnings, Infos int
	} `json:"summary"`
	Findings []struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Location struct {
			File      string `json:"file"`
			Line, Col int
		} `json:"location"`
	} `json:"findings"`
}

// findings runs `lint --format json args...` and returns "file:line:col severity rule" per
// finding, with the exit code.
func findings(t *testing.T, stdin string, args ...string) ([]string, result) {
	t.Helper()
	r := dnslint(t, stdin, append([]string{"lint", "--format", "json"}, args...)...)
	return parseFindings(t, r), r
}

// parseFindings reads the findings of a json report as findings() returns them.
func parseFindings(t *testing.T, r result) []string {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("output is not the json report: %v\n%s", err, r)
	}
	var out []string
	for _, f := range rep.Findings {
		out = append(out, fmt.Sprintf("%s:%d:%d %s %s", f.Location.File, f.Location.Line, f.Location.Col, f.Severity, f.Rule))
	}
	return out
}

// just runs only the given rules (a glob list): tests of one feature need not compile
// the whole catalog, and rules added later do not change what they see.
func just(rules string) []string { return []string{"--disable", "*/*", "--enable", rules} }

// writeFiles creates files (path → content) below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const examples = "testdata/examples"

// exampleFindings are the problems testdata/examples is there to show (see its
// README.md), in report order. Rules added later may add info findings, not more.
var exampleFindings = []string{
	"testdata/examples/apps/checkout/deployment.yaml:36:20 warning pod/high-ndots",
	"testdata/examples/clusters/aks-prod/coredns-custom.yaml:19:5 error forward/option-outside-block",
	"testdata/examples/clusters/aks-prod/coredns-custom.yaml:21:3 error custom/missing-suffix",
	"testdata/examples/clusters/onprem/Corefile:15:5 error forward/option-outside-block",
	"testdata/examples/clusters/onprem/Corefile:16:11 warning cache/low-ttl",
	"testdata/examples/clusters/onprem/Corefile:30:14 info dnslint/unused-suppression",
	"testdata/examples/clusters/onprem/resolv.conf:5:9 warning resolv/high-ndots",
}

// ruleOf is the rule of a finding as findings() writes it.
func ruleOf(f string) string { return f[strings.LastIndex(f, " ")+1:] }

// only keeps the findings of the given rules.
func only(fs []string, rules ...string) []string {
	return slices.DeleteFunc(slices.Clone(fs), func(f string) bool { return !slices.Contains(rules, ruleOf(f)) })
}

// TestGoldenExamples lints the example repository in every output format and compares
// with testdata/golden/examples.<format> (rewritten with -update).
func TestGoldenExamples(t *testing.T) {
	if cfg, ok := config.Find("."); ok {
		t.Fatalf("%s is found from the repository root and would change the golden output: the examples are linted without configuration", cfg)
	}
	formats := report.Formats()
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			r := dnslint(t, "", "lint", "--format", format, examples)
			if r.code != exitFindings || r.stderr != "" {
				t.Errorf("want exit 1 and nothing on stderr, got %s", r)
			}
			golden := filepath.Join("testdata", "golden", "examples."+format)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run `go test ./cmd/dnslint -run TestGoldenExamples -update`)", err)
			}
			if d := firstDifference(string(want), r.stdout); d != "" {
				t.Errorf("lint --format %s %s differs from %s (review, then -update):\n%s", format, examples, golden, d)
			}
		})
	}
	// A golden file of a format that no longer exists is stale.
	goldens, _ := filepath.Glob(filepath.Join("testdata", "golden", "examples.*"))
	for _, g := range goldens {
		if !slices.Contains(formats, strings.TrimPrefix(filepath.Ext(g), ".")) {
			t.Errorf("%s: no format %q any more: remove it", g, strings.TrimPrefix(filepath.Ext(g), "."))
		}
	}
}

// firstDifference describes the first line where got differs from want, or "".
func firstDifference(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("  line %d\n  want: %q\n  got:  %q\n  (%d lines wanted, %d got)", i+1, wl, gl, len(w), len(g))
		}
	}
	return "  (differs)"
}

var (
	examplesOnce   sync.Once
	examplesResult result
)

// examplesJSON is `lint --format json testdata/examples`, run once for the tests that read it.
func examplesJSON(t *testing.T) ([]string, result) {
	t.Helper()
	examplesOnce.Do(func() { examplesResult = dnslint(t, "", "lint", "--format", "json", examples) })
	return parseFindings(t, examplesResult), examplesResult
}

// TestExampleFindings pins what the example repository is for, independently of any
// format: every intended problem is found, and nothing else at warning or error level.
func TestExampleFindings(t *testing.T) {
	t.Parallel()
	got, r := examplesJSON(t)
	for _, want := range exampleFindings {
		if !slices.Contains(got, want) {
			t.Errorf("%s: missing finding %s", examples, want)
		}
	}
	for _, f := range got {
		if !slices.Contains(exampleFindings, f) && !strings.Contains(f, " info ") {
			t.Errorf("%s: unintended finding %s (fix the example, or the rule if the example is right)", examples, f)
		}
	}
	var rep jsonReport
	_ = json.Unmarshal([]byte(r.stdout), &rep)
	// 9 files: the kustomization is read and skipped silently; .github/ is hidden, README.md is no input.
	if rep.Summary.Files != 9 {
		t.Errorf("files linted in %s: got %d, want 9", examples, rep.Summary.Files)
	}
}

// TestDeterministic runs the same lint twice, and with the paths in another order.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	paths := []string{"testdata/examples/clusters", "testdata/examples/apps"}
	first := dnslint(t, "", "lint", paths[0], paths[1])
	second := dnslint(t, "", "lint", paths[0], paths[1])
	reversed := dnslint(t, "", "lint", paths[1], paths[0])
	if first.stdout != second.stdout {
		t.Errorf("two runs differ:\n%s", firstDifference(first.stdout, second.stdout))
	}
	if first.stdout != reversed.stdout {
		t.Errorf("the order of the paths changes the output:\n%s", firstDifference(first.stdout, reversed.stdout))
	}
	_, r := examplesJSON(t)
	if again := dnslint(t, "", "lint", "--format", "json", examples); again.stdout != r.stdout {
		t.Errorf("json: two runs differ:\n%s", firstDifference(r.stdout, again.stdout))
	}
}

// TestExitCodes: 0 clean, 1 findings at or above --fail-on, 2 usage, config, policy or input errors.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"unknown-key.yaml":   "fail-on: error\nseverity: high\n",
		"unknown-rule.yaml":  "rules:\n  cache/no-such-rule:\n    severity: error\n",
		"unknown-param.yaml": "rules:\n  cache/low-ttl:\n    params:\n      min_tll: 60\n",
		"bad-severity.yaml":  "rules:\n  cache/low-ttl:\n    severity: fatal\n",
		"info-only.corefile": ".:53 {\n    forward . 10.0.0.53\n    cache 30 # dnslint:ignore cache/low-tll -- misspelt\n}\n",
		"custom-alone.yaml":  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n  log.override: |\n    log\n",
		"not-a-config.txt":   "hello\n",
	})
	clean := "testdata/examples/apps/web/deployment.yaml"
	warnings := "testdata/examples/apps/checkout/deployment.yaml"
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a part of stderr; "" means stderr is empty
	}{
		{"clean file", []string{"lint", clean}, exitClean, ""},
		{"findings", []string{"lint", examples}, exitFindings, ""},
		{"warnings only, fail-on error", []string{"lint", warnings}, exitClean, ""},
		{"warnings only, fail-on warning", []string{"lint", "--fail-on", "warning", warnings}, exitFindings, ""},
		{"errors, fail-on none", []string{"lint", "--fail-on", "none", examples}, exitClean, ""},
		{"info only, fail-on warning", append(append([]string{"lint"}, just("dnslint/*")...), "--fail-on", "warning", filepath.Join(dir, "info-only.corefile")), exitClean, ""},
		{"info only, fail-on info", append(append([]string{"lint"}, just("dnslint/*")...), "--fail-on", "info", filepath.Join(dir, "info-only.corefile")), exitFindings, ""},
		{"unknown fail-on", []string{"lint", "--fail-on", "fatal", clean}, exitUsage, "fatal"},
		{"unknown flag", []string{"lint", "--no-such-flag", clean}, exitUsage, "unknown flag: --no-such-flag"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "frobnicate"},
		{"unknown format", []string{"lint", "--format", "yaml", clean}, exitUsage, `unknown format "yaml"`},
		{"no path", []string{"lint"}, exitUsage, "needs a path"},
		{"missing path", append(append([]string{"lint"}, just("yaml/*")...), "testdata/examples/no-such-file.yaml"), exitUsage, "testdata/examples/no-such-file.yaml: no such file or directory"},
		{"file of unknown format", append(append([]string{"lint"}, just("yaml/*")...), filepath.Join(dir, "not-a-config.txt")), exitUsage, "cannot tell the format"},
		{"config: unknown key", []string{"lint", "--config", filepath.Join(dir, "unknown-key.yaml"), clean}, exitUsage, "unknown-key.yaml"},
		{"config: unknown rule", []string{"lint", "--config", filepath.Join(dir, "unknown-rule.yaml"), clean}, exitUsage, "cache/no-such-rule"},
		{"config: unknown parameter", []string{"lint", "--config", filepath.Join(dir, "unknown-param.yaml"), clean}, exitUsage, "min_tll"},
		{"config: bad severity", []string{"lint", "--config", filepath.Join(dir, "bad-severity.yaml"), clean}, exitUsage, "fatal"},
		{"config: missing file", []string{"lint", "--config", filepath.Join(dir, "none.yaml"), clean}, exitUsage, "none.yaml"},
		{"disable glob matching no rule", []string{"lint", "--disable", "nosuch/*", clean}, exitUsage, "nosuch/*"},
		{"enable: misspelt rule id", []string{"lint", "--enable", "pod/hihg-ndots", clean}, exitUsage, `--enable: "pod/hihg-ndots" matches no rule (did you mean "pod/high-ndots"?)`},
		{"bad coredns version", []string{"lint", "--coredns-version", "latest", clean}, exitUsage, "latest"},
		{"unknown platform", append(append([]string{"lint"}, just("custom/*")...), "--platform", "gke", filepath.Join(dir, "custom-alone.yaml")), exitUsage, "gke"},
		{"missing policy directory", []string{"lint", "--policy", filepath.Join(dir, "no-policies"), clean}, exitUsage, "no-policies"},
		{"rules: unknown format", []string{"rules", "--format", "yaml"}, exitUsage, `unknown format "yaml"`},
		{"rules show: unknown rule", []string{"rules", "show", "cache/no-such-rule"}, exitUsage, "cache/no-such-rule"},
		{"rules show: misspelt rule", []string{"rules", "show", "cache/low-tll"}, exitUsage, `unknown rule "cache/low-tll" (did you mean "cache/low-ttl"?)`},
		{"rules show: no rule", []string{"rules", "show"}, exitUsage, "arg"},
		{"version takes no argument", []string{"version", "extra"}, exitUsage, "extra"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := dnslint(t, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("dnslint %s: want exit %d, got %s", strings.Join(tc.args, " "), tc.code, r)
			}
			switch {
			case tc.stderr == "" && r.stderr != "":
				t.Errorf("dnslint %s: want nothing on stderr, got %q", strings.Join(tc.args, " "), r.stderr)
			case tc.stderr != "" && !strings.Contains(r.stderr, tc.stderr):
				t.Errorf("dnslint %s: stderr %q does not say %q", strings.Join(tc.args, " "), r.stderr, tc.stderr)
			}
			if tc.code == exitUsage && !strings.HasPrefix(r.stderr, "dnslint: ") {
				t.Errorf("dnslint %s: an error on stderr starts with `dnslint: `, got %q", strings.Join(tc.args, " "), r.stderr)
			}
		})
	}
}

// TestMissingPathStillReports: a path that cannot be read is an input error (exit 2), but
// the files that could be read are still reported.
func TestMissingPathStillReports(t *testing.T) {
	t.Parallel()
	got, r := findings(t, "", "testdata/examples/clusters/onprem/resolv.conf", "no-such-dir")
	if r.code != exitUsage || !strings.Contains(r.stderr, "no-such-dir") {
		t.Errorf("want exit 2 naming no-such-dir on stderr, got %s", r)
	}
	want := []string{"testdata/examples/clusters/onprem/resolv.conf:5:9 warning resolv/high-ndots"}
	if got := only(got, "resolv/high-ndots"); !slices.Equal(got, want) {
		t.Errorf("findings: got %q, want %q", got, want)
	}
}

// TestSelection: --disable, --enable and the config's disable, against a run with every
// rule on.
func TestSelection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noPods := filepath.Join(dir, "no-pods.yaml")
	writeFiles(t, dir, map[string]string{"no-pods.yaml": "disable: [\"pod/*\"]\n"})
	base, _ := examplesJSON(t)
	if len(only(base, "pod/high-ndots")) == 0 {
		t.Fatalf("the examples have no pod/high-ndots finding to select: %q", base)
	}
	// drop removes the findings of the rules that match a glob, except the rules in keep.
	drop := func(globs []string, keep ...string) []string {
		return slices.DeleteFunc(slices.Clone(base), func(f string) bool {
			rule := ruleOf(f)
			return !slices.Contains(keep, rule) && slices.ContainsFunc(globs, func(g string) bool {
				ok, _ := path.Match(g, rule)
				return ok
			})
		})
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"--disable glob", []string{"--disable", "pod/*"}, drop([]string{"pod/*"})},
		{"--disable ids, comma-separated", []string{"--disable", "pod/high-ndots,resolv/high-ndots"}, drop([]string{"pod/high-ndots", "resolv/high-ndots"})},
		{"--disable repeated", []string{"--disable", "cache/*", "--disable", "custom/*"}, drop([]string{"cache/*", "custom/*"})},
		{"config disables", []string{"--config", noPods}, drop([]string{"pod/*"})},
		{"--enable after the config's disable", []string{"--config", noPods, "--enable", "pod/high-ndots"}, drop([]string{"pod/*"}, "pod/high-ndots")},
		{"--enable wins over --disable", []string{"--disable", "pod/*", "--enable", "pod/high-ndots"}, drop([]string{"pod/*"}, "pod/high-ndots")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, r := findings(t, "", append(tc.args, examples)...)
			if r.code != exitFindings {
				t.Errorf("want exit 1, got %s", r)
			}
			// Suppressions of a disabled rule are TestSuppressionOfDisabledRule's business.
			unused := func(f string) bool { return ruleOf(f) == "dnslint/unused-suppression" }
			got = slices.DeleteFunc(got, unused)
			want := slices.DeleteFunc(slices.Clone(tc.want), unused)
			if !slices.Equal(got, want) {
				t.Errorf("findings:\n got: %q\nwant: %q", got, want)
			}
		})
	}
}

// TestSuppressionOfDisabledRule: a dnslint:ignore comment for a rule that does not run
// is not stale (staticcheck, the model for accountable suppressions, does not report
// directives of checks that did not run): disabling pod/* must not turn the CronJob's
// suppression into a dnslint/unused-suppression finding.
func TestSuppressionOfDisabledRule(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"off.yaml": "rules:\n  pod/high-ndots:\n    severity: off\n"})
	for _, args := range [][]string{
		{"--disable", "*/*", "--enable", "dnslint/*"},
		{"--config", filepath.Join(dir, "off.yaml"), "--disable", "*/*", "--enable", "pod/*,dnslint/*"},
	} {
		t.Run(args[0], func(t *testing.T) {
			got, _ := findings(t, "", append(args, "testdata/examples/apps/batch/cronjob.yaml")...)
			if got = only(got, "dnslint/unused-suppression"); len(got) > 0 {
				t.Errorf("with %s, the suppression of the disabled rule is reported as unused: %q", strings.Join(args, " "), got)
			}
		})
	}
}

// TestStdin: "-" reads standard input; --stdin-filename names it (format and findings).
func TestStdin(t *testing.T) {
	t.Parallel()
	deployment, err := os.ReadFile("testdata/examples/apps/checkout/deployment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	corefile := ".:53 {\n    errors\n    forward . 10.0.0.53\n    cache 5\n    loop\n}\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []string
		code  int
	}{
		{"named yaml", string(deployment), []string{"--stdin-filename", "overlays/prod/checkout.yaml", "-"},
			[]string{"overlays/prod/checkout.yaml:36:20 warning pod/high-ndots"}, exitClean},
		{"named Corefile", corefile, []string{"--stdin-filename", "Corefile", "-"},
			[]string{"Corefile:4:11 warning cache/low-ttl"}, exitClean},
		{"named by content", corefile, []string{"-"},
			[]string{"<stdin>:4:11 warning cache/low-ttl"}, exitClean},
		{"stdin with a file", corefile, []string{"--stdin-filename", "Corefile", "--fail-on", "warning", "-", "testdata/examples/apps/web/deployment.yaml"},
			[]string{"Corefile:4:11 warning cache/low-ttl"}, exitFindings},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, r := findings(t, tc.stdin, append(just("pod/high-ndots,cache/low-ttl"), tc.args...)...)
			if r.code != tc.code || r.stderr != "" {
				t.Errorf("want exit %d and nothing on stderr, got %s", tc.code, r)
			}
			if got := only(got, ruleOf(tc.want[0])); !slices.Equal(got, tc.want) {
				t.Errorf("findings:\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
	t.Run("format not told", func(t *testing.T) {
		r := dnslint(t, "hello world\n", append(append([]string{"lint"}, just("yaml/*")...), "-")...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "--stdin-filename") {
			t.Errorf("want exit 2 asking for --stdin-filename, got %s", r)
		}
	})
}

// TestOutputFile: --output writes the report to a file, the same report as on stdout.
func TestOutputFile(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "report.json")
	r := dnslint(t, "", "lint", "--format", "json", "--output", out, examples)
	if r.code != exitFindings || r.stdout != "" || r.stderr != "" {
		t.Errorf("want exit 1 and nothing on stdout or stderr, got %s", r)
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, direct := examplesJSON(t)
	if string(written) != direct.stdout {
		t.Errorf("--output wrote another report than stdout gets:\n%s", firstDifference(direct.stdout, string(written)))
	}
	t.Run("text has no colours", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "report.txt")
		dnslint(t, "", "lint", "--output", out, examples)
		b, _ := os.ReadFile(out)
		if bytes.Contains(b, []byte("\x1b[")) || !bytes.Contains(b, []byte(" problems (3 errors, ")) {
			t.Errorf("--output text report:\n%s", b)
		}
	})
	t.Run("unwritable", func(t *testing.T) {
		r := dnslint(t, "", append(append([]string{"lint"}, just("yaml/*")...), "--output", filepath.Join(t.TempDir(), "no-dir", "report.txt"), examples)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "report.txt") {
			t.Errorf("want exit 2 naming the file, got %s", r)
		}
	})
}

// TestRulesCommand: `rules` in its three formats, and `rules show`.
func TestRulesCommand(t *testing.T) {
	t.Parallel()
	cat, err := engine.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("text", func(t *testing.T) {
		r := dnslint(t, "", "rules")
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		if r.code != exitClean || len(lines) != len(cat.Rules)+1 || !strings.HasPrefix(lines[0], "RULE") {
			t.Fatalf("want a header and %d rules, got %s", len(cat.Rules), r)
		}
		for i, rule := range cat.Rules {
			if f := strings.Fields(lines[i+1]); f[0] != rule.ID || f[1] != rule.Severity.String() {
				t.Errorf("line %d: %q, want %s %s …", i+2, lines[i+1], rule.ID, rule.Severity)
			}
		}
	})
	t.Run("json", func(t *testing.T) {
		r := dnslint(t, "", "rules", "--format", "json")
		var doc struct {
			Version int `json:"version"`
			Rules   []struct {
				ID, Severity, Title, DocsURL string
			} `json:"rules"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != exitClean {
			t.Fatalf("not json (%v): %s", err, r)
		}
		if doc.Version != 2 || len(doc.Rules) != len(cat.Rules) {
			t.Fatalf("version %d, %d rules; want 2, %d", doc.Version, len(doc.Rules), len(cat.Rules))
		}
		for i, rule := range cat.Rules {
			if got := doc.Rules[i]; got.ID != rule.ID || got.Severity != rule.Severity.String() || got.Title != rule.Title {
				t.Errorf("rule %d: %+v, want %s", i, got, rule.ID)
			}
		}
	})
	t.Run("markdown", func(t *testing.T) {
		r := dnslint(t, "", "rules", "--format", "markdown")
		if r.code != exitClean {
			t.Fatal(r)
		}
		for _, rule := range cat.Rules {
			if !strings.Contains(r.stdout, rule.ID) {
				t.Errorf("markdown lacks %s", rule.ID)
			}
		}
	})
	t.Run("show", func(t *testing.T) {
		for _, rule := range []finding.Rule{cat.Rules[0], cat.Rules[len(cat.Rules)-1]} {
			r := dnslint(t, "", "rules", "show", rule.ID)
			if r.code != exitClean || !strings.Contains(r.stdout, rule.ID) || !strings.Contains(r.stdout, rule.Title) {
				t.Errorf("rules show %s: want its id and title, got %s", rule.ID, r)
			}
		}
		r := dnslint(t, "", "rules", "show", "cache/low-ttl")
		for _, s := range []string{"min_ttl", "30", "cache 0"} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("rules show cache/low-ttl does not say %q:\n%s", s, r.stdout)
			}
		}
	})
}

func TestVersion(t *testing.T) {
	t.Parallel()
	cat, err := engine.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	opa := regexp.MustCompile(`(?m)^\s*github\.com/open-policy-agent/opa (v\S+)`).FindSubmatch(gomod)
	if opa == nil {
		t.Fatal("go.mod requires no github.com/open-policy-agent/opa")
	}
	r := dnslint(t, "", "version")
	// The test binary carries no VCS stamp and no -X main.commit/date: both are unknown.
	want := fmt.Sprintf("dnslint %s\ncommit: unknown\nbuilt: unknown\ngo: %s %s/%s\nopa: %s\nrules: %d built in\ncoredns: rules know releases up to %s\nkubernetes: rules know releases up to 1.34.4 (search limits change at 1.0.0, 1.22.0, 1.26.0, 1.28.0)\n",
		testVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH, opa[1], len(cat.Rules), cat.LatestCoreDNS())
	if r.code != exitClean || r.stdout != want {
		t.Errorf("version: got %s\nwant stdout %q", r, want)
	}
}

// TestConfigDiscovery: .dnslint.yaml is found upward from the working directory, sets a
// rule's severity and parameters; an unknown key is an error that names the file.
func TestConfigDiscovery(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		".dnslint.yaml":         "# team defaults\nrules:\n  cache/low-ttl:\n    severity: error\n    params:\n      min_ttl: 60\n",
		"clusters/lab/Corefile": ".:53 {\n    errors\n    forward . 10.0.0.53\n    cache 45\n    loop\n}\n",
		"broken/.dnslint.yaml":  "rules:\n  cache/low-ttl:\n    severity: error\nfail_on: warning\n",
		"broken/Corefile":       ".:53 {\n    forward . 10.0.0.53\n}\n",
	})
	t.Run("found upward", func(t *testing.T) {
		t.Chdir(filepath.Join(root, "clusters", "lab"))
		got, r := findings(t, "", append(just("cache/*"), "Corefile")...)
		want := []string{"Corefile:4:11 error cache/low-ttl"}
		if r.code != exitFindings || !slices.Equal(only(got, "cache/low-ttl"), want) {
			t.Errorf("want %q (min_ttl 60, severity error) and exit 1, got %q, %s", want, got, r)
		}
		if !strings.Contains(r.stdout, "Use at least 60 s") {
			t.Errorf("the message does not use min_ttl 60:\n%s", r.stdout)
		}
	})
	t.Run("not found", func(t *testing.T) {
		t.Chdir(t.TempDir())
		got, r := findings(t, "", append(just("cache/*"), filepath.Join(root, "clusters", "lab", "Corefile"))...)
		if len(only(got, "cache/low-ttl")) != 0 {
			t.Errorf("without the config cache 45 is fine, got %q, %s", got, r)
		}
	})
	t.Run("--config wins", func(t *testing.T) {
		t.Chdir(filepath.Join(root, "clusters", "lab"))
		empty := filepath.Join(t.TempDir(), "empty.yaml")
		writeFiles(t, filepath.Dir(empty), map[string]string{"empty.yaml": "{}\n"})
		got, r := findings(t, "", append(just("cache/*"), "--config", empty, "Corefile")...)
		if len(only(got, "cache/low-ttl")) != 0 {
			t.Errorf("--config replaces the discovered file, got %q, %s", got, r)
		}
	})
	t.Run("unknown key", func(t *testing.T) {
		t.Chdir(filepath.Join(root, "broken"))
		r := dnslint(t, "", "lint", "Corefile")
		if r.code != exitUsage || !strings.Contains(r.stderr, filepath.Join("broken", ".dnslint.yaml")) || !strings.Contains(r.stderr, "fail_on") {
			t.Errorf("want exit 2 naming the file and the key, got %s", r)
		}
		if r.stdout != "" {
			t.Errorf("no report without a valid config, got %q", r.stdout)
		}
	})
}

// acmePolicy is the policy of the README's "Writing a policy".
const acmePolicy = `# METADATA
# title: Upstream outside the approved resolvers
# description: Our clusters forward only to the corporate resolvers.
# custom:
#   severity: error
#   each: corefiles
#   params:
#     allowed: ["10.0.0.53", "10.0.1.53"]
package dnslint.rules.acme["approved-upstream"]

import data.dnslint.lib.corefile
import data.dnslint.lib.report

report contains report.finding(to.pos, sprintf("forward to %s: use one of %v", [to.text, allowed])) if {
	allowed := data.dnslint.params["acme/approved-upstream"].allowed
	some x in corefile.directives("forward")
	some to in array.slice(x.directive.args, 1, count(x.directive.args))
	not to.text in allowed
}
`

// phoneHome asks the network for its verdict, which policies may not.
const phoneHome = `# METADATA
# title: Ask the CMDB
# description: Checks every upstream against the CMDB.
# custom:
#   severity: error
package dnslint.rules.acme["cmdb-upstream"]

import data.dnslint.lib.corefile

report contains {"message": "not in the CMDB", "location": x.directive.pos} if {
	some x in corefile.directives("forward")
	resp := http.send({"method": "GET", "url": sprintf("https://cmdb.example.com/dns/%s", [x.directive.args[1].text])})
	resp.status_code != 200
}
`

// TestPolicies: a --policy directory adds its rules; a policy that would reach the
// network is refused with a message that says so.
func TestPolicies(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"acme/approved-upstream.rego": acmePolicy,
		"net/cmdb.rego":               phoneHome,
		"Corefile":                    ".:53 {\n    errors\n    forward . 10.0.0.53 8.8.8.8\n    cache 30\n    loop\n}\n",
	})
	acme, corefile := filepath.Join(dir, "acme"), filepath.Join(dir, "Corefile")
	t.Run("custom rule fires", func(t *testing.T) {
		r := dnslint(t, "", append(append([]string{"lint"}, just("acme/*,cache/*")...), "--policy", acme, corefile)...)
		want := corefile + ":3:25: error acme/approved-upstream: forward to 8.8.8.8: use one of [\"10.0.0.53\", \"10.0.1.53\"]"
		if r.code != exitFindings || !strings.Contains(r.stdout, want) {
			t.Errorf("want exit 1 and %q, got %s", want, r)
		}
	})
	t.Run("custom rule params from the config", func(t *testing.T) {
		cfg := filepath.Join(dir, "allow-google.yaml")
		writeFiles(t, dir, map[string]string{"allow-google.yaml": "rules:\n  acme/approved-upstream:\n    params:\n      allowed: [\"10.0.0.53\", \"8.8.8.8\"]\n"})
		got, r := findings(t, "", append(just("acme/*"), "--policy", acme, "--config", cfg, corefile)...)
		if len(only(got, "acme/approved-upstream")) != 0 || r.stderr != "" {
			t.Errorf("want no acme/approved-upstream finding with 8.8.8.8 allowed, got %q, %s", got, r)
		}
	})
	t.Run("listed by rules", func(t *testing.T) {
		r := dnslint(t, "", "rules", "--policy", acme)
		if r.code != exitClean || !strings.Contains(r.stdout, "acme/approved-upstream") {
			t.Errorf("rules --policy does not list the rule: %s", r)
		}
	})
	t.Run("http.send refused", func(t *testing.T) {
		for _, args := range [][]string{
			{"lint", "--policy", filepath.Join(dir, "net"), corefile},
			{"rules", "--policy", filepath.Join(dir, "net")},
		} {
			r := dnslint(t, "", args...)
			if r.code != exitUsage || r.stdout != "" {
				t.Errorf("dnslint %s: want exit 2 and no report, got %s", strings.Join(args, " "), r)
			}
			for _, s := range []string{"cmdb.rego", "http.send", "not allowed"} {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("dnslint %s: stderr does not say %q: %q", strings.Join(args, " "), s, r.stderr)
				}
			}
		}
	})
}

// TestSuppressions: a dnslint:ignore comment silences a finding on its line, or on the
// line below when it stands alone; --ignore-suppressions shows them again.
func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": `.:53 {
    forward . 10.0.0.53
    cache 5 # dnslint:ignore cache/low-ttl -- on the line
}
a.example.org:53 {
    forward . 10.0.0.53
    # dnslint:ignore cache/low-ttl -- on the line above
    cache 5
}
b.example.org:53 {
    # dnslint:ignore cache/low-ttl -- two lines above: silences nothing
    forward . 10.0.0.53
    cache 5
}
c.example.org:53 {
    forward . 10.0.0.53 # dnslint:ignore cache/low-ttl -- on the line above, but not alone
    cache 5
}
d.example.org:53 {
    forward . 10.0.0.53
    cache 5 # dnslint:ignore cache/*,pod/* -- a glob
}
`})
	t.Chdir(dir)
	got, _ := findings(t, "", append(just("cache/low-ttl,dnslint/unused-suppression"), "Corefile")...)
	got = only(got, "cache/low-ttl", "dnslint/unused-suppression")
	want := []string{
		"Corefile:11:5 info dnslint/unused-suppression",
		"Corefile:13:11 warning cache/low-ttl",
		"Corefile:16:25 info dnslint/unused-suppression",
		"Corefile:17:11 warning cache/low-ttl",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n got: %q\nwant: %q", got, want)
	}
	got, _ = findings(t, "", append(just("cache/low-ttl,dnslint/unused-suppression"), "--ignore-suppressions", "Corefile")...)
	got = only(got, "cache/low-ttl", "dnslint/unused-suppression")
	want = []string{
		"Corefile:3:11 warning cache/low-ttl",
		"Corefile:8:11 warning cache/low-ttl",
		"Corefile:13:11 warning cache/low-ttl",
		"Corefile:17:11 warning cache/low-ttl",
		"Corefile:21:11 warning cache/low-ttl",
	}
	if !slices.Equal(got, want) {
		t.Errorf("--ignore-suppressions findings:\n got: %q\nwant: %q", got, want)
	}
}

// TestNoAbsolutePaths: a report names files as they were given (relative to the working
// directory), so that it is the same on every checkout, CI runner and laptop; the
// messages may not leak the absolute path of the checkout either.
func TestNoAbsolutePaths(t *testing.T) {
	t.Parallel()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "sarif"} {
		r := dnslint(t, "", append(append([]string{"lint", "--format", format}, just("corefile/syntax")...), "testdata/rules/corefile/syntax/bad.corefile")...)
		if r.code != exitFindings {
			t.Fatalf("want exit 1, got %s", r)
		}
		if strings.Contains(r.stdout, wd) {
			line := r.stdout[strings.LastIndex(r.stdout[:strings.Index(r.stdout, wd)], "\n")+1:]
			line, _, _ = strings.Cut(line, "\n")
			t.Errorf("the %s report holds the absolute path of the checkout:\n%s", format, strings.TrimSpace(line))
		}
	}
}
