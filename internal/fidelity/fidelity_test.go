package fidelity

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

var (
	root         = filepath.Join("..", "..")
	casesDir     = filepath.Join(root, "testdata", "fidelity")
	versionsFile = filepath.Join(root, "scripts", "fidelity", "versions")
	runScript    = filepath.Join(root, "scripts", "fidelity", "run-coredns.sh")
	aksDefault   = filepath.Join(root, "lint", "compose", "platform", "aks.corefile")
	resultsFile  = filepath.Join(casesDir, "RESULTS.md")
	knownFile    = filepath.Join(casesDir, "known.txt")
)

// TestCases checks the labelled cases without CoreDNS: every case parses, has a label for
// every version of the suite, and the suite keeps its size (at least 60 cases, at least
// half of them crashing CoreDNS on some version).
func TestCases(t *testing.T) {
	cases, err := LoadCases(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := ReadVersions(versionsFile)
	if err != nil {
		t.Fatal(err)
	}
	crashing := 0
	for _, c := range cases {
		crashes := false
		for _, v := range versions {
			e, err := c.For(v)
			if err != nil {
				t.Error(err)
				continue
			}
			crashes = crashes || e.Outcome == Crash
		}
		if crashes {
			crashing++
		}
		if c.IsYAML() {
			if _, _, err := configMaps(c.Data); err != nil {
				t.Errorf("%s: %v", c.Name, err)
			}
		}
	}
	if len(cases) < 60 || 2*crashing < len(cases) {
		t.Errorf("%d cases, %d crashing CoreDNS: want at least 60, at least half crashing", len(cases), crashing)
	}
	if _, err := os.Stat(aksDefault); err != nil {
		t.Errorf("platform default for lone coredns-custom cases: %v", err)
	}
}

func TestQuotes(t *testing.T) {
	r := finding.Rule{Description: "CoreDNS exits with `Unknown directive '<name>'` and\n`plugin/cache: cache TTL can not be zero or negative: %d`; `force_tcp`, `forward . <upstream> { force_tcp }`."}
	qs := Quotes(r, []finding.Finding{{Message: "exits with `more than 15 TOs configured: 16` …"}})
	var texts []string
	for _, q := range qs {
		texts = append(texts, q.Text)
	}
	want := "Unknown directive '<name>'|plugin/cache: cache TTL can not be zero or negative: %d|forward . <upstream> { force_tcp }|more than 15 TOs configured: 16"
	if got := strings.Join(texts, "|"); got != want {
		t.Fatalf("quotes:\n got %s\nwant %s", got, want)
	}
	for line, want := range map[string]int{
		"/tmp/x/Corefile:3 - Error during parsing: Unknown directive 'forwrd'": 0,
		"plugin/cache: cache TTL can not be zero or negative: 0":               1,
		"plugin/forward: more than 15 TOs configured: 16":                      3,
	} {
		for i, q := range qs {
			if q.Match(line) != (i == want) {
				t.Errorf("quote %q on %q: match %v", q.Text, line, q.Match(line))
			}
		}
	}
}

// TestQuoteWhitespace: quotes match byte for byte but for description line breaks.
func TestQuoteWhitespace(t *testing.T) {
	exact := Quotes(finding.Rule{Description: "exits with `wrong value for pods: <mode>,  must be one of:\n  disabled, verified, insecure`"}, nil)
	loose := Quotes(finding.Rule{Description: "exits with `wrong value for pods: <mode>, must be one of: disabled, verified, insecure`"}, nil)
	line := "plugin/kubernetes: wrong value for pods: verify,  must be one of: disabled, verified, insecure"
	if len(exact) != 1 || !exact[0].Match(line) {
		t.Errorf("%v does not match %q", exact, line)
	}
	if len(loose) != 1 || loose[0].Match(line) {
		t.Errorf("%v matches %q (one space where CoreDNS prints two)", loose, line)
	}
}

// TestFidelity starts every case with every CoreDNS version of the suite and compares with
// dnslint (make fidelity). It needs root, unshare and the CoreDNS builds of
// scripts/fidelity/install-coredns.sh. DNSLINT_FIDELITY_CASES (a regexp on file names)
// and DNSLINT_FIDELITY_VERSIONS (comma-separated) narrow the run; only a full run
// rewrites testdata/fidelity/RESULTS.md.
func TestFidelity(t *testing.T) {
	if os.Getenv("DNSLINT_FIDELITY") != "1" {
		t.Skip("set DNSLINT_FIDELITY=1 (make fidelity) to start real CoreDNS builds")
	}
	begin := time.Now()
	cases, err := LoadCases(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	versions, err := ReadVersions(versionsFile)
	if err != nil {
		t.Fatal(err)
	}
	full := true
	if re := os.Getenv("DNSLINT_FIDELITY_CASES"); re != "" {
		m := regexp.MustCompile(re)
		var keep []*Case
		for _, c := range cases {
			if m.MatchString(c.Name) {
				keep = append(keep, c)
			}
		}
		cases, full = keep, false
	}
	if vs := os.Getenv("DNSLINT_FIDELITY_VERSIONS"); vs != "" {
		versions, full = strings.Split(vs, ","), false
	}
	if os.Geteuid() != 0 {
		t.Fatal("the fidelity suite runs CoreDNS in its own network and mount namespaces: run it as root")
	}
	for _, tool := range []string{"unshare", "ip", "mount"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found (util-linux, iproute2): %v", tool, err)
		}
	}
	bins := map[string]string{}
	for _, v := range versions {
		bins[v] = filepath.Join(cacheDir(), "coredns", v, "coredns")
		if _, err := os.Stat(bins[v]); err != nil {
			t.Fatalf("CoreDNS %s not built: run scripts/fidelity/install-coredns.sh (make fidelity does): %v", v, err)
		}
	}
	script, _ := filepath.Abs(runScript)
	runner := &Runner{Script: script, Settle: 2 * time.Second, Timeout: 45 * time.Second}

	// dnslint: one linter per version, each case linted once per version.
	ctx := context.Background()
	linters := map[string]*lint.Linter{}
	var catalog map[string]finding.Rule
	for _, v := range versions {
		l, err := lint.New(ctx, lint.Options{CoreDNSVersion: v})
		if err != nil {
			t.Fatal(err)
		}
		linters[v] = l
		if catalog == nil {
			catalog = map[string]finding.Rule{}
			for _, r := range l.Catalog() {
				catalog[r.ID] = r
			}
		}
	}

	type job struct {
		c *Case
		v string
	}
	verdicts := map[job]*Verdict{}
	var jobs []job
	for _, c := range cases {
		for _, v := range versions {
			e, err := c.For(v)
			if err != nil {
				t.Fatal(err)
			}
			j := job{c, v}
			jobs = append(jobs, j)
			verdicts[j] = &Verdict{Case: c, Version: v, Expect: e}
		}
	}
	// Slow cases (CoreDNS waiting for the Kubernetes API) first, so the pool drains evenly.
	sort.SliceStable(jobs, func(i, k int) bool {
		return strings.Contains(string(jobs[i].c.Data), "kubernetes") && !strings.Contains(string(jobs[k].c.Data), "kubernetes")
	})
	workers := 4 * runtime.NumCPU()
	if n, err := strconv.Atoi(os.Getenv("DNSLINT_FIDELITY_JOBS")); err == nil && n > 0 {
		workers = n
	}
	ch := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				v := verdicts[j]
				run(ctx, v, linters[j.v], bins[j.v], runner, t.TempDir())
				Judge(v, catalog)
			}
		}()
	}
	for _, j := range jobs {
		ch <- j
	}
	close(ch)
	wg.Wait()

	var all []*Verdict
	for _, j := range jobs {
		all = append(all, verdicts[j])
	}
	sort.SliceStable(all, func(i, k int) bool {
		if all[i].Case.Name != all[k].Case.Name {
			return all[i].Case.Name < all[k].Case.Name
		}
		return versionIndex(versions, all[i].Version) < versionIndex(versions, all[k].Version)
	})
	report := Report(cases, versions, all)
	fmt.Print(report)
	if full {
		if err := os.WriteFile(resultsFile, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}
	known, err := readKnown(knownFile)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, v := range all {
		for _, p := range v.Problems {
			key := knownKey(v.Case.Name, v.Version, p.Kind)
			wild := knownKey(v.Case.Name, "*", p.Kind)
			switch {
			case p.Kind != Label && p.Kind != Broken && known[key]:
				used[key] = true
			case p.Kind != Label && p.Kind != Broken && known[wild]:
				used[wild] = true
			default:
				t.Errorf("%s on CoreDNS %s: %s %s", v.Case.Name, v.Version, p.Kind, p.Detail)
			}
		}
	}
	if full {
		for k := range known {
			if !used[k] {
				t.Errorf("testdata/fidelity/known.txt: %q no longer disagrees: remove the line", k)
			}
		}
	}
	t.Logf("%d cases × %d versions in %s", len(cases), len(versions), time.Since(begin).Round(time.Second))
}

