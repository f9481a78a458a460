package baseline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dnslint/dnslint/lint/finding"
)

// Changes are the lines of a git work tree that a revision does not have: per file
// (relative to the work tree, with slashes), the line ranges of the working tree's text
// that git diff shows as added or changed; a file the revision lacks (new, untracked) is
// changed as a whole.
type Changes struct {
	top   string
	files map[string][]lineRange
	whole map[string]bool
}

type lineRange struct{ from, to int } // inclusive

// gitSafe are the options every git call carries: nothing configured in the repository
// being linted may run a program (core.fsmonitor is a command git runs on a refresh of
// the index; external diff and textconv drivers are commands too).
var gitSafe = []string{"-c", "core.fsmonitor=false", "-c", "diff.external=", "--no-pager"}

// ChangedSince reads what changed in the git work tree that holds dir since rev: the
// diff between rev and the working tree (staged or not), and the untracked files that
// are not ignored. rev must name a commit; an option-like rev is refused.
func ChangedSince(ctx context.Context, dir, rev string) (*Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--new-from-rev %q: not a revision", rev)
	}
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev needs a git work tree: %w", err)
	}
	top = strings.TrimSpace(top)
	commit, err := git(ctx, top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev %q names no commit here (a shallow clone lacks older commits: fetch them, e.g. actions/checkout with fetch-depth: 0)", rev)
	}
	diff, err := git(ctx, top, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "--unified=0", strings.TrimSpace(commit), "--")
	if err != nil {
		return nil, err
	}
	c := &Changes{top: top, files: parseDiff(diff), whole: map[string]bool{}}
	untracked, err := git(ctx, top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, f := range strings.Split(untracked, "\x00") {
		if f != "" {
			c.whole[f] = true
		}
	}
	return c, nil
}

func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append(append([]string{}, gitSafe...), args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git %s: %s", args[0], msg)
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return string(out), nil
}

// parseDiff reads the new side of a unified diff with no context: for each file, the
// ranges its hunks add ("@@ -a,b +c,d @@": lines c to c+d-1; d = 0 is a pure deletion,
// which changes the lines around it: the line before counts as changed). A file added
// from nothing is one hunk covering it.
func parseDiff(diff string) map[string][]lineRange {
	files := map[string][]lineRange{}
	var file string
	sc := bufio.NewScanner(strings.NewReader(diff))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = ""
			if name, ok := strings.CutPrefix(line, "+++ b/"); ok {
				file = unquote(name)
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			if r, ok := hunkRange(line); ok {
				files[file] = append(files[file], r)
			}
		}
	}
	return files
}

// hunkRange reads the "+c,d" part of a hunk header.
func hunkRange(header string) (lineRange, bool) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return lineRange{}, false
	}
	start, count, found := strings.Cut(fields[2][1:], ",")
	c, err := strconv.Atoi(start)
	if err != nil {
		return lineRange{}, false
	}
	d := 1
	if found {
		if d, err = strconv.Atoi(count); err != nil {
			return lineRange{}, false
		}
	}
	if d == 0 { // a deletion after line c
		return lineRange{max(c, 1), max(c, 1)}, true
	}
	return lineRange{c, c + d - 1}, true
}

// unquote undoes git's C-style quoting of unusual path names ("b/a\tb" comes quoted).
func unquote(name string) string {
	if strings.HasPrefix(name, `"`) {
		if s, err := strconv.Unquote(name); err == nil {
			return s
		}
	}
	return name
}

// Filter keeps the findings on changed lines: a finding whose lines overlap a changed
// range, a finding about a changed file as a whole (line 0) or in a file the revision
// lacks, and a finding in a file outside the work tree (standard input, another tree:
// git cannot say it is old). It returns how many it dropped.
func (c *Changes) Filter(fs []finding.Finding) (kept []finding.Finding, dropped int) {
	for _, f := range fs {
		if c.isNew(f) {
			kept = append(kept, f)
		} else {
			dropped++
		}
	}
	return kept, dropped
}

func (c *Changes) isNew(f finding.Finding) bool {
	abs, err := filepath.Abs(f.Pos.File)
	if err != nil || f.Pos.File == "<stdin>" {
		return true
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real // git names the top level by its real path
	}
	rel, err := filepath.Rel(c.top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return true
	}
	rel = filepath.ToSlash(rel)
	if c.whole[rel] {
		return true
	}
	ranges := c.files[rel]
	if f.Pos.Line < 1 {
		return len(ranges) > 0
	}
	end := max(f.Pos.EndLine, f.Pos.Line)
	for _, r := range ranges {
		if f.Pos.Line <= r.to && end >= r.from {
			return true
		}
	}
	return false
}
