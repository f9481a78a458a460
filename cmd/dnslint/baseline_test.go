package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const baselineCorefile = ".:53 {\n    cache 5\n    forward . 10.0.0.53\n}\n"

// omittedOf reads the summary's omitted counts of a json report.
func omittedOf(t *testing.T, r result) []struct {
	Count  int
	Reason string
} {
	t.Helper()
	var rep struct {
		Summary struct {
			Omitted []struct {
				Count  int
				Reason string
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("not a json report: %v\n%s", err, r)
	}
	return rep.Summary.Omitted
}

// TestBaseline: --write-baseline records today's findings; --baseline then reports only
// new ones, also after lines moved, says how many it left out, and exits by the new
// ones alone.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": baselineCorefile})
	base := filepath.Join(dir, "dnslint-baseline.json")
	rules := append(just("cache/low-ttl"), "--fail-on", "warning")

	r := dnslint(t, "", append(append([]string{"lint"}, rules...), "--write-baseline", base, dir)...)
	if r.code != exitClean || !strings.Contains(r.stdout, "1 finding not reported: recorded in the baseline "+base) {
		t.Fatalf("--write-baseline: want exit 0 and the count recorded, got %s", r)
	}

	moved := "# moved\n\n" + strings.Replace(baselineCorefile, "forward", "log\n    forward", 1)
	writeFiles(t, dir, map[string]string{"Corefile": moved})
	got, r := findings(t, "", append(rules, "--baseline", base, dir)...)
	if r.code != exitClean || len(got) != 0 || len(omittedOf(t, r)) != 1 || omittedOf(t, r)[0].Count != 1 {
		t.Errorf("lines moved: want nothing new and 1 baselined, got %q\n%s", got, r)
	}

	writeFiles(t, dir, map[string]string{"Corefile": moved + "example.com:53 {\n    cache 3\n    forward . 10.0.0.54\n}\n"})
	got, r = findings(t, "", append(rules, "--baseline", base, dir)...)
	want := filepath.Join(dir, "Corefile") + ":9:11 warning cache/low-ttl"
	if r.code != exitFindings || len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("a new finding: want exit 1 and only %q, got %q\n%s", want, got, r)
	}
}

// TestNewFromRev: --new-from-rev reports only the findings on lines changed since a
// commit, and untracked files.
func TestNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": baselineCorefile})
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	writeFiles(t, dir, map[string]string{
		"Corefile":      baselineCorefile + "example.com:53 {\n    cache 3\n    forward . 10.0.0.54\n}\n",
		"new/Corefile":  baselineCorefile,
		".dnslint.yaml": "rules:\n  cache/low-ttl: {}\n",
	})
	t.Chdir(dir)
	got, r := findings(t, "", append(just("cache/low-ttl"), "--new-from-rev", "HEAD", ".")...)
	want := []string{"Corefile:6:11 warning cache/low-ttl", "new/Corefile:2:11 warning cache/low-ttl"}
	if len(got) != 2 || !strings.HasPrefix(got[0], want[0]) || !strings.HasPrefix(got[1], want[1]) {
		t.Errorf("want only %q, got %q\n%s", want, got, r)
	}
	if o := omittedOf(t, r); len(o) != 1 || o[0].Count != 1 || o[0].Reason != "on lines unchanged since HEAD" {
		t.Errorf("omitted %+v", o)
	}
}

// TestBaselineMisuse: contradictory flags and an unreadable baseline are usage errors.
func TestBaselineMisuse(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": baselineCorefile})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--write-baseline", "a.json", "--baseline", "b.json"}, "give one"},
		{[]string{"--write-baseline", "a.json", "--new-from-rev", "HEAD"}, "would leave some out"},
		{[]string{"--baseline", filepath.Join(dir, "missing.json")}, "no such file"},
		{[]string{"--diff", "--new-from-rev", "HEAD"}, "give one or the other"},
	} {
		r := dnslint(t, "", append(append([]string{"lint"}, tc.args...), dir)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: want exit 2 saying %q, got %s", tc.args, tc.want, r)
		}
	}
	help := dnslint(t, "", "lint", "--help").stdout
	if missing := slices.DeleteFunc([]string{"--write-baseline", "--baseline", "--new-from-rev", "fetch-depth: 0"}, func(f string) bool { return strings.Contains(help, f) }); len(missing) > 0 {
		t.Errorf("--help does not document %q:\n%s", missing, help)
	}
}
