package integration

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// action is the part of action.yml the runner reads for a composite action.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID               string            `yaml:"id"`
			If               string            `yaml:"if"`
			Uses             string            `yaml:"uses"`
			Run              string            `yaml:"run"`
			Shell            string            `yaml:"shell"`
			WorkingDirectory string            `yaml:"working-directory"`
			Env              map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// runResult is what one run of the action left behind.
type runResult struct {
	stdout  string
	summary string
	outputs map[string]string
	failed  bool
}

// runnerOS and runnerArch are RUNNER_OS and RUNNER_ARCH as the runner spells them.
var (
	runnerOS   = map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}
	runnerArch = map[string]string{"amd64": "X64", "arm64": "ARM64"}
)

var expr = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// runAction runs action.yml's steps as the Actions runner runs a composite action: each
// `run:` step with `bash --noprofile --norc -eo pipefail`, expressions substituted, the
// environment files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) set to temporary files, and the
// step's outputs read back for the action's outputs. `uses:` steps (actions/setup-go) are
// skipped: Go is already installed here.
func runAction(t *testing.T, workspace string, inputs map[string]string) runResult {
	t.Helper()
	return runActionOn(t, workspace, inputs, runner{toolCache: t.TempDir()})
}

// runner is what the Actions runner provides besides the inputs: the ref the action was
// used at (github.action_ref: "" for `uses: ./`) and its tool cache (RUNNER_TOOL_CACHE).
type runner struct {
	actionRef string
	toolCache string
	// prBase is github.event.pull_request.base.sha ("" on other events).
	prBase string
}

func runActionOn(t *testing.T, workspace string, inputs map[string]string, rn runner) runResult {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", a.Runs.Using)
	}
	tmp := t.TempDir()
	ctx := map[string]string{
		"github.action_path": root, "github.workspace": workspace, "runner.temp": tmp,
		"github.server_url": "https://github.com", "github.repository": "acme/dns", "github.sha": "0123abc",
		"github.action_ref":                  rn.actionRef,
		"github.event.pull_request.base.sha": rn.prBase, "github.event.before": "",
	}
	for name, in := range a.Inputs {
		ctx["inputs."+name] = in.Default
	}
	for k, v := range inputs {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("action.yml has no input %q", k)
		}
		ctx["inputs."+k] = v
	}
	summary := filepath.Join(tmp, "step_summary.md")
	res := runResult{outputs: map[string]string{}}
	stepOutputs := map[string]map[string]string{}
	for i, s := range a.Runs.Steps {
		if s.Uses != "" {
			continue
		}
		if s.Shell != "bash" {
			t.Fatalf("step %d: shell %q, want bash", i, s.Shell)
		}
		outFile := filepath.Join(tmp, "output_"+s.ID)
		script := filepath.Join(tmp, "step.sh")
		if err := os.WriteFile(script, []byte(subst(t, s.Run, ctx)), 0o700); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		if wd := subst(t, s.WorkingDirectory, ctx); wd != "" {
			if !filepath.IsAbs(wd) {
				wd = filepath.Join(workspace, wd)
			}
			cmd.Dir = wd
		}
		cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY="+summary,
			"RUNNER_TEMP="+tmp, "GITHUB_ACTION_PATH="+root, "GITHUB_WORKSPACE="+workspace, "NO_COLOR=1",
			"RUNNER_OS="+runnerOS[runtime.GOOS], "RUNNER_ARCH="+runnerArch[runtime.GOARCH], "RUNNER_TOOL_CACHE="+rn.toolCache)
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+subst(t, v, ctx))
		}
		out, err := cmd.Output()
		res.stdout += string(out)
		stepOutputs[s.ID] = readOutputs(t, outFile)
		// A step's outputs are visible to the steps after it.
		for name, val := range stepOutputs[s.ID] {
			ctx["steps."+s.ID+".outputs."+name] = val
		}
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				t.Logf("step %d exited %d: %s", i, ee.ExitCode(), ee.Stderr)
			}
			res.failed = true
			break
		}
	}
	for name, o := range a.Outputs {
		res.outputs[name] = subst(t, o.Value, ctx)
	}
	if b, err := os.ReadFile(summary); err == nil {
		res.summary = string(b)
	}
	return res
}

func subst(t *testing.T, s string, ctx map[string]string) string {
	return expr.ReplaceAllStringFunc(s, func(m string) string {
		key := expr.FindStringSubmatch(m)[1]
		v, ok := ctx[key]
		if !ok && !strings.HasPrefix(key, "steps.") {
			t.Fatalf("action.yml uses ${{ %s }}, which the test runner does not provide", key)
		}
		return v
	})
}

// readOutputs parses a GITHUB_OUTPUT file: name=value lines (heredoc values are not used).
func readOutputs(t *testing.T, file string) map[string]string {
	m := map[string]string{}
	f, err := os.Open(file)
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			m[k] = v
		}
	}
	return m
}

