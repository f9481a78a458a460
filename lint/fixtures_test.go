package lint_test

// Fixture tests: every rule of the catalog proves what it catches, and where, on files
// an operator would really write (testdata/rules/<category>/<name>/); the default
// configurations the distributions ship lint clean (testdata/distro-defaults/); and the
// bugs found while writing fixtures stay reproducible until they are fixed
// (testdata/bugs/).

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/render"
	"github.com/dnslint/dnslint/lint/source"
)

// Fixture directories, relative to this package.
var (
	ruleFixturesDir    = filepath.Join("..", "testdata", "rules")
	bugFixturesDir     = filepath.Join("..", "testdata", "bugs")
	distroDefaultsDir  = filepath.Join("..", "testdata", "distro-defaults")
	knowledgeDefaults  = filepath.Join("..", "..", "shared", "knowledge", "default-corefiles")
	ruleExamplesKnown  = filepath.Join(bugFixturesDir, "rule-examples.txt")
	distroExpectedInfo = filepath.Join(distroDefaultsDir, "expected.txt")
	distroVersions     = filepath.Join(distroDefaultsDir, "coredns-versions.txt")
)

// distroExcluded are the default Corefiles of ../shared/knowledge/default-corefiles that
// are not copied to testdata/distro-defaults, and why. Templates (*.gotmpl, *.j2, *.tmpl)
// and notes (*.txt) are never copied.
var distroExcluded = map[string]string{
	"gardener.corefile": "a documented layout, not a rendered Corefile: `[search-rewrites]` and `kubernetes[clusterDomain]in-addr.arpa` are placeholders of the Gardener docs",
}

var (
	fixtureOnce    sync.Once
	fixtureLint    *lint.Linter
	fixtureCatalog *engine.Catalog
	fixtureErr     error
)

// allRulesLinter is a Linter with a zero configuration and every rule of the catalog
// enabled (rules that are off by default too), shared by the fixture tests.
func allRulesLinter(t *testing.T) (*lint.Linter, *engine.Catalog) {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureCatalog, fixtureErr = engine.LoadCatalog()
		if fixtureErr != nil {
			return
		}
		var all []string
		for _, r := range fixtureCatalog.Rules {
			all = append(all, r.ID)
		}
		fixtureLint, fixtureErr = lint.New(context.Background(), lint.Options{Config: &config.Config{}, Enable: all})
	})
	if fixtureErr != nil {
		t.Fatalf("building the linter: %v", fixtureErr)
	}
	return fixtureLint, fixtureCatalog
}

// got is one finding as the fixtures name it: its file relative to the fixture directory.
type got struct {
	file      string
	line, col int
	severity  finding.Severity
	rule      string
	message   string
}

// key is the form of a want.txt line: "<file>:<line>:<col> <severity>".
func (g got) key() string { return fmt.Sprintf("%s:%d:%d %s", g.file, g.line, g.col, g.severity) }

func (g got) String() string { return fmt.Sprintf("%s %s: %s", g.key(), g.rule, g.message) }

// lintFixtures lints files of dir in one run, as the CLI lints paths named on its command
// line, and returns the findings with file names relative to dir.
func lintFixtures(t *testing.T, l *lint.Linter, dir string, names []string) []got {
	t.Helper()
	gs, err := lintDir(l, dir, names)
	if err != nil {
		t.Fatal(err)
	}
	return gs
}

// lintDir is lintFixtures that returns what goes wrong.
func lintDir(l *lint.Linter, dir string, names []string) ([]got, error) {
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join(dir, n))
	}
	files, problems := render.Collect(context.Background(), &source.Walker{}, paths, render.Options{})
	if len(problems) > 0 || len(files) < len(names) {
		return nil, fmt.Errorf("reading the fixtures %v of %s: read %d, problems %v", names, dir, len(files), problems)
	}
	res, err := l.Lint(context.Background(), files)
	if err != nil {
		return nil, fmt.Errorf("linting %v in %s: %w", names, dir, err)
	}
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	out := make([]got, 0, len(res.Findings))
	for _, f := range res.Findings {
		out = append(out, got{
			file: strings.TrimPrefix(f.Pos.File, prefix), line: f.Pos.Line, col: f.Pos.Col,
			severity: f.Severity, rule: f.RuleID, message: f.Message,
		})
	}
	return out, nil
}

