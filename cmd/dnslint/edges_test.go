package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStdinMisuse: --stdin-filename without - and - named twice are usage errors, not
// silently ignored or read twice.
func TestStdinMisuse(t *testing.T) {
	t.Parallel()
	corefile := ".:53 {\n    forward . 10.0.0.53\n    cache 5\n}\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--stdin-filename", "Corefile", "testdata/examples/clusters/onprem/Corefile"}, "no - among the paths reads it"},
		{[]string{"--stdin-filename", "Corefile", "-", "-"}, "standard input (-) is named 2 times"},
		{[]string{"-", "-"}, "standard input (-) is named 2 times"},
	} {
		r := dnslint(t, corefile, append(append([]string{"lint"}, just("cache/low-ttl")...), tc.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%q: want exit 2 saying %q and no report, got %s", tc.args, tc.want, r)
		}
	}
}

const loneCustom = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: kube-system
data:
  log.override: |
    log
  stub.server: |
    example.com:53 {
        forward . 10.0.0.1
    }
`

// TestPlatform: --platform accepts exactly the platforms dnslint knows. aks and k3s
// compose a lone coredns-custom with their default Corefile; on the others it gets one
// finding, that the platform never reads it; gke is refused because it runs kube-dns.
func TestPlatform(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"custom.yaml": loneCustom})
	file := filepath.Join(dir, "custom.yaml")
	for _, p := range []string{"aks", "k3s"} {
		got, r := findings(t, "", "--platform", p, file)
		if r.code != exitClean || !slices.Contains(got, file+":11:9 warning cache/missing") || slices.Contains(got, file+":2:7 warning custom/not-imported") {
			t.Errorf("%s: want the keys composed with the default Corefile, got %q\n%s", p, got, r)
		}
	}
	for _, p := range []string{"generic", "eks", "kubeadm", "rke2", "openshift"} {
		got, r := findings(t, "", "--platform", p, file)
		if want := []string{file + ":2:7 warning custom/not-imported"}; !slices.Equal(got, want) {
			t.Errorf("%s: findings %q, want %q\n%s", p, got, want, r)
		}
		if !strings.Contains(r.stdout, "never read on platform "+p) {
			t.Errorf("%s: message does not name the platform:\n%s", p, r)
		}
	}
	r := dnslint(t, "", "lint", "--platform", "gke", file)
	if r.code != exitUsage || !strings.Contains(r.stderr, "GKE runs kube-dns, not CoreDNS") {
		t.Errorf("gke: want exit 2 with the kube-dns reason, got %s", r)
	}
	r = dnslint(t, "", "lint", "--platform", "azure", "testdata/examples/clusters/onprem/Corefile")
	if r.code != exitUsage || !strings.Contains(r.stderr, `unknown platform "azure" (known: aks, eks, generic, k3s, kubeadm, openshift, rke2)`) {
		t.Errorf("azure: want exit 2 listing the platforms, got %s", r)
	}
}

// TestVersionBeyondData: a CoreDNS or Kubernetes release newer than dnslint's data warns
// once and lints as the newest known; messages never claim what "CoreDNS 9.9.9" does.
func TestVersionBeyondData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// An unknown cache option: the message names the release that exits on it.
	writeFiles(t, dir, map[string]string{"Corefile": ".:53 {\n    forward . 10.0.0.53\n    cache 30 {\n        bogus\n    }\n}\n"})
	file := filepath.Join(dir, "Corefile")
	r := dnslint(t, "", "lint", "--coredns-version", "9.9.9", "--kubernetes-version", "1.999.0", "--fail-on", "none", file)
	if r.code != exitClean {
		t.Fatalf("want exit 0, got %s", r)
	}
	if n := strings.Count(r.stderr, "CoreDNS 9.9.9 is newer than the releases dnslint knows; linting as CoreDNS "); n != 1 {
		t.Errorf("want the CoreDNS warning once, got %d:\n%s", n, r)
	}
	if n := strings.Count(r.stderr, "Kubernetes 1.999.0 is newer than the releases dnslint knows"); n != 1 {
		t.Errorf("want the Kubernetes warning once, got %d:\n%s", n, r)
	}
	if strings.Contains(r.stdout, "9.9.9") || !strings.Contains(r.stdout, "is no option of cache in CoreDNS ") {
		t.Errorf("a message claims what CoreDNS 9.9.9 does:\n%s", r)
	}
	if r := dnslint(t, "", "lint", "--coredns-version", "1.11.3", "--fail-on", "none", file); strings.Contains(r.stderr, "warning") {
		t.Errorf("a known release warns: %s", r)
	}
}

const twoWorkloads = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27-alpine
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example/api:1.0
`

