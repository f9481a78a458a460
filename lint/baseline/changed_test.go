package baseline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
)

// gitRepo makes a git work tree in a new directory with one commit of files, and returns
// the directory.
func gitRepo(t *testing.T, committed map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for name, content := range committed {
		write(t, filepath.Join(dir, name), content)
	}
	runGit(t, dir, "init", "-q")
	runGit(t, dir, "add", "-A")
	runGit(t, dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base")
	return dir
}

func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Only findings on lines changed since the revision, in untracked files, or outside the
// work tree are kept; a finding spanning a changed line is kept.
func TestChangedSince(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"Corefile":   ".:53 {\n    cache 5\n    forward . 1.1.1.1\n}\n",
		"old/a.yaml": "a: 1\nb: 2\nc: 3\n",
	})
	write(t, filepath.Join(dir, "Corefile"), "# new first line\n.:53 {\n    cache 5\n    forward . 1.1.1.1\n    log\n}\n")
	write(t, filepath.Join(dir, "old/a.yaml"), "a: 1\nc: 3\n") // b deleted: the line before changes
	write(t, filepath.Join(dir, "new.yaml"), "x: 1\n")
	t.Chdir(dir)
	c, err := ChangedSince(context.Background(), ".", "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "Corefile")
	fs := []finding.Finding{
		at("Corefile", 1, 1, 5, "new-line"),
		at("Corefile", 3, 5, 11, "unchanged-cache"),
		at("Corefile", 5, 5, 7, "new-log"),
		at("old/a.yaml", 1, 1, 4, "before-deletion"),
		at("old/a.yaml", 2, 1, 4, "unchanged-c"),
		at("new.yaml", 1, 1, 1, "untracked"),
		at(outside, 1, 1, 1, "outside"),
		{RuleID: "whole-changed-file", Pos: at("Corefile", 0, 0, 0, "").Pos},
	}
	spanning := at("Corefile", 3, 5, 3, "spans-into-change")
	spanning.Pos.EndLine = 5
	fs = append(fs, spanning)
	kept, dropped := c.Filter(fs)
	var got []string
	for _, f := range kept {
		got = append(got, f.RuleID)
	}
	want := "new-line new-log before-deletion untracked outside whole-changed-file spans-into-change"
	if strings.Join(got, " ") != want || dropped != 2 {
		t.Errorf("kept %q, dropped %d; want %q, 2 dropped", got, dropped, want)
	}
}

// The revision is checked: an option-like one is refused before git sees it, one that
// names no commit says how to fetch history.
func TestChangedSinceRefuses(t *testing.T) {
	dir := gitRepo(t, map[string]string{"f": "x\n"})
	for rev, want := range map[string]string{
		"--output=/tmp/x": "not a revision",
		"no-such-branch":  "fetch-depth: 0",
		"":                "not a revision",
	} {
		if _, err := ChangedSince(context.Background(), dir, rev); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", rev, err, want)
		}
	}
	if _, err := ChangedSince(context.Background(), t.TempDir(), "HEAD"); err == nil || !strings.Contains(err.Error(), "git work tree") {
		t.Errorf("outside a work tree: %v", err)
	}
}

// The repository being linted configures no program that git runs for dnslint: an
// fsmonitor hook is not executed.
func TestChangedSinceRunsNoRepositoryProgram(t *testing.T) {
	dir := gitRepo(t, map[string]string{"f": "x\n"})
	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(dir, "hook.sh")
	write(t, hook, "#!/bin/sh\ntouch "+marker+"\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "config", "core.fsmonitor", hook)
	write(t, filepath.Join(dir, "f"), "y\n")
	if _, err := ChangedSince(context.Background(), dir, "HEAD"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("git ran the repository's core.fsmonitor program")
	}
}

func TestHunkRange(t *testing.T) {
	for header, want := range map[string]lineRange{
		"@@ -3,0 +4,2 @@":   {4, 5},
		"@@ -3 +3 @@":       {3, 3},
		"@@ -2,1 +1,0 @@ x": {1, 1},
		"@@ -1,1 +0,0 @@":   {1, 1},
	} {
		if got, ok := hunkRange(header); !ok || got != want {
			t.Errorf("%q: %v %v, want %v", header, got, ok, want)
		}
	}
}
