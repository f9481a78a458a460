package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// TestLimitIsolatesTheElement gives one Corefile of a run an evaluation already past its
// deadline (injected, so the test does not depend on the machine's speed): that Corefile
// gets a limit-exceeded error, and every other file of the run — the Corefiles of the
// same chunk included — is linted as usual.
func TestLimitIsolatesTheElement(t *testing.T) {
	root := dir(t, map[string]string{
		"slow.corefile": okCorefile,
		"a.corefile":    okCorefile,
		"b.corefile":    okCorefile,
		"pod.yaml":      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  dnsConfig:\n    options:\n    - name: ndots\n      value: \"15\"\n  containers: [{name: c, image: x}]\n",
	})
	expired := func(p model.Pos) bool { return filepath.Base(p.File) == "slow.corefile" }
	r := limitsRun(t, linter(t, &lint.Options{EvalLimits: engine.Limits{Expired: expired}}), root)
	f := r.has(t, "slow.corefile:1:1 dnslint/limit-exceeded")
	if f.Severity != finding.Error || !strings.Contains(f.Message, "exceeded the time limit of one evaluation (30s)") {
		t.Errorf("slow.corefile: %s %s", f.Severity, f.Message)
	}
	for _, want := range []string{"a.corefile:3:11 cache/low-ttl", "b.corefile:3:11 cache/low-ttl", "ok.corefile:3:11 cache/low-ttl"} {
		r.has(t, want)
	}
	for _, got := range r.findings() {
		if strings.HasPrefix(got, "slow.corefile") && !strings.HasSuffix(got, "dnslint/limit-exceeded") {
			t.Errorf("slow.corefile was evaluated after all: %s", got)
		}
		if strings.HasPrefix(got, "pod.yaml") {
			return // and the pod rules saw their workload
		}
	}
	t.Errorf("no finding about pod.yaml among %v", r.findings())
}

// limitsRun lints root as the CLI does, without lintRun's guard against a hang: these
// tests exceed limits on purpose and must not depend on the machine's speed.
func limitsRun(t *testing.T, l *lint.Linter, root string) *run {
	t.Helper()
	files, problems := (&source.Walker{}).Collect([]string{root})
	res, err := l.Lint(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	return &run{files: files, problems: problems, res: res}
}

// hogPolicy holds on to memory for the workload named hog, and reports every other one.
const hogPolicy = `# METADATA
# title: Hog
# description: Holds on to memory for one workload.
# custom:
#   severity: info
#   each: workloads
package dnslint.rules.acme["hog"]

import data.dnslint.lib.report

report contains report.finding(w.object.pos, "seen") if {
	some w in input.workloads
	w.object.name != "hog"
}

report contains report.finding(w.object.pos, "hog evaluated") if {
	some w in input.workloads
	w.object.name == "hog"
	count([[x, y, "padding"] | some x in numbers.range(1, 1000); some y in numbers.range(1, 3000)]) > 0
}
`

// TestHeapWatchdog lints workloads with a user policy that holds on to hundreds of
// megabytes for one of them, with a heap share of 16 MiB per evaluation: that workload's
// evaluation is cancelled and reported, the others are evaluated.
func TestHeapWatchdog(t *testing.T) {
	policies := t.TempDir()
	if err := os.WriteFile(filepath.Join(policies, "hog.rego"), []byte(hogPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	pod := func(name string) string {
		return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\nspec:\n  containers: [{name: c, image: x}]\n"
	}
	root := dir(t, map[string]string{"hog.yaml": pod("hog"), "a.yaml": pod("a"), "b.yaml": pod("b")})
	// The watchdog sees the live heap at each collection; collect often, so that a
	// share this small is seen passed long before the policy's few hundred megabytes.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	l := linter(t, &lint.Options{
		Config: &config.Config{}, Policies: []string{policies}, Enable: []string{"acme/hog"},
		EvalLimits: engine.Limits{HeapShare: 16 << 20},
	})
	r := limitsRun(t, l, root)
	f := r.has(t, "hog.yaml:2:7 dnslint/limit-exceeded")
	if f.Severity != finding.Error || !strings.Contains(f.Message, "exceeded the heap share of one evaluation (16 MiB)") {
		t.Errorf("hog.yaml: %s %s", f.Severity, f.Message)
	}
	r.has(t, "a.yaml:2:7 acme/hog")
	r.has(t, "b.yaml:2:7 acme/hog")
	for _, f := range r.res.Findings {
		if f.Message == "hog evaluated" {
			t.Errorf("the hog's evaluation ran to its end: %v", f)
		}
	}
}

// TestLimitSeverity: the CLI may lower limit-exceeded in its configuration; a Linter with
// StrictLimits (the admission webhook) keeps it an error, even when disabled.
func TestLimitSeverity(t *testing.T) {
	root := dir(t, map[string]string{"flat.corefile": ".:53 {\n" + strings.Repeat("    log\n", 70_000) + "}\n"})
	lower := &config.Config{Rules: map[string]config.RuleConfig{lint.LimitExceeded: {Severity: "warning"}}}
	for _, tc := range []struct {
		opts lint.Options
		want finding.Severity
	}{
		{lint.Options{}, finding.Error},
		{lint.Options{Config: lower}, finding.Warning},
		{lint.Options{Config: lower, StrictLimits: true}, finding.Error},
		{lint.Options{Disable: []string{"dnslint/*"}, StrictLimits: true}, finding.Error},
	} {
		r := limitsRun(t, linter(t, &tc.opts), root)
		if f := r.has(t, "flat.corefile:1:1 dnslint/limit-exceeded"); f.Severity != tc.want {
			t.Errorf("%+v: %s, want %s", tc.opts, f.Severity, tc.want)
		}
	}
}

// TestRunBudgets lints many Corefiles that each import the same files, with small run
// budgets: the Corefiles that pass a budget get a limit-exceeded error at their import,
// the others are linted.
func TestRunBudgets(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"inc/a", "inc/b", "inc/c"} {
		files[name] = "log\n"
	}
	for _, c := range []string{"x1", "x2", "x3", "x4"} {
		files[c+".corefile"] = ".:53 {\n    import inc/*\n    cache 5\n    forward . 10.0.0.53\n    loop\n}\n"
	}
	for _, tc := range []struct {
		budget lint.Budget
		want   string
	}{
		{lint.Budget{ImportedFiles: 7}, "the run's budget of 7 imported files across all Corefiles is spent (this import matches 3)"},
		{lint.Budget{Tokens: 45}, "the run's budget of 45 tokens across all Corefiles and their imports is spent"},
		{lint.Budget{ImportedBytes: 13}, "the run's budget of 13 bytes of imported files is spent"},
	} {
		root := dir(t, files)
		r := limitsRun(t, linter(t, &lint.Options{Budget: tc.budget}), root)
		over, linted := 0, 0
		for _, f := range r.res.Findings {
			switch {
			case f.RuleID == lint.LimitExceeded && strings.Contains(f.Message, tc.want) && f.Severity == finding.Error:
				over++
			case f.RuleID == "cache/low-ttl" && strings.HasPrefix(filepath.Base(f.Pos.File), "x"):
				linted++
			}
		}
		if over == 0 || linted == 0 || over+linted != 4 {
			t.Errorf("%+v: %d Corefiles over the budget, %d linted, want some of each and 4 in all:\n  %s", tc.budget, over, linted, strings.Join(r.findings(), "\n  "))
		}
		othersLinted(t, r)
	}
}

