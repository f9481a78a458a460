// Package fidelity proves dnslint's error rules against real CoreDNS builds: each labelled
// case under testdata/fidelity/ is started with every CoreDNS version of the suite and
// linted with dnslint for that version, and the two verdicts must agree (see
// fidelity_test.go and testdata/fidelity/README.md).
package fidelity

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Outcome is what CoreDNS does with a configuration.
type Outcome string

// The outcomes a case can expect.
const (
	Start Outcome = "start" // CoreDNS serves (prints its CoreDNS-<version> banner and keeps running)
	Crash Outcome = "crash" // CoreDNS exits non-zero at start-up (a pod crash-loops)
)

// Expect is one `# expect` label: what CoreDNS does on the versions it applies to.
type Expect struct {
	// Versions are the constraints the label applies to ("1.9.3", "<1.9.4", ">=1.12.4");
	// empty: every version no other label claims.
	Versions []string
	Outcome  Outcome
	// Rules: on a crash, the rules of which at least one must report an error; on a start,
	// rules of which one must report an error anyway because CoreDNS starts but silently
	// does something else than written (custom/missing-suffix: a key never imported).
	Rules []string
	// Message is a substring of CoreDNS's error line (crash only).
	Message string
	// Warning is a substring of a `[WARNING]` line CoreDNS logs at start-up (start only):
	// a configuration warning, which a dnslint warning must quote.
	Warning string
	// Line is the label's line in the case file.
	Line int
}

// Case is one labelled configuration.
type Case struct {
	// Name is the file name under testdata/fidelity/.
	Name string
	Path string
	// Title is the `# fidelity:` line.
	Title   string
	Data    []byte
	Expects []Expect
}

// IsYAML tells a ConfigMap case from a Corefile case.
func (c *Case) IsYAML() bool { return strings.HasSuffix(c.Name, ".yaml") }

// For returns the label that applies to a CoreDNS version: the first versioned label
// whose constraints match, else the unversioned one.
func (c *Case) For(version string) (Expect, error) {
	var def *Expect
	for i, e := range c.Expects {
		if len(e.Versions) == 0 {
			def = &c.Expects[i]
			continue
		}
		for _, v := range e.Versions {
			ok, err := matchVersion(v, version)
			if err != nil {
				return Expect{}, fmt.Errorf("%s:%d: %v", c.Name, e.Line, err)
			}
			if ok {
				return e, nil
			}
		}
	}
	if def == nil {
		return Expect{}, fmt.Errorf("%s: no `# expect` label applies to CoreDNS %s", c.Name, version)
	}
	return *def, nil
}

// LoadCases reads every *.corefile and *.yaml case of dir, sorted by name.
func LoadCases(dir string) ([]*Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var cases []*Case
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".corefile") || strings.HasSuffix(name, ".yaml")) {
			continue
		}
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		c, err := ParseCase(name, b)
		if err != nil {
			return nil, err
		}
		c.Path = path
		cases = append(cases, c)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Name < cases[j].Name })
	return cases, nil
}

// ParseCase reads the labels of a case: the comment lines at the top of the file,
//
//	# fidelity: <what the case is about>
//	# expect: crash rule=<rule id>[,<rule id>] message="<substring of CoreDNS's error>"
//	# expect <1.9.4: crash rule=forward/duplicate message="plugin/forward: this plugin can only be used once"
//	# expect >=1.9.4: start
//
// Other comment lines are free text. A versioned label takes precedence over the
// unversioned one; constraints are exact versions or <, <=, >, >= a version.
func ParseCase(name string, data []byte) (*Case, error) {
	c := &Case{Name: name, Data: data}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text == "---" {
			continue
		}
		if !strings.HasPrefix(text, "#") {
			break
		}
		text = strings.TrimSpace(strings.TrimPrefix(text, "#"))
		head, rest, ok := strings.Cut(text, ":")
		if !ok {
			continue
		}
		switch {
		case head == "fidelity":
			c.Title = strings.TrimSpace(rest)
		case head == "expect" || strings.HasPrefix(head, "expect "):
			e, err := parseExpect(strings.TrimSpace(strings.TrimPrefix(head, "expect")), rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			e.Line = line
			c.Expects = append(c.Expects, e)
		}
	}
	if c.Title == "" {
		return nil, fmt.Errorf("%s: no `# fidelity: <title>` line at the top", name)
	}
	if len(c.Expects) == 0 {
		return nil, fmt.Errorf("%s: no `# expect: start|crash …` label", name)
	}
	return c, nil
}

