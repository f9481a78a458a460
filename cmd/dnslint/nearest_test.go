package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNearestConfig: each file takes its rules, severities and parameters from the
// .dnslint.yaml nearest to it within its work tree, wherever dnslint runs from; --config
// applies to every file; a coredns-custom and its coredns ConfigMap under different
// configs are still composed.
func TestNearestConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gitInit(t, dir)
	corefile := ".:53 {\n    forward . 10.0.0.53\n    cache 5\n}\n"
	writeFiles(t, dir, map[string]string{
		"Corefile":              corefile,
		"lenient/Corefile":      corefile,
		"lenient/.dnslint.yaml": "rules:\n  cache/low-ttl:\n    params:\n      min_ttl: 3\n",
		"strict/Corefile":       corefile,
		"strict/.dnslint.yaml":  "rules:\n  cache/low-ttl:\n    severity: error\n",
		"strict/deep/Corefile":  corefile,
	})
	got, r := findings(t, "", append(just("cache/low-ttl"), dir)...)
	want := []string{
		filepath.Join(dir, "Corefile") + ":3:11 warning cache/low-ttl",
		filepath.Join(dir, "strict/Corefile") + ":3:11 error cache/low-ttl",
		filepath.Join(dir, "strict/deep/Corefile") + ":3:11 error cache/low-ttl",
	}
	if !slices.EqualFunc(got, want, strings.HasPrefix) {
		t.Errorf("want %q, got %q\n%s", want, got, r)
	}
	if r.code != exitFindings {
		t.Errorf("exit %d, want 1 (an error from strict/)", r.code)
	}
	// --config is every file's config.
	got, _ = findings(t, "", append(just("cache/low-ttl"), "--config", filepath.Join(dir, "lenient/.dnslint.yaml"), dir)...)
	if len(got) != 0 {
		t.Errorf("--config lenient: want no finding, got %q", got)
	}
}

// TestNearestConfigExcludes: a nested .dnslint.yaml's exclude globs (relative to it) keep
// its files out of the run, as the run's own config's do; the same file elsewhere is linted.
func TestNearestConfigExcludes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gitInit(t, dir)
	corefile := ".:53 {\n    forward . 10.0.0.53\n    cache 5\n}\n"
	writeFiles(t, dir, map[string]string{
		"team/.dnslint.yaml":         "exclude:\n  - generated/**\n",
		"team/generated/Corefile":    corefile,
		"team/Corefile":              corefile,
		"other/generated/Corefile":   corefile,
		"team/generated/deep/a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n    .:53 {\n        cache 5\n    }\n",
	})
	got, r := findings(t, "", append(just("cache/low-ttl"), dir)...)
	want := []string{
		filepath.Join(dir, "other/generated/Corefile") + ":3:11 warning cache/low-ttl",
		filepath.Join(dir, "team/Corefile") + ":3:11 warning cache/low-ttl",
	}
	if !slices.EqualFunc(got, want, strings.HasPrefix) {
		t.Errorf("want %q, got %q\n%s", want, got, r)
	}
	// Named on the command line, an excluded file is still left out.
	if got, r := findings(t, "", append(just("cache/low-ttl"), filepath.Join(dir, "team/generated/Corefile"))...); len(got) != 0 {
		t.Errorf("excluded file named: got %q\n%s", got, r)
	}
}

// TestNearestConfigBroken: a nested .dnslint.yaml that does not load is an input error
// with its path, not a silently skipped config.
func TestNearestConfigBroken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gitInit(t, dir)
	writeFiles(t, dir, map[string]string{
		"team/.dnslint.yaml": "rulez: {}\n",
		"team/Corefile":      ".:53 {\n    forward . 10.0.0.53\n}\n",
	})
	r := dnslint(t, "", "lint", dir)
	if r.code != exitUsage || !strings.Contains(r.stderr, filepath.Join(dir, "team/.dnslint.yaml")) {
		t.Errorf("exit %d, want 2 naming the config\n%s", r.code, r)
	}
}

// TestFixFollowsNearestConfig: --fix applies only the fixes of rules that the file's own
// config enables: a rule its nested config disables is neither reported nor fixed there.
func TestFixFollowsNearestConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gitInit(t, dir)
	bad := ".:53 {\n    forward . 10.0.0.53\n    cache 30\n    cache 30\n}\n"
	writeFiles(t, dir, map[string]string{
		"Corefile":             bad,
		"legacy/.dnslint.yaml": "rules:\n  corefile/duplicate-plugin:\n    severity: off\n",
		"legacy/Corefile":      bad,
	})
	r := dnslint(t, "", append(append([]string{"lint", "--fix"}, just("corefile/duplicate-plugin")...), dir)...)
	if r.code == exitUsage {
		t.Fatalf("exit 2\n%s", r)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "Corefile")); string(b) == bad {
		t.Errorf("the root Corefile was not fixed\n%s", r)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "legacy/Corefile")); string(b) != bad {
		t.Errorf("legacy/Corefile, whose config disables the rule, was fixed:\n%s", b)
	}
}
