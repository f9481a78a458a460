//go:build attack

package attack

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The attacks of issue 13 items 1 and 2: a pull request controls the Helm charts and
// kustomizations dnslint renders, so their templates and kustomization files may loop,
// name files outside the repository, or hide a named pipe.

const renderChartYAML = "apiVersion: v2\nname: app\nversion: 1.0.0\n"

// renderRepo makes a git work tree (its top is the run's root) with files, and a secret
// beside it, outside the root.
func renderRepo(t *testing.T, files map[string]string) (outside, repo string) {
	t.Helper()
	outside = t.TempDir()
	repo = filepath.Join(outside, "repo")
	writeFiles(t, outside, map[string]string{"secret.yaml": "secret: " + secret + "\n"})
	files[".git/HEAD"] = "ref: refs/heads/main\n"
	writeFiles(t, repo, files)
	return outside, repo
}

// TestRenderTemplateThatExplodes: a template that doubles a string forty times (a
// terabyte) is stopped by the renderer's memory limit and reported as an error on the
// chart; the run does not pass and the rest is linted.
func TestRenderTemplateThatExplodes(t *testing.T) {
	_, repo := renderRepo(t, map[string]string{
		"chart/Chart.yaml":       renderChartYAML,
		"chart/templates/x.yaml": `{{ $s := "0123456789abcdef" }}{{ range 40 }}{{ $s = print $s $s }}{{ end }}data: {{ $s }}` + "\n",
		"plain/resolv.conf":      "nameserver 10.0.0.10\noptions ndots:12\n",
	})
	r := run(t, repo, nil, "lint", ".")
	out := string(r.output())
	if r.exit != 1 || !strings.Contains(out, "chart/Chart.yaml:1:1: error dnslint/limit-exceeded") || !strings.Contains(out, "memory") {
		t.Fatalf("exit %d, want 1 with a limit-exceeded error on the chart:\n%s", r.exit, out)
	}
	if !strings.Contains(out, "plain/resolv.conf:2:9") {
		t.Errorf("the rest of the run was not linted:\n%s", out)
	}
}

// TestRenderReadsNothingOutside: a chart template that is a link to a file outside the
// repository, a named pipe among the templates, .Files.Get of a hidden file and a
// kustomization whose resource climbs out of the repository: nothing outside is read,
// the pipe does not hang the run, and no secret byte is printed.
func TestRenderReadsNothingOutside(t *testing.T) {
	outside, repo := renderRepo(t, map[string]string{
		"chart/Chart.yaml":        renderChartYAML,
		"chart/.env":              "TOKEN=" + secret + "\n",
		"chart/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  env: {{ .Files.Get \".env\" | quote }}\n",
		"k/kustomization.yaml":    "resources:\n  - ../../secret.yaml\n",
	})
	readsSymlink(t, filepath.Join(outside, "secret.yaml"), filepath.Join(repo, "chart", "templates", "leak.yaml"))
	if err := syscall.Mkfifo(filepath.Join(repo, "chart", "templates", "pipe.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, repo, nil, "lint", ".")
	mustNotLeak(t, r)
	out := string(r.output())
	for _, want := range []string{"pipe.yaml", "named pipe", "leak.yaml", "k/kustomization.yaml:1:1: error dnslint/not-rendered"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if r.exit != 2 {
		t.Errorf("exit %d, want 2 (files refused are input errors)", r.exit)
	}
}

// TestRenderValuesOutsideRefused: a values file named in .dnslint.yaml outside the
// repository is not read.
func TestRenderValuesOutsideRefused(t *testing.T) {
	_, repo := renderRepo(t, map[string]string{
		".dnslint.yaml":           "helm:\n  values: [../secret.yaml]\n",
		"chart/Chart.yaml":        renderChartYAML,
		"chart/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  s: {{ .Values.secret | quote }}\n",
	})
	r := run(t, repo, nil, "lint", ".")
	mustNotLeak(t, r)
	if !strings.Contains(string(r.output()), "helm values file") || r.exit != 2 {
		t.Errorf("exit %d, want 2 naming the values file refused:\n%s", r.exit, r.output())
	}
}

// TestRenderRemoteBaseNotFetched: a remote base is an info finding; dnslint starts no
// git clone and reaches no network: the entries are dropped from the kustomization it builds.
func TestRenderRemoteBaseNotFetched(t *testing.T) {
	_, repo := renderRepo(t, map[string]string{
		"k/kustomization.yaml": "resources:\n  - github.com/example/repo//base?ref=v1\n  - https://example.com/x.yaml\n",
	})
	if _, err := os.Stat(filepath.Join(repo, "k")); err != nil {
		t.Fatal(err)
	}
	r := run(t, repo, nil, "lint", ".")
	out := string(r.output())
	if strings.Count(out, "info dnslint/not-rendered: remote base") != 2 || r.exit != 0 {
		t.Errorf("exit %d, want 0 with two remote bases reported:\n%s", r.exit, out)
	}
}
