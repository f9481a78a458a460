package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// readmeFixing is the README's "Fixing" section.
func readmeFixing(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "\n## Fixing\n")
	if i < 0 {
		t.Fatal("README.md has no Fixing section")
	}
	s = s[i+1:]
	if j := strings.Index(s[3:], "\n## "); j >= 0 {
		s = s[:j+4]
	}
	return s
}

var leftRow = regexp.MustCompile("(?m)^\\| `([^`]+)` \\| `([^`]+)` \\| ([^|]+) \\|$")

// TestReadmeFixingList: after `dnslint lint --fix` on a copy of testdata/examples, the
// findings left are exactly those the README's Fixing section lists, each with a reason.
func TestReadmeFixingList(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(examples)); err != nil {
		t.Fatal(err)
	}
	r := dnslint(t, "", "lint", "--fix", "--format", "json", "--fail-on", "none", dir)
	if r.code != exitClean {
		t.Fatalf("%s", r)
	}
	var rep struct {
		Findings []struct {
			Rule     string `json:"rule"`
			Location struct {
				File string `json:"file"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, f := range rep.Findings {
		rel, err := filepath.Rel(dir, f.Location.File)
		if err != nil {
			t.Fatal(err)
		}
		left = append(left, f.Rule+" "+filepath.ToSlash(rel))
	}
	var listed []string
	for _, m := range leftRow.FindAllStringSubmatch(readmeFixing(t), -1) {
		if strings.TrimSpace(m[3]) == "" {
			t.Errorf("README: %s in %s has no reason", m[1], m[2])
		}
		listed = append(listed, m[1]+" "+m[2])
	}
	slices.Sort(left)
	slices.Sort(listed)
	if !slices.Equal(left, listed) {
		t.Errorf("README's Fixing list:\n%s\nleft after --fix:\n%s", strings.Join(listed, "\n"), strings.Join(left, "\n"))
	}
}

// TestReadmeFixingDiff: the README's before/after is what `dnslint lint --diff
// testdata/examples` prints.
func TestReadmeFixingDiff(t *testing.T) {
	section := readmeFixing(t)
	m := regexp.MustCompile("(?s)```diff\n(.*?)```").FindStringSubmatch(section)
	if m == nil {
		t.Fatal("README's Fixing section has no diff")
	}
	r := dnslint(t, "", "lint", "--diff", examples)
	if r.stdout != m[1] {
		t.Errorf("README's diff is not what `dnslint lint --diff %s` prints:\n%s", examples, r.stdout)
	}
}