// fixtureNames lists the files of dir whose names start with prefix. Each must have a
// name that tells its format, as the walker would lint it in a user's repository.
func fixtureNames(t *testing.T, dir, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("fixture directory: %v", err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if e.IsDir() { // a Helm chart or a kustomization, rendered (lint/render)
			names = append(names, e.Name())
			continue
		}
		if source.FormatOf(e.Name()) == "" {
			t.Errorf("%s: the name does not tell the format: name it %s*.corefile, %s*.yaml, %s*.json or %s*.resolv.conf",
				filepath.Join(dir, e.Name()), prefix, prefix, prefix, prefix)
			continue
		}
		names = append(names, e.Name())
	}
	return names
}

var (
	wantLine    = regexp.MustCompile(`^(\S+):(\d+):(\d+) (error|warning|info)$`)
	bugWantLine = regexp.MustCompile(`^(\S+):(\d+):(\d+) (error|warning|info) (\S+)$`)
)

// readWant reads a want.txt: one expected finding a line, matched by re (whose first four
// groups are file, line, col and severity). Blank lines and # comments are skipped. It
// returns the lines normalized (the number fields without leading zeros).
func readWant(t *testing.T, file string, re *regexp.Regexp) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("expected findings: %v (one line per finding: <file>:<line>:<col> <severity>)", err)
	}
	return parseWant(t, file, b, re)
}

// parseWant is readWant on the content b of file.
func parseWant(t *testing.T, file string, b []byte, re *regexp.Regexp) []string {
	t.Helper()
	var want []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := re.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("%s:%d: %q is not %s", file, n, line, re)
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if ln < 1 || col < 1 {
			t.Fatalf("%s:%d: lines and columns are 1-based", file, n)
		}
		w := fmt.Sprintf("%s:%d:%d %s", m[1], ln, col, m[4])
		if len(m) > 5 {
			w += " " + m[5]
		}
		want = append(want, w)
	}
	return want
}