// TestLimitInPlatformDefault lints a lone coredns-custom whose keys take the platform's
// default Corefile past the token limit at its `import custom/*.server`: the finding
// points into the default, which is no file of the run, and used to be dropped with the
// default's own findings. It lands on the ConfigMap.
func TestLimitInPlatformDefault(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  k%d.server: |\n    k%d.example:53 {\n        forward . 10.0.0.1 %s\n    }\n", i, i, strings.Repeat("x ", 20))
	}
	root := dir(t, map[string]string{"coredns-custom.yaml": b.String()})
	r := limitsRun(t, linter(t, nil), root)
	f := r.has(t, "coredns-custom.yaml:2:7 dnslint/limit-exceeded")
	if f.Severity != finding.Error || !strings.Contains(f.Message, "(in the <aks default Corefile> this coredns-custom is composed with)") {
		t.Errorf("%s %s", f.Severity, f.Message)
	}
	// Where in the default: a related location, not a line written in the message.
	if c := finding.EmbeddedCoordinate(f.Message); c != "" || len(f.Related) != 1 || f.Related[0].Pos.File != "<aks default Corefile>" || f.Related[0].Pos.Line < 1 {
		t.Errorf("the message writes %q, related %+v: want one related location in the default", c, f.Related)
	}
	othersLinted(t, r)
}

// TestPartnerSearchLimit: a repository search for a coredns-custom's Corefile that passes
// its file budget is an error on the coredns-custom, not a silent fallback.
func TestPartnerSearchLimit(t *testing.T) {
	other := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  a: b\n"
	root := dir(t, map[string]string{
		"a.yaml": other, "b.yaml": other, "c.yaml": other,
		"custom/coredns-custom.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n  log.override: |\n    log\n",
	})
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	l := linter(t, &lint.Options{Budget: lint.Budget{PartnerFiles: 2}})
	files, _ := (&source.Walker{}).Collect([]string{filepath.Join(root, "custom")})
	for _, f := range files {
		f.Root = root
	}
	res, err := l.Lint(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.RuleID == lint.LimitExceeded && f.Severity == finding.Error && strings.Contains(f.Message, "stopped after 2 files") {
			return
		}
	}
	t.Errorf("no limit-exceeded error: %+v", res.Findings)
}
