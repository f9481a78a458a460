package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFixLeavesRenderedSources: --fix never rewrites a chart's templates or values from
// its rendering, although the rendering has findings with unsafe fixes (high ndots).
func TestFixLeavesRenderedSources(t *testing.T) {
	t.Parallel()
	src := filepath.Join("testdata", "render-repo", "charts", "app")
	dir := filepath.Join(t.TempDir(), "app")
	before := map[string][]byte{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		before[rel] = b
		writeFiles(t, dir, map[string]string{filepath.ToSlash(rel): string(b)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A template whose ndots is written as is: its rendering matches the template at the
	// value, so only the guard keeps the rendering from being written over the template.
	literal := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-literal\nspec:\n  containers:\n    - name: probe\n      image: registry.example.com/probe:1.0\n  dnsConfig:\n    options:\n      - name: ndots\n        value: \"12\"\n"
	writeFiles(t, dir, map[string]string{"templates/literal.yaml": literal})
	before[filepath.Join("templates", "literal.yaml")] = []byte(literal)
	r := dnslint(t, "", "lint", "--fix", "--unsafe-fixes", dir)
	if r.code == exitUsage {
		t.Fatalf("lint --fix: %s", r)
	}
	for rel, want := range before {
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s changed by --fix (%v):\n%s", rel, err, got)
		}
	}
	if !bytes.Contains([]byte(r.stdout), []byte("pod/high-ndots")) {
		t.Errorf("the chart's findings are not reported after --fix:\n%s", r)
	}
}