// run starts CoreDNS on the case and lints it. A case that cannot be laid out leaves the
// verdict without outcome (BROKEN); a dnslint failure is kept in LintError.
func run(ctx context.Context, v *Verdict, l *lint.Linter, bin string, runner *Runner, dir string) {
	if err := Materialize(v.Case, dir, aksDefault); err != nil {
		v.CoreDNS = Result{Note: err.Error()}
		return
	}
	v.CoreDNS = runner.Run(ctx, bin, v.Version, dir)
	v.CoreDNS.Error = Stable(v.CoreDNS.Error, dir)
	fs, err := lintCase(ctx, l, v.Case, dir)
	if err != nil {
		v.LintError = err.Error()
		return
	}
	for _, f := range fs {
		f.Message = Stable(f.Message, dir)
		if f.Severity == finding.Error {
			v.Errors = append(v.Errors, f)
		} else {
			v.Others = append(v.Others, f)
		}
	}
}

func cacheDir() string {
	if d := os.Getenv("DNSLINT_CACHE"); d != "" {
		return d
	}
	return filepath.Join(root, ".cache")
}

func versionIndex(versions []string, v string) int {
	for i, x := range versions {
		if x == v {
			return i
		}
	}
	return len(versions)
}

// lintCase runs dnslint on a case as a user would lint the file: a Corefile case from the
// materialized directory (so that its imports resolve as CoreDNS resolves them), a
// ConfigMap case as the YAML file; the file's directory is the run's root, as for a file
// named on the command line (without one, no import is read).
func lintCase(ctx context.Context, l *lint.Linter, c *Case, dir string) ([]finding.Finding, error) {
	f := &source.File{Path: filepath.ToSlash(filepath.Join("testdata", "fidelity", c.Name)), Data: c.Data}
	if c.IsYAML() {
		f.Format, f.Abs, f.Root = source.YAML, c.Path, filepath.Dir(c.Path)
	} else {
		f.Format, f.Abs, f.Root = source.Corefile, filepath.Join(dir, "Corefile"), dir
	}
	res, err := l.Lint(ctx, []*source.File{f})
	if err != nil {
		return nil, err
	}
	return res.Findings, nil
}

func knownKey(name, version string, k Kind) string { return name + " " + version + " " + string(k) }

// readKnown reads testdata/fidelity/known.txt: accepted disagreements, one a line,
// "<case> <version|*> <KIND> -- <why>".
func readKnown(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		entry, why, ok := strings.Cut(line, " -- ")
		f := strings.Fields(entry)
		if !ok || strings.TrimSpace(why) == "" || len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want `<case> <version|*> <KIND> -- <why>`", path, i+1)
		}
		out[strings.Join(f, " ")] = true
	}
	return out, nil
}
