package render_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/render"
	"github.com/dnslint/dnslint/lint/source"
)

// lintRendered collects paths (relative to dir, the working directory of the run) with
// rendering, lints them, and returns "file:line:col rule" per finding, the findings,
// and the problems.
func lintRendered(t *testing.T, dir string, opts render.Options, paths ...string) ([]string, []finding.Finding, []source.Problem) {
	t.Helper()
	t.Chdir(dir)
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, problems := render.Collect(context.Background(), &source.Walker{}, paths, opts)
	res, err := l.Lint(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", f.Pos.File, f.Pos.Line, f.Pos.Col, f.RuleID))
	}
	return got, res.Findings, problems
}

func repo(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", "render-repo"))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestRepository lints the test repository: a Helm chart whose dnsConfig comes from
// values, a kustomize base and an overlay that patches coredns-custom, and plain files.
func TestRepository(t *testing.T) {
	got, findings, problems := lintRendered(t, repo(t), render.Options{}, ".")
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := []string{
		// toYaml .Values.dnsConfig: the key path is not in the template text.
		"charts/app/templates/deployment.yaml:1:1 pod/high-ndots",
		"charts/app/templates/pod.yaml:11:5 pod/none-without-nameservers",
		// value: {{ .Values.ndots | quote }}: the template line, the values line related.
		"charts/app/templates/pod.yaml:13:16 pod/high-ndots",
		"kustomize/base/coredns.yaml:9:9 health/missing-lameduck",
		"kustomize/base/coredns.yaml:11:18 kubernetes/pods-insecure",
		// The overlay's patch of coredns-custom, composed with the base's coredns.
		"kustomize/overlays/prod/coredns-custom-patch.yaml:8:5 forward/option-outside-block",
		"plain/resolv.conf:2:9 resolv/high-ndots",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	related := map[string]string{}
	for _, f := range findings {
		if strings.Contains(f.Message, "#") {
			t.Errorf("a message names a rendered text: %s", f.Message)
		}
		for _, r := range f.Related {
			related[fmt.Sprintf("%s:%d", f.Pos.File, f.Pos.Line)] = fmt.Sprintf("%s:%d:%d", r.Pos.File, r.Pos.Line, r.Pos.Col)
		}
		if f.Pos.File == "charts/app/templates/deployment.yaml" && !strings.Contains(f.Message, "as `value: \"10\"`") {
			t.Errorf("a finding on the template's first line does not quote the rendered line: %s", f.Message)
		}
	}
	for at, want := range map[string]string{
		"charts/app/templates/deployment.yaml:1": "charts/app/values.yaml:6:7",
		"charts/app/templates/pod.yaml:13":       "charts/app/values.yaml:2:1",
	} {
		if related[at] != want {
			t.Errorf("related location of %s: %q, want %q", at, related[at], want)
		}
	}
}

// TestTemplateAlone: a template given alone (as pre-commit passes a staged file) renders
// its chart and reports that template's findings only.
func TestTemplateAlone(t *testing.T) {
	got, _, _ := lintRendered(t, repo(t), render.Options{}, "charts/app/templates/pod.yaml")
	want := []string{"charts/app/templates/pod.yaml:11:5 pod/none-without-nameservers", "charts/app/templates/pod.yaml:13:16 pod/high-ndots"}
	if !slices.Equal(got, want) {
		t.Errorf("findings: %v, want %v", got, want)
	}
}

// TestValuesFile: a values file named for the run overrides values.yaml, and the
// related location names it.
func TestValuesFile(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join(repo(t), "charts"), filepath.Join(dir, "charts"))
	write(t, dir, ".git/HEAD", "") // a work tree: its top is the run's root
	write(t, dir, "prod-values.yaml", "ndots: \"9\"\n")
	_, findings, problems := lintRendered(t, dir, render.Options{Values: []string{"prod-values.yaml"}}, "charts")
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	var found bool
	for _, f := range findings {
		if f.Pos.File == "charts/app/templates/pod.yaml" && f.RuleID == "pod/high-ndots" {
			found = strings.Contains(f.Message, "ndots:9") && len(f.Related) == 1 && f.Related[0].Pos.File == "prod-values.yaml" && f.Related[0].Pos.Line == 1
		}
	}
	if !found {
		t.Errorf("no pod/high-ndots with ndots:9 related to prod-values.yaml:1 in %+v", findings)
	}
}

// TestNotRendered: a template Helm cannot parse is one finding on the chart with Helm's
// message; a dependency not vendored is an info finding and the chart is linted
// without it; a remote base is an info finding and the rest is built.
func TestNotRendered(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "bad/Chart.yaml", "apiVersion: v2\nname: bad\nversion: 1.0.0\n")
	write(t, dir, "bad/templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ .Values.name\n")
	write(t, dir, "dep/Chart.yaml", "apiVersion: v2\nname: dep\nversion: 1.0.0\ndependencies:\n  - name: redis\n    version: 19.x\n    repository: https://charts.example.com\n")
	write(t, dir, "dep/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  dnsPolicy: None\n  containers: [{name: a, image: a}]\n")
	write(t, dir, "k/kustomization.yaml", "resources:\n  - https://github.com/example/repo//base?ref=v1\n  - pod.yaml\n")
	write(t, dir, "k/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  dnsPolicy: None\n  containers: [{name: a, image: a}]\n")
	got, findings, problems := lintRendered(t, dir, render.Options{}, ".")
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := []string{
		"bad/Chart.yaml:1:1 dnslint/not-rendered",
		"dep/Chart.yaml:5:1 dnslint/not-rendered",
		"dep/templates/pod.yaml:6:14 pod/none-without-nameservers",
		"k/kustomization.yaml:2:1 dnslint/not-rendered",
		"k/pod.yaml:6:14 pod/none-without-nameservers",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range findings {
		if f.Pos.File == "bad/Chart.yaml" && (!strings.Contains(f.Message, "parse error") || f.Severity != finding.Error) {
			t.Errorf("render error: %s %s", f.Severity, f.Message)
		}
		if f.RuleID == "dnslint/not-rendered" && f.Pos.File != "bad/Chart.yaml" && f.Severity != finding.Info {
			t.Errorf("a part left out is info: %s %s", f.Severity, f.Message)
		}
	}
}

// TestRenderLimits: past the output budget, or past the deadline (a context already
// ended), a chart is an error finding, never a pass.
func TestRenderLimits(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "big/Chart.yaml", "apiVersion: v2\nname: big\nversion: 1.0.0\n")
	write(t, dir, "big/templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: x\ndata:\n{{- range 2000 }}\n  k{{ . }}: \"0123456789012345678901234567890123456789\"\n{{- end }}\n")
	t.Chdir(dir)
	files, _ := render.Collect(context.Background(), &source.Walker{}, []string{"big"}, render.Options{Limits: render.Limits{Output: 10000}})
	if len(files) != 1 || len(files[0].Notes) != 1 || files[0].Notes[0].Format != "limit" || !strings.Contains(files[0].Notes[0].Message, "10000 bytes") {
		t.Fatalf("output past the budget: %+v", notes(files))
	}
	files, _ = render.Collect(context.Background(), &source.Walker{}, []string{"big"}, render.Options{})
	if len(files) != 1 || files[0].Notes != nil {
		t.Fatalf("within the budget, the chart renders: %+v", notes(files))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files, _ = render.Collect(ctx, &source.Walker{}, []string{"big"}, render.Options{})
	if len(files) != 1 || len(files[0].Notes) != 1 {
		t.Fatalf("an ended context: %+v", notes(files))
	}
}

func notes(files []*source.File) []string {
	var out []string
	for _, f := range files {
		for _, n := range f.Notes {
			out = append(out, f.Path+": "+n.Format+": "+n.Message)
		}
		if f.Notes == nil {
			out = append(out, f.Path)
		}
	}
	return out
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// TestKustomizeGenerator: a coredns-custom made by configMapGenerator from a file is
// composed with the coredns ConfigMap of the build, and its finding points at the
// generator's file.
func TestKustomizeGenerator(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".git/HEAD", "")
	b, err := os.ReadFile(filepath.Join(repo(t), "kustomize", "base", "coredns.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "k/coredns.yaml", string(b))
	write(t, dir, "k/kustomization.yaml", "namespace: kube-system\nresources:\n  - coredns.yaml\nconfigMapGenerator:\n  - name: coredns-custom\n    options:\n      disableNameSuffixHash: true\n    files:\n      - upstream.override\n")
	write(t, dir, "k/upstream.override", "log\n  force_tcp\n")
	got, _, problems := lintRendered(t, dir, render.Options{}, "k")
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if !slices.Contains(got, "k/upstream.override:2:3 forward/option-outside-block") {
		t.Errorf("findings %v lack k/upstream.override:2:3 forward/option-outside-block", got)
	}
}

// TestPatchAlone: an overlay's patch given alone builds its kustomization (composed with
// the base's coredns) and reports the patch's findings only.
func TestPatchAlone(t *testing.T) {
	got, _, _ := lintRendered(t, repo(t), render.Options{}, "kustomize/overlays/prod/coredns-custom-patch.yaml")
	want := []string{"kustomize/overlays/prod/coredns-custom-patch.yaml:8:5 forward/option-outside-block"}
	if !slices.Equal(got, want) {
		t.Errorf("findings: %v, want %v", got, want)
	}
}

// TestTemplateAloneOutsideWorkTree: a template named alone outside a git work tree
// (its root is its own directory) still renders its chart; it is never parsed as YAML.
func TestTemplateAloneOutsideWorkTree(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join(repo(t), "charts", "app"), dir)
	got, _, problems := lintRendered(t, filepath.Join(dir, "templates"), render.Options{}, "pod.yaml")
	want := []string{"pod.yaml:11:5 pod/none-without-nameservers", "pod.yaml:13:16 pod/high-ndots"}
	if !slices.Equal(got, want) || len(problems) > 0 {
		t.Errorf("findings: %v, problems %v, want %v", got, problems, want)
	}
}

// TestStdinReadAsItIs: standard input named into a chart (helm template … | dnslint lint -
// --stdin-filename) is linted as it is, not replaced by a rendering from the disk.
func TestStdinReadAsItIs(t *testing.T) {
	t.Chdir(repo(t))
	w := &source.Walker{Stdin: strings.NewReader("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"), StdinName: "charts/app/templates/pod.yaml"}
	files, _ := render.Collect(context.Background(), w, []string{"-"}, render.Options{})
	if len(files) != 1 || files[0].Origin != nil || !strings.Contains(string(files[0].Data), "name: x") {
		t.Errorf("standard input: %v", notes(files))
	}
}

// TestKubeVersion: a chart is rendered for the cluster's Kubernetes release, as `helm
// template --kube-version` does: .Capabilities.KubeVersion is that release, and a chart
// whose kubeVersion excludes it is not rendered, in Helm's words.
func TestKubeVersion(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\nkubeVersion: \">=1.30.0-0\"\n")
	write(t, dir, "app/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  minor: \"{{ .Capabilities.KubeVersion.Minor }}\"\n")
	t.Chdir(dir)
	files, _ := render.Collect(context.Background(), &source.Walker{}, []string{"app"}, render.Options{KubeVersion: "1.32.0"})
	if len(files) != 1 || files[0].Notes != nil || !strings.Contains(string(files[0].Data), `minor: "32"`) {
		t.Fatalf("rendered for 1.32.0: %+v\n%s", notes(files), files[0].Data)
	}
	files, _ = render.Collect(context.Background(), &source.Walker{}, []string{"app"}, render.Options{KubeVersion: "1.28.4"})
	want := "chart requires kubeVersion: >=1.30.0-0 which is incompatible with Kubernetes v1.28.4"
	if len(files) != 1 || len(files[0].Notes) != 1 || !strings.Contains(files[0].Notes[0].Message, want) {
		t.Fatalf("rendered for 1.28.4: %+v; want a note with %q", notes(files), want)
	}
}

// TestHelmIgnore: what a chart's .helmignore ignores is not part of the chart, as with
// Helm's loader: an ignored broken template does not stop the rendering, and an ignored
// directory is not read.
func TestHelmIgnore(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n")
	write(t, dir, "app/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  dnsPolicy: None\n  containers: [{name: a, image: a}]\n")
	write(t, dir, "app/templates/wip.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ .Values.name\n")
	write(t, dir, "app/ci/values.yaml", "name: [unclosed\n")
	got, _, problems := lintRendered(t, dir, render.Options{}, ".")
	if len(problems) > 0 || !slices.Contains(got, "app/Chart.yaml:1:1 dnslint/not-rendered") {
		t.Fatalf("without .helmignore the broken template stops the chart: %q %v", got, problems)
	}
	write(t, dir, "app/.helmignore", "# work in progress\ntemplates/wip.yaml\nci/\n")
	got, _, problems = lintRendered(t, dir, render.Options{}, ".")
	want := []string{"app/templates/pod.yaml:6:14 pod/none-without-nameservers"}
	if len(problems) > 0 || !slices.Equal(got, want) {
		t.Errorf("with .helmignore: %q, problems %v; want %q", got, problems, want)
	}
	// A .helmignore that leads out of the roots is not read: an input problem, and the
	// chart is read without it.
	if err := os.Remove(filepath.Join(dir, "app/.helmignore")); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "ignore")
	write(t, filepath.Dir(outside), "ignore", "templates/wip.yaml\n")
	if err := os.Symlink(outside, filepath.Join(dir, "app/.helmignore")); err != nil {
		t.Fatal(err)
	}
	_, _, problems = lintRendered(t, dir, render.Options{}, ".")
	if len(problems) != 1 || !strings.Contains(problems[0].Err.Error(), "outside") {
		t.Errorf("a .helmignore link out of the roots: problems %v", problems)
	}
}
