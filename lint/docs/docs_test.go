package docs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/docs"
	"github.com/dnslint/dnslint/lint/engine"
)

// TestDocsUpToDate fails when docs/rules/ differs from what the rule metadata generates.
func TestDocsUpToDate(t *testing.T) {
	cat, err := engine.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "docs", "rules")
	want := docs.Files(cat.Rules)
	for rel, content := range want {
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil || string(got) != content {
			t.Errorf("docs/rules/%s is stale or missing: run `make docs`", rel)
		}
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	for _, p := range pages {
		rel, _ := filepath.Rel(dir, p)
		if _, ok := want[filepath.ToSlash(rel)]; !ok {
			t.Errorf("docs/rules/%s documents no rule: run `make docs`", rel)
		}
	}
}

func TestPageHasEverySection(t *testing.T) {
	cat, err := engine.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := cat.Rule("cache/low-ttl")
	if !ok {
		t.Fatal("cache/low-ttl missing")
	}
	page := docs.Page(r)
	for _, s := range []string{"# cache/low-ttl", "## What it catches, and why", "## Bad", "## Fixed", "min_ttl: 30", "## Sources", "cache TTL can not be zero or negative"} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}