// diffKeys compares two multisets of keys: what want has that got lacks, and the reverse.
func diffKeys(want, got []string) (missing, unexpected []string) {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, g := range got {
		count[g]--
	}
	for k, n := range count {
		for ; n > 0; n-- {
			missing = append(missing, k)
		}
		for ; n < 0; n++ {
			unexpected = append(unexpected, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(unexpected)
	return missing, unexpected
}

// explain writes a diff of findings: each missing key with what was reported on its line
// instead, and each unexpected finding with its message.
func explain(missing, unexpected []string, all []got, keyOf func(got) string) string {
	var b strings.Builder
	if len(missing) > 0 {
		b.WriteString("  missing (in want.txt, not reported):\n")
		for _, m := range missing {
			fmt.Fprintf(&b, "    %s\n", m)
			file, rest, _ := strings.Cut(m, ":")
			line, _, _ := strings.Cut(rest, ":")
			for _, g := range all {
				if g.file == file && strconv.Itoa(g.line) == line {
					fmt.Fprintf(&b, "      reported on that line: %s\n", g)
				}
			}
		}
	}
	if len(unexpected) > 0 {
		b.WriteString("  unexpected (reported, not in want.txt):\n")
		for _, u := range unexpected {
			for _, g := range all {
				if keyOf(g) == u {
					fmt.Fprintf(&b, "    %s\n", g)
					break
				}
			}
		}
	}
	return b.String()
}

// isSyntaxRule tells whether a rule reports input its parser rejects (yaml/syntax,
// corefile/syntax, resolv/syntax, …).
func isSyntaxRule(id string) bool { return strings.HasSuffix(id, "/syntax") }

// checkNoForeignSyntax fails on findings of a syntax rule other than rule: a fixture
// that does not parse proves nothing about the rule it is for.
func checkNoForeignSyntax(t *testing.T, what, rule string, gs []got) {
	t.Helper()
	for _, g := range gs {
		if isSyntaxRule(g.rule) && g.rule != rule {
			t.Errorf("%s of %s do not parse: %s", what, rule, g)
		}
	}
}

// TestRuleFixtures lints the fixtures of every rule of the catalog:
// testdata/rules/<category>/<name>/ holds bad* files (linted together in one run) whose
// findings of the rule must be exactly want.txt, and good* files (another run) with no
// finding of the rule. Neither may have a finding of another rule's syntax check.
func TestRuleFixtures(t *testing.T) {
	l, cat := allRulesLinter(t)
	for _, r := range cat.Rules {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(ruleFixturesDir, filepath.FromSlash(r.ID))
			if _, err := os.Stat(dir); err != nil {
				t.Fatalf("rule %s has no fixtures: create %s with bad* and good* files and want.txt (%v)", r.ID, dir, err)
			}
			bad, good := fixtureNames(t, dir, "bad"), fixtureNames(t, dir, "good")
			if len(bad) == 0 {
				t.Errorf("%s: no bad* fixture (a file on which %s reports)", dir, r.ID)
			}
			if len(good) == 0 {
				t.Errorf("%s: no good* fixture (a file on which %s is silent)", dir, r.ID)
			}
			if len(bad) > 0 {
				want := readWant(t, filepath.Join(dir, "want.txt"), wantLine)
				checkWantFiles(t, dir, bad, want)
				all := lintFixtures(t, l, dir, bad)
				var keys []string
				for _, g := range all {
					if g.rule == r.ID {
						keys = append(keys, g.key())
					}
				}
				if missing, unexpected := diffKeys(want, keys); len(missing)+len(unexpected) > 0 {
					t.Errorf("findings of %s on the bad fixtures of %s differ from want.txt:\n%s", r.ID, dir,
						explain(missing, unexpected, all, func(g got) string {
							if g.rule != r.ID {
								return ""
							}
							return g.key()
						}))
				}
				checkNoForeignSyntax(t, "bad fixtures", r.ID, all)
			}
			if len(good) > 0 {
				all := lintFixtures(t, l, dir, good)
				for _, g := range all {
					if g.rule == r.ID {
						t.Errorf("good fixture of %s reports it: %s", r.ID, g)
					}
				}
				checkNoForeignSyntax(t, "good fixtures", r.ID, all)
			}
		})
	}
}

// checkWantFiles checks that want.txt names only bad files, and every bad file: a bad
// fixture on which the rule is silent proves nothing.
func checkWantFiles(t *testing.T, dir string, bad, want []string) {
	t.Helper()
	named := map[string]bool{}
	for _, w := range want {
		file, _, _ := strings.Cut(w, ":")
		file, _, _ = strings.Cut(file, "/") // a file of a rendered directory
		named[file] = true
		if !slices.Contains(bad, file) {
			t.Errorf("%s/want.txt: %q names no bad* fixture of the directory", dir, w)
		}
	}
	for _, b := range bad {
		if !named[b] {
			t.Errorf("%s/want.txt expects no finding in %s: a bad fixture must fail", dir, b)
		}
	}
}

// TestRuleFixtureDirs fails on a fixture directory that no rule owns any more (a rule was
// renamed or removed).
func TestRuleFixtureDirs(t *testing.T) {
	_, cat := allRulesLinter(t)
	dirs, err := filepath.Glob(filepath.Join(ruleFixturesDir, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		rel, _ := filepath.Rel(ruleFixturesDir, d)
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			continue
		}
		if _, ok := cat.Rule(filepath.ToSlash(rel)); !ok {
			t.Errorf("%s: no rule %s in the catalog: rename or remove the fixtures", d, filepath.ToSlash(rel))
		}
	}
}

// TestRuleMetadataExamples lints each rule's METADATA examples (custom.bad, custom.good),
// which the docs show as "Bad" and "Fixed": the bad one must make the rule report, the
// good one must not. testdata/bugs/rule-examples.txt lists the known failures.
func TestRuleMetadataExamples(t *testing.T) {
	l, cat := allRulesLinter(t)
	known := readReasons(t, ruleExamplesKnown)
	var mu sync.Mutex
	seen := map[string]bool{}
	t.Cleanup(func() {
		for key := range known {
			if !seen[key] {
				t.Errorf("%s: %q names no rule example", ruleExamplesKnown, key)
			}
		}
	})
	for _, r := range cat.Rules {
		for _, kind := range []string{"bad", "good"} {
			t.Run(r.ID+"/"+kind, func(t *testing.T) {
				t.Parallel()
				text := map[string]string{"bad": r.Bad, "good": r.Good}[kind]
				if strings.TrimSpace(text) == "" {
					t.Fatalf("rule %s has no METADATA custom.%s example", r.ID, kind)
				}
				format := source.Sniff([]byte(text))
				ext := map[source.Format]string{source.Corefile: ".corefile", source.YAML: ".yaml", source.Resolv: ".resolv.conf"}[format]
				if ext == "" {
					t.Fatalf("cannot tell the format of the %s example of %s:\n%s", kind, r.ID, text)
				}
				name := kind + "-example" + ext
				res, err := l.Lint(context.Background(), []*source.File{{
					Path: name, Abs: "/examples/" + r.ID + "/" + name, Root: "/examples/" + r.ID, Format: format, Data: []byte(text),
				}})
				var n int
				var report []string
				if err == nil {
					for _, f := range res.Findings {
						if f.RuleID == r.ID {
							n++
						}
						report = append(report, fmt.Sprintf("    %s %s %s: %s", f.Pos, f.Severity, f.RuleID, f.Message))
					}
				}
				var problem string
				switch {
				case err != nil:
					problem = fmt.Sprintf("linting it fails: %v", err)
				case kind == "bad" && n == 0:
					problem = "it does not make the rule report"
				case kind == "good" && n > 0:
					problem = "the rule reports on it"
				}
				key := r.ID + " " + kind
				mu.Lock()
				seen[key] = true
				mu.Unlock()
				if reason, ok := known[key]; ok {
					if problem == "" {
						t.Errorf("%s/rule-examples.txt: the %s example of %s works now: remove the line %q", bugFixturesDir, kind, r.ID, key)
					}
					t.Skipf("known bug (%s): %s", reason, problem)
				}
				if problem != "" {
					t.Errorf("METADATA custom.%s of %s: %s\n  example:\n%s\n  findings:\n%s", kind, r.ID, problem,
						indent(text, "    "), strings.Join(report, "\n"))
				}
			})
		}
	}
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+prefix)
}

