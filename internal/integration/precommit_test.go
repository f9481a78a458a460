package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needTool returns a tool's path; in CI (CI=true, where .ci/run installs it) a missing
// tool fails the test, elsewhere it skips it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (.ci/run installs it)", name)
		}
		t.Skipf("%s is not installed; CI installs it (apt-get install %s)", name, name)
	}
	return p
}

const badCustom = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: kube-system
data:
  example.com: |
    example.com:53 {
        forward . 10.0.0.1
    }
`

// preCommitRepo makes a fresh git repository for the hook: run runs a command in it
// (pre-commit with its own home), write writes a file into it; root is this repository,
// whose hook pre-commit tries.
func preCommitRepo(t *testing.T) (precommit, root string, run func(name string, args ...string) (string, error), write func(name, body string)) {
	t.Helper()
	precommit = needTool(t, "pre-commit")
	git := needTool(t, "git")
	root, _ = filepath.Abs(filepath.Join("..", ".."))
	repo := t.TempDir()
	home := t.TempDir()
	gomodcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := append(os.Environ(), "PRE_COMMIT_HOME="+home, "GOMODCACHE="+strings.TrimSpace(string(gomodcache)),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	run = func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run(git, "init", "-q"); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	write = func(name, body string) {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return precommit, root, run, write
}

// TestPreCommitHook runs the hook of .pre-commit-hooks.yaml with the real pre-commit,
// in a fresh git repository, as `pre-commit try-repo` runs it for a user.
func TestPreCommitHook(t *testing.T) {
	precommit, root, run, write := preCommitRepo(t)
	write("coredns-custom.yaml", badCustom)
	write("good.yaml", strings.Replace(badCustom, "example.com: |", "example.server: |", 1))
	write("notes.txt", "not linted\n")
	if out, err := run("git", "add", "."); err != nil {
		t.Fatalf("git add: %v %s", err, out)
	}

	out, err := run(precommit, "try-repo", root, "dnslint", "--files", "coredns-custom.yaml", "notes.txt")
	if err == nil {
		t.Fatalf("the hook passed on a coredns-custom key without .server/.override:\n%s", out)
	}
	for _, want := range []string{"custom/missing-suffix", "coredns-custom.yaml:7:3", `key "example.com"`} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "notes.txt") && strings.Contains(out, "cannot tell the format") {
		t.Errorf("the hook was given a file outside its files pattern:\n%s", out)
	}

	out, err = run(precommit, "try-repo", root, "dnslint", "--files", "good.yaml")
	if err != nil {
		t.Fatalf("the hook failed on a good coredns-custom ConfigMap: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Passed") {
		t.Errorf("no Passed line:\n%s", out)
	}
}

// TestPreCommitHelmTemplate: pre-commit passes a staged Helm template alone; the hook
// renders its chart and reports that template's findings, at the template's lines, with
// no yaml/syntax from the template text.
func TestPreCommitHelmTemplate(t *testing.T) {
	precommit, root, run, write := preCommitRepo(t)
	chart := filepath.Join(root, "testdata", "render-repo", "charts", "app")
	for _, name := range []string{"Chart.yaml", "values.yaml", "templates/_helpers.tpl", "templates/deployment.yaml", "templates/pod.yaml"} {
		b, err := os.ReadFile(filepath.Join(chart, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		write("charts/app/"+name, string(b))
	}
	if out, err := run("git", "add", "."); err != nil {
		t.Fatalf("git add: %v %s", err, out)
	}
	out, err := run(precommit, "try-repo", root, "dnslint", "--files", "charts/app/templates/pod.yaml")
	if err == nil {
		t.Fatalf("the hook passed on a template whose pod has dnsPolicy None without nameservers:\n%s", out)
	}
	for _, want := range []string{"charts/app/templates/pod.yaml:11:5: error pod/none-without-nameservers", "charts/app/templates/pod.yaml:13:16: warning pod/high-ndots", "charts/app/values.yaml:2:1"} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"yaml/syntax", "deployment.yaml"} {
		if strings.Contains(out, not) {
			t.Errorf("hook output has %q (a template parsed as YAML, or another template reported):\n%s", not, out)
		}
	}
}

// TestPreCommitComposesWithTheRepository: pre-commit passes only the staged files; a
// staged coredns-custom alone is composed with the repository's committed coredns
// ConfigMap (not a platform default), and only its own findings are reported.
func TestPreCommitComposesWithTheRepository(t *testing.T) {
	precommit, root, run, write := preCommitRepo(t)
	// The committed Corefile has nsid (AKS's default has not; CoreDNS allows it once per
	// server block) and a cache of 5 s (its own finding, not the staged file's).
	write("dns/coredns.yaml", `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        nsid
        forward . /etc/resolv.conf
        cache 5
        import custom/*.override
    }
`)
	for _, args := range [][]string{{"add", "."}, {"commit", "-q", "-m", "coredns"}} {
		if out, err := run("git", args...); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	write("dns/coredns-custom.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\n  namespace: kube-system\ndata:\n  nsid.override: |\n    nsid\n")
	if out, err := run("git", "add", "dns/coredns-custom.yaml"); err != nil { // staged: only the custom file
		t.Fatalf("git add: %v %s", err, out)
	}
	out, _ := run(precommit, "try-repo", root, "dnslint")
	for _, want := range []string{"Failed", "dns/coredns-custom.yaml:8:5", "custom/override-duplicates-plugin", "dns/coredns.yaml, found in the repository"} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "cache/low-ttl") || strings.Contains(out, "aks default") {
		t.Errorf("the partner's own finding or the AKS default shows:\n%s", out)
	}
}

// TestPreCommitFixHook runs the dnslint-fix hook with the real pre-commit: it renames the
// key, fails because it changed a file (as pre-commit fixers do), and passes on the
// next run, with nothing left to fix.
func TestPreCommitFixHook(t *testing.T) {
	precommit := needTool(t, "pre-commit")
	git := needTool(t, "git")
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	repo := t.TempDir()
	gomodcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := append(os.Environ(), "PRE_COMMIT_HOME="+t.TempDir(), "GOMODCACHE="+strings.TrimSpace(string(gomodcache)),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run(git, "init", "-q"); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	file := filepath.Join(repo, "coredns-custom.yaml")
	if err := os.WriteFile(file, []byte(badCustom), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := run(git, "add", "."); err != nil {
		t.Fatalf("git add: %v %s", err, out)
	}
	out, err := run(precommit, "try-repo", root, "dnslint-fix", "--files", "coredns-custom.yaml")
	if err == nil {
		t.Fatalf("the fix hook passed although it changed a file:\n%s", out)
	}
	fixed := strings.Replace(badCustom, "example.com: |", "example.com.server: |", 1)
	if b, _ := os.ReadFile(file); string(b) != fixed {
		t.Fatalf("the hook did not fix the file:\n%s\n%s", b, out)
	}
	if !strings.Contains(out, "files were modified by this hook") {
		t.Errorf("pre-commit does not say the hook modified files:\n%s", out)
	}
	if out, err := run(git, "add", "."); err != nil {
		t.Fatalf("git add: %v %s", err, out)
	}
	if out, err := run(precommit, "try-repo", root, "dnslint-fix", "--files", "coredns-custom.yaml"); err != nil {
		t.Fatalf("the fix hook failed on the fixed file: %v\n%s", err, out)
	}
}
