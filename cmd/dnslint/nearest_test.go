package main

import (
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