// readReasons reads "<key> -- <reason>" lines (blank lines and # comments skipped); a
// missing file is empty.
func readReasons(t *testing.T, file string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return map[string]string{}
	}
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for n, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, reason, ok := strings.Cut(line, " -- ")
		if !ok || strings.TrimSpace(reason) == "" || strings.TrimSpace(key) == "" {
			t.Fatalf("%s:%d: %q: want `<key> -- <reason>`", file, n+1, line)
		}
		m[strings.Join(strings.Fields(key), " ")] = strings.TrimSpace(reason)
	}
	return m
}

// TestKnownBugs keeps the bugs found while writing fixtures reproducible. Each directory
// of testdata/bugs/ holds bad* files (linted together, every rule on), bug.txt (what is
// wrong, first line a summary) and want.txt: the findings a correct dnslint reports on
// them, "<file>:<line>:<col> <severity> <rule>", of the rules named there or on a line
// "rules: <rule> <rule>…" (findings of other rules are not compared). While dnslint
// disagrees the test is skipped with the difference; once it agrees the test fails, so
// that the fixtures move to testdata/rules/ and the directory goes.
func TestKnownBugs(t *testing.T) {
	l, _ := allRulesLinter(t)
	dirs, err := os.ReadDir(bugFixturesDir)
	if os.IsNotExist(err) {
		t.Skip("no known bugs")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(bugFixturesDir, d.Name())
			summary, err := os.ReadFile(filepath.Join(dir, "bug.txt"))
			if err != nil || len(bytes.TrimSpace(summary)) == 0 {
				t.Fatalf("%s: bug.txt must say what is wrong (%v)", dir, err)
			}
			first, _, _ := strings.Cut(string(summary), "\n")
			bad := fixtureNames(t, dir, "bad")
			if len(bad) == 0 {
				t.Fatalf("%s: no bad* fixture", dir)
			}
			want, rules := readBugWant(t, filepath.Join(dir, "want.txt"))
			gs, lintErr := lintDir(l, dir, bad)
			keyOf := func(g got) string {
				if !rules[g.rule] {
					return ""
				}
				return g.key() + " " + g.rule
			}
			var keys []string
			for _, g := range gs {
				if k := keyOf(g); k != "" {
					keys = append(keys, k)
				}
			}
			missing, unexpected := diffKeys(want, keys)
			if lintErr == nil && len(missing)+len(unexpected) == 0 {
				t.Errorf("fixed: %s\n  dnslint now reports exactly %s/want.txt: move the fixtures into testdata/rules/<rule>/ (with their want.txt lines) and delete %s",
					first, dir, dir)
				return
			}
			detail := explain(missing, unexpected, gs, keyOf)
			if lintErr != nil {
				detail = "  linting fails: " + lintErr.Error()
			}
			t.Skipf("known bug: %s\n%s", first, detail)
		})
	}
}

// readBugWant reads the want.txt of a known bug: its findings, and the rules compared
// (those of the findings and of a "rules:" line).
func readBugWant(t *testing.T, file string) ([]string, map[string]bool) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	var kept []string
	for _, line := range strings.Split(string(b), "\n") {
		if list, ok := strings.CutPrefix(strings.TrimSpace(line), "rules:"); ok {
			for _, r := range strings.Fields(list) {
				rules[r] = true
			}
			line = "# " + line // keeps the line numbers of parse errors
		}
		kept = append(kept, line)
	}
	want := parseWant(t, file, []byte(strings.Join(kept, "\n")), bugWantLine)
	for _, w := range want {
		rules[w[strings.LastIndex(w, " ")+1:]] = true
	}
	if len(rules) == 0 {
		t.Fatalf("%s names no rule: list the expected findings, or the rules that must stay silent on a line `rules: <rule>…`", file)
	}
	return want, rules
}