// TestExplainLookupPod: explain picks the resolver as lint does (musl for an alpine
// image), refuses to pick one of several workloads silently (exit 2 listing them), and
// takes --workload NAME.
func TestExplainLookupPod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"two.yaml": twoWorkloads})
	file := filepath.Join(dir, "two.yaml")
	r := dnslint(t, "", "explain", "lookup", "example.com", "--pod", file)
	if r.code != exitUsage || !strings.Contains(r.stderr, "the file has 2 workloads, pick one with --workload NAME: Deployment/web (line 2), Deployment/api (line 13)") {
		t.Errorf("several workloads: want exit 2 listing them, got %s", r)
	}
	for name, libc := range map[string]string{"web": "musl", "api": "glibc"} {
		r := dnslint(t, "", "explain", "lookup", "example.com", "--pod", file, "--workload", name, "--format", "json")
		if r.code != exitClean || !strings.Contains(r.stdout, `"libc": "`+libc+`"`) {
			t.Errorf("%s: want libc %s, got %s", name, libc, r)
		}
	}
	r = dnslint(t, "", "explain", "lookup", "example.com", "--pod", file, "--workload", "api", "--libc", "musl", "--format", "json")
	if !strings.Contains(r.stdout, `"libc": "musl"`) {
		t.Errorf("--libc does not win over the image: %s", r)
	}
	r = dnslint(t, "", "explain", "lookup", "example.com", "--pod", file, "--workload", "db")
	if r.code != exitUsage || !strings.Contains(r.stderr, `no workload named "db"`) {
		t.Errorf("unknown workload: want exit 2, got %s", r)
	}
}

// TestExplainRanges: names a resolver would not look up and sizes that make an empty
// table are usage errors.
func TestExplainRanges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"lookup", "bad name!"}, `is not a letter, digit, hyphen or underscore`},
		{[]string{"lookup", "a..b"}, "empty label"},
		{[]string{"lookup", strings.Repeat("a", 64) + ".com"}, "label of 64 characters"},
		{[]string{"lookup", strings.Repeat("abc.", 64) + "com"}, "a domain name has at most 253"},
		{[]string{"lookup", "example.com", "--ndots", "-2"}, "--ndots -2"},
		{[]string{"ladder", "testdata/examples/clusters/aks-prod/coredns-autoscaler.yaml", "--max-nodes", "0"}, "--max-nodes 0: want 1 to"},
		{[]string{"ladder", "testdata/examples/clusters/aks-prod/coredns-autoscaler.yaml", "--cores-per-node", "0"}, "--cores-per-node 0"},
		{[]string{"ladder", "testdata/examples/clusters/aks-prod/coredns-autoscaler.yaml", "--nodes", "-1"}, "--nodes -1"},
	} {
		r := dnslint(t, "", append([]string{"explain"}, tc.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%q: want exit 2 saying %q, got %s", tc.args, tc.want, r)
		}
	}
	for _, name := range []string{"example.com", "example.com.", "_http._tcp.api", "kubernetes.default"} {
		if r := dnslint(t, "", "explain", "lookup", name); r.code != exitClean {
			t.Errorf("%q refused: %s", name, r)
		}
	}
}