func parseExpect(versions, rest string) (Expect, error) {
	var e Expect
	if versions != "" {
		for _, v := range strings.Split(versions, ",") {
			v = strings.TrimSpace(v)
			if _, err := matchVersion(v, "1.0.0"); err != nil {
				return e, err
			}
			e.Versions = append(e.Versions, v)
		}
	}
	fields, err := splitFields(rest)
	if err != nil {
		return e, err
	}
	if len(fields) == 0 {
		return e, fmt.Errorf("label without outcome (start or crash)")
	}
	switch o := Outcome(fields[0]); o {
	case Start, Crash:
		e.Outcome = o
	default:
		return e, fmt.Errorf("outcome %q: want start or crash", fields[0])
	}
	for _, f := range fields[1:] {
		k, v, ok := strings.Cut(f, "=")
		if !ok || v == "" {
			return e, fmt.Errorf("%q: want key=value", f)
		}
		switch k {
		case "rule":
			e.Rules = strings.Split(v, ",")
		case "message":
			e.Message = v
		case "warning":
			e.Warning = v
		default:
			return e, fmt.Errorf("unknown key %q (want rule, message or warning)", k)
		}
	}
	if e.Outcome == Crash && e.Message == "" {
		return e, fmt.Errorf("a crash label needs message=\"<substring of CoreDNS's error>\"")
	}
	if e.Outcome == Crash && len(e.Rules) == 0 {
		return e, fmt.Errorf("a crash label needs rule=<the rule that must report it>")
	}
	if e.Outcome == Start && e.Message != "" {
		return e, fmt.Errorf("a start label has no message")
	}
	if e.Outcome == Crash && e.Warning != "" {
		return e, fmt.Errorf("a crash label has no warning")
	}
	return e, nil
}

// splitFields splits on spaces; a value may be a double-quoted Go string.
func splitFields(s string) ([]string, error) {
	var out []string
	s = strings.TrimSpace(s)
	for s != "" {
		i := strings.IndexAny(s, " \t\"")
		switch {
		case i < 0:
			out = append(out, s)
			s = ""
		case s[i] == '"':
			q, err := strconv.QuotedPrefix(s[i:])
			if err != nil {
				return nil, fmt.Errorf("bad quoted value in %q: %v", s, err)
			}
			v, _ := strconv.Unquote(q)
			out = append(out, s[:i]+v)
			s = strings.TrimSpace(s[i+len(q):])
		default:
			out = append(out, s[:i])
			s = strings.TrimSpace(s[i:])
		}
	}
	return out, nil
}

// matchVersion tells whether version satisfies the constraint c ("1.9.3", "<1.9.4", ">=1.12.4").
func matchVersion(c, version string) (bool, error) {
	op := ""
	for _, p := range []string{"<=", ">=", "<", ">", "="} {
		if strings.HasPrefix(c, p) {
			op, c = p, strings.TrimPrefix(c, p)
			break
		}
	}
	a, err := parseVersion(c)
	if err != nil {
		return false, err
	}
	b, err := parseVersion(version)
	if err != nil {
		return false, err
	}
	cmp := compareVersions(b, a)
	switch op {
	case "<":
		return cmp < 0, nil
	case "<=":
		return cmp <= 0, nil
	case ">":
		return cmp > 0, nil
	case ">=":
		return cmp >= 0, nil
	default:
		return cmp == 0, nil
	}
}

func parseVersion(s string) ([3]int, error) {
	var v [3]int
	parts := strings.Split(strings.TrimPrefix(s, "v"), ".")
	if len(parts) != 3 {
		return v, fmt.Errorf("version %q: want MAJOR.MINOR.PATCH", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return v, fmt.Errorf("version %q: want MAJOR.MINOR.PATCH", s)
		}
		v[i] = n
	}
	return v, nil
}

func compareVersions(a, b [3]int) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// ReadVersions reads scripts/fidelity/versions: one CoreDNS version a line, # comments.
func ReadVersions(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l, _, _ = strings.Cut(l, "#")
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if _, err := parseVersion(l); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		out = append(out, l)
	}
	return out, nil
}