// TestDistroDefaults lints, each on its own, the default configuration every distribution
// ships (testdata/distro-defaults/, copied with their `# source:` line): no error, no
// warning, and only the info findings listed with a reason in expected.txt
// ("<file> <rule> -- <reason>"). A default of an older release is linted against the
// CoreDNS it shipped with, as coredns-versions.txt says ("<file> <version> -- <reason>");
// the others against the latest release dnslint knows.
func TestDistroDefaults(t *testing.T) {
	allRulesLinter(t)
	expected := readReasons(t, distroExpectedInfo)
	versions := map[string]string{}
	for key := range readReasons(t, distroVersions) {
		file, version, ok := strings.Cut(key, " ")
		if !ok {
			t.Fatalf("%s: %q: want `<file> <coredns-version> -- <reason>`", distroVersions, key)
		}
		versions[file] = version
	}
	linters := map[string]*lint.Linter{}
	for _, v := range versions {
		linters[v] = versionLinter(t, v)
	}
	linters[""] = versionLinter(t, "")
	var mu sync.Mutex
	used := map[string]bool{}
	t.Cleanup(func() {
		for key := range expected {
			if !used[key] {
				t.Errorf("%s: %q matches no finding any more: remove it", distroExpectedInfo, key)
			}
		}
	})
	entries, err := os.ReadDir(distroDefaultsDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() || source.FormatOf(e.Name()) == "" {
			continue
		}
		n++
		t.Run(e.Name(), func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(filepath.Join(distroDefaultsDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("# source: ")) {
				t.Errorf("%s: the first line must be `# source: <where it comes from>`", e.Name())
			}
			for _, g := range lintFixtures(t, linters[versions[e.Name()]], distroDefaultsDir, []string{e.Name()}) {
				key := g.file + " " + g.rule
				switch {
				case g.severity == finding.Error:
					t.Errorf("the default configuration of a distribution gets %s", g)
				case expected[key] == "":
					t.Errorf("unreviewed finding on a distribution default: %s\n  (if it is right, add `%s -- <why>` to %s)", g, key, distroExpectedInfo)
				default:
					mu.Lock()
					used[key] = true
					mu.Unlock()
				}
			}
		})
	}
	if n < 10 {
		t.Errorf("only %d distribution defaults in %s", n, distroDefaultsDir)
	}
	for file := range versions {
		if _, err := os.Stat(filepath.Join(distroDefaultsDir, file)); err != nil {
			t.Errorf("%s: %s: %v", distroVersions, file, err)
		}
	}
}

// versionLinter is the all-rules Linter for a CoreDNS release ("": the latest known).
func versionLinter(t *testing.T, version string) *lint.Linter {
	t.Helper()
	l, cat := allRulesLinter(t)
	if version == "" {
		return l
	}
	var all []string
	for _, r := range cat.Rules {
		all = append(all, r.ID)
	}
	l, err := lint.New(context.Background(), lint.Options{Config: &config.Config{}, Enable: all, CoreDNSVersion: version})
	if err != nil {
		t.Fatalf("linter for CoreDNS %s: %v", version, err)
	}
	return l
}

// TestDistroDefaultsMatchKnowledge checks the copies against the knowledge base beside
// the repository (skipped without it): same bytes, and every non-templated default
// Corefile copied or excluded with a reason (distroExcluded).
func TestDistroDefaultsMatchKnowledge(t *testing.T) {
	originals, err := filepath.Glob(filepath.Join(knowledgeDefaults, "*.corefile"))
	if err != nil || len(originals) == 0 {
		t.Skipf("knowledge base %s not present", knowledgeDefaults)
	}
	for _, o := range originals {
		name := filepath.Base(o)
		want, err := os.ReadFile(o)
		if err != nil {
			t.Fatal(err)
		}
		copied, err := os.ReadFile(filepath.Join(distroDefaultsDir, name))
		_, excluded := distroExcluded[name]
		switch {
		case excluded && err == nil:
			t.Errorf("%s is both copied and excluded", name)
		case excluded:
		case err != nil:
			t.Errorf("%s: default Corefile not copied to %s (copy it, or exclude it with a reason in distroExcluded): %v", o, distroDefaultsDir, err)
		case !bytes.Equal(copied, want):
			t.Errorf("%s differs from %s: copy it again", filepath.Join(distroDefaultsDir, name), o)
		}
	}
	for name := range distroExcluded {
		if _, err := os.Stat(filepath.Join(knowledgeDefaults, name)); err != nil {
			t.Errorf("distroExcluded: %s is not in %s", name, knowledgeDefaults)
		}
	}
}