// TestColorFlag: --color auto|always|never, and FORCE_COLOR forces colours in auto mode
// even with NO_COLOR set (TestMain sets it) and no terminal. Not parallel: environment.
func TestColorFlag(t *testing.T) {
	const file = "testdata/examples/clusters/onprem/Corefile"
	const red = "\x1b[1;31merror\x1b[0m"
	colored := func(args ...string) bool {
		t.Helper()
		r := dnslint(t, "", append([]string{"lint", "--fail-on", "none"}, append(args, file)...)...)
		if r.code != exitClean {
			t.Fatalf("%q: %s", args, r)
		}
		return strings.Contains(r.stdout, red)
	}
	if colored() || colored("--color", "auto") {
		t.Error("auto: colours without a terminal, with NO_COLOR set")
	}
	if !colored("--color", "always") {
		t.Error("always: no colours")
	}
	t.Setenv("FORCE_COLOR", "1")
	if !colored() {
		t.Error("FORCE_COLOR: no colours")
	}
	if colored("--color", "never") || colored("--no-color") {
		t.Error("never: colours")
	}
	t.Setenv("FORCE_COLOR", "0")
	if colored() {
		t.Error("FORCE_COLOR=0: colours")
	}
	if r := dnslint(t, "", "lint", "--color", "sometimes", file); r.code != exitUsage || !strings.Contains(r.stderr, "want auto, always or never") {
		t.Errorf("--color sometimes: want exit 2, got %s", r)
	}
}

// TestDocsLinks: --docs-links shows each finding's rule documentation under it.
func TestDocsLinks(t *testing.T) {
	t.Parallel()
	args := append(append([]string{"lint", "--fail-on", "none"}, just("cache/low-ttl")...), "testdata/examples/clusters/onprem/Corefile")
	if r := dnslint(t, "", args...); strings.Contains(r.stdout, "docs: ") {
		t.Errorf("docs link without --docs-links:\n%s", r)
	}
	r := dnslint(t, "", append(args, "--docs-links")...)
	if !strings.Contains(r.stdout, "\n    docs: https://github.com/dnslint/dnslint/blob/main/docs/rules/cache/low-ttl.md\n") {
		t.Errorf("no docs link with --docs-links:\n%s", r)
	}
}

// TestCompletion: shell completion offers rule ids (with their titles), category globs,
// formats and platforms.
func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"lint", "--enable", ""}, []string{"cache/low-ttl\t", "cache/*"}},
		{[]string{"audit", "--disable", ""}, []string{"pod/high-ndots\t"}},
		{[]string{"lint", "--format", ""}, []string{"sarif\n", "json\n"}},
		{[]string{"lint", "--report", ""}, []string{"sarif=\n"}},
		{[]string{"lint", "--platform", ""}, []string{"eks\n", "k3s\n"}},
		{[]string{"lint", "--color", ""}, []string{"always\n"}},
	} {
		r := dnslint(t, "", append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%q: no %q in\n%s", tc.args, w, r)
			}
		}
	}
}

// TestReadmeSuppressionExample: the README's suppression comment, above the
// `- name: ndots` option it is about, silences the finding on `value:` two lines below
// (it applies to the whole option), and is not reported unused.
func TestReadmeSuppressionExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "<!-- suppression example: tested by TestReadmeSuppressionExample -->\n```yaml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README.md: the suppression example is gone")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"pod.yaml": example})
	file := filepath.Join(dir, "pod.yaml")
	got, r := findings(t, "", append(just("pod/high-ndots,dnslint/unused-suppression"), file)...)
	if len(got) != 0 || r.code != exitClean {
		t.Errorf("want the README example clean, got %q\n%s", got, r)
	}
	// Without the comment, the finding is there: the test can fail.
	got, _ = findings(t, "", append(just("pod/high-ndots"), "--ignore-suppressions", file)...)
	if len(got) != 1 {
		t.Errorf("the README example has no pod/high-ndots finding to silence: %q", got)
	}
}