func workspace(t *testing.T) string {
	t.Helper()
	ws := t.TempDir()
	files := map[string]string{
		"dns/Corefile": ".:53 {\n    errors\n    forward . 10.0.0.1\n    force_tcp\n    cache 5\n    loop\n}\n",
		"dns/ok.yaml":  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\ndata:\n  a: b\n",
	}
	for name, body := range files {
		p := filepath.Join(ws, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

func TestActionFailsOnErrors(t *testing.T) {
	ws := workspace(t)
	res := runAction(t, ws, map[string]string{"paths": "dns", "sarif-file": "out/dnslint.sarif"})
	if !res.failed {
		t.Error("the step passed although there is an error finding and fail-on is error")
	}
	for _, want := range []string{
		"::error file=dns/Corefile,line=4,col=5,endLine=4,endColumn=13,title=forward/option-outside-block::",
		"::warning file=dns/Corefile,line=5,col=11,",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("annotations lack %q:\n%s", want, res.stdout)
		}
	}
	if res.outputs["errors"] != "1" || res.outputs["warnings"] != "1" {
		t.Errorf("outputs %v, want errors=1 warnings=1", res.outputs)
	}
	for _, want := range []string{"## dnslint", "| 1 | 1 | 0 |", "[`dns/Corefile:4:5`](https://github.com/acme/dns/blob/0123abc/dns/Corefile#L4)", "forward/option-outside-block"} {
		if !strings.Contains(res.summary, want) {
			t.Errorf("job summary lacks %q:\n%s", want, res.summary)
		}
	}
	sarif := res.outputs["sarif-file"]
	if sarif != filepath.Join(ws, "out", "dnslint.sarif") {
		t.Fatalf("sarif-file output %q", sarif)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []any `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(sarif)
	if err != nil || json.Unmarshal(b, &log) != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != 2 {
		t.Errorf("SARIF report: %v %+v", err, log)
	}
}

func TestActionFailOnNone(t *testing.T) {
	res := runAction(t, workspace(t), map[string]string{"paths": "dns", "fail-on": "none", "working-directory": "."})
	if res.failed {
		t.Error("fail-on none failed the step")
	}
	if res.outputs["errors"] != "1" || res.outputs["sarif-file"] != "" {
		t.Errorf("outputs %v", res.outputs)
	}
}

func TestActionWorkingDirectory(t *testing.T) {
	res := runAction(t, workspace(t), map[string]string{"working-directory": "dns", "paths": "Corefile", "fail-on": "warning"})
	if !res.failed {
		t.Error("fail-on warning passed")
	}
	if !strings.Contains(res.stdout, "::error file=Corefile,line=4") {
		t.Errorf("annotations:\n%s", res.stdout)
	}
	if !strings.Contains(res.summary, "(https://github.com/acme/dns/blob/0123abc/dns/Corefile#L4)") {
		t.Errorf("links do not include the working directory:\n%s", res.summary)
	}
}

// TestActionFixDiff: with fix-diff, the job summary shows the safe fixes as a diff, and
// the workspace is left as it is.
func TestActionFixDiff(t *testing.T) {
	ws := workspace(t)
	before, _ := os.ReadFile(filepath.Join(ws, "dns", "Corefile"))
	res := runAction(t, ws, map[string]string{"paths": "dns", "fix-diff": "true"})
	for _, want := range []string{"### Safe fixes", "````diff\n--- a/dns/Corefile", "+    forward . 10.0.0.1 {\n+        force_tcp\n+    }"} {
		if !strings.Contains(res.summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, res.summary)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(ws, "dns", "Corefile")); string(after) != string(before) {
		t.Errorf("fix-diff wrote the Corefile:\n%s", after)
	}
	if res := runAction(t, workspace(t), map[string]string{"paths": "dns"}); strings.Contains(res.summary, "Safe fixes") {
		t.Errorf("the diff is in the summary without fix-diff:\n%s", res.summary)
	}
}

// TestActionBaseline: the baseline input hides the findings recorded in it, so the step
// passes until a new error appears.
func TestActionBaseline(t *testing.T) {
	ws := workspace(t)
	bin := filepath.Join(t.TempDir(), "dnslint")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/dnslint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	write := exec.Command(bin, "lint", "--write-baseline", "dnslint-baseline.json", "dns")
	write.Dir = ws
	if out, err := write.CombinedOutput(); err != nil {
		t.Fatalf("--write-baseline: %v\n%s", err, out)
	}
	res := runAction(t, ws, map[string]string{"paths": "dns", "baseline": "dnslint-baseline.json"})
	if res.failed || res.outputs["errors"] != "0" || strings.Contains(res.stdout, "::error") {
		t.Errorf("with the baseline: want a passing step and no annotation, got failed=%v outputs %v\n%s", res.failed, res.outputs, res.stdout)
	}
}

// TestActionOnlyNew: only-new reports the findings on lines changed since the pull
// request's base commit.
func TestActionOnlyNew(t *testing.T) {
	ws := workspace(t)
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = ws
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base")
	base := git("rev-parse", "HEAD")
	corefile := filepath.Join(ws, "dns", "Corefile")
	old, err := os.ReadFile(corefile)
	if err != nil {
		t.Fatal(err)
	}
	added := string(old) + "example.com:53 {\n    forward . 10.0.0.2\n    max_concurrent 10\n}\n"
	if err := os.WriteFile(corefile, []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runActionOn(t, ws, map[string]string{"paths": "dns", "only-new": "true"}, runner{toolCache: t.TempDir(), prBase: base})
	if !res.failed || res.outputs["errors"] != "1" || !strings.Contains(res.stdout, "::error file=dns/Corefile,line=10,") || strings.Contains(res.stdout, "line=4,") {
		t.Errorf("want only the new error on line 10, got failed=%v outputs %v\n%s", res.failed, res.outputs, res.stdout)
	}
	res = runAction(t, ws, map[string]string{"paths": "dns", "only-new": "true"})
	if !res.failed || !strings.Contains(res.stdout, "::error title=dnslint::only-new needs a pull_request event") {
		t.Errorf("only-new without a base commit: want a failed step that says why, got failed=%v\n%s", res.failed, res.stdout)
	}
}
