package setuptests

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/dnslint/dnslint/internal/fidelity"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

var (
	root         = filepath.Join("..", "..", "..")
	recordDir    = filepath.Join(root, "testdata", "fidelity", "setup")
	resultsFile  = filepath.Join(root, "testdata", "fidelity", "SETUP-RESULTS.md")
	versionsFile = filepath.Join(root, "scripts", "fidelity", "versions")
)

// TestSetupFidelity is make fidelity-setup: for every pinned CoreDNS version it extracts
// the cases of that version's setup tests, requires a recorded verdict for each (else:
// run make fidelity-setup-record), lints each case with dnslint for that version and
// requires an error exactly when the binary refused: no false error at all, and no miss
// that testdata/fidelity/setup/known-misses-<version>.txt does not list (a listed case
// that now agrees fails too). It starts no CoreDNS. DNSLINT_SETUP_WRITE_MISSES=1 rewrites
// the known-misses files from the current misses (for a newly recorded version; the
// diff is the review). Writes testdata/fidelity/SETUP-RESULTS.md, unless
// DNSLINT_FIDELITY_VERSIONS (comma-separated) narrows the run.
func TestSetupFidelity(t *testing.T) {
	if os.Getenv("DNSLINT_FIDELITY_SETUP") != "1" {
		t.Skip("set DNSLINT_FIDELITY_SETUP=1 (make fidelity-setup) to compare dnslint with the recorded verdicts")
	}
	versions, err := fidelity.ReadVersions(versionsFile)
	if err != nil {
		t.Fatal(err)
	}
	full := true
	if vs := os.Getenv("DNSLINT_FIDELITY_VERSIONS"); vs != "" {
		versions, full = strings.Split(vs, ","), false
	}
	ctx := context.Background()
	var all []VersionResults
	for _, v := range versions {
		src, err := Source(v)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := Extract(src)
		if err != nil {
			t.Fatal(err)
		}
		path := RecordPath(recordDir, v)
		rec, err := ReadRecord(path, v)
		if err != nil {
			t.Fatal(err)
		}
		merged, todo := Merge(rec, cases, true)
		if len(todo) > 0 {
			t.Errorf("CoreDNS %s: %d case contents have no recorded verdict (first: %s): run make fidelity-setup-record", v, len(todo), todo[0].ID)
			continue
		}
		if stale := staleRecord(rec, merged); stale != "" {
			t.Errorf("%s is stale (%s): run make fidelity-setup-record", path, stale)
		}
		l, err := lint.New(ctx, lint.Options{CoreDNSVersion: v})
		if err != nil {
			t.Fatal(err)
		}
		results := lintAll(ctx, t, l, merged, src)
		silent, err := silentRules(v)
		if err != nil {
			t.Fatal(err)
		}
		knownPath := filepath.Join(recordDir, KnownMissesName(v))
		if os.Getenv("DNSLINT_SETUP_WRITE_MISSES") == "1" {
			Judge(v, results, nil, silent)
			if err := os.WriteFile(knownPath, []byte(KnownMisses(v, results)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		known, err := ReadKnownMisses(knownPath)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Judge(v, results, known, silent) {
			t.Error(f)
		}
		all = append(all, VersionResults{Version: v, Results: results})
	}
	report := Report(all)
	t.Log("\n" + report)
	if full && len(all) == len(versions) {
		if err := os.WriteFile(resultsFile, []byte(report), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// silentRules are the rules that testdata/fidelity proves, on this version, to report a
// silent failure: named in a `start rule=` label (CoreDNS starts, the rule must report).
func silentRules(version string) (map[string]bool, error) {
	cases, err := fidelity.LoadCases(filepath.Join(root, "testdata", "fidelity"))
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, c := range cases {
		e, err := c.For(version)
		if err != nil {
			return nil, err
		}
		if e.Outcome == fidelity.Start {
			for _, r := range e.Rules {
				out[r] = true
			}
		}
	}
	return out, nil
}

// staleRecord tells how the committed record differs from the extracted cases with
// their verdicts ("" when it does not).
func staleRecord(rec *Record, merged []*Recorded) string {
	have := map[string]string{}
	for _, c := range rec.Cases {
		have[c.ID] = asRecorded(c)
	}
	if len(have) != len(merged) {
		return "it holds other cases"
	}
	for _, c := range merged {
		if h, ok := have[c.ID]; !ok || h != asRecorded(c) {
			return c.ID + " changed"
		}
	}
	return ""
}

// asRecorded is a case as the JSON file holds it: a Corefile that is not UTF-8 (a test
// of invalid bytes) is stored with U+FFFD, its hash keeping the original.
func asRecorded(c *Recorded) string {
	b, _ := json.Marshal(c)
	var back Recorded
	if err := json.Unmarshal(b, &back); err != nil {
		return string(b)
	}
	b, _ = json.Marshal(&back)
	return string(b)
}

// lintAll lints every case with a verdict in its own directory (Corefile and the
// files the test writes), as a user lints the Corefile; the linter serves many
// inputs at once.
func lintAll(ctx context.Context, t *testing.T, l *lint.Linter, cases []*Recorded, src string) []*Result {
	results := make([]*Result, len(cases))
	var wg sync.WaitGroup
	ch := make(chan int)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ch {
				results[i] = lintCase(ctx, l, cases[i], src, t.TempDir())
			}
		}()
	}
	for i := range cases {
		ch <- i
	}
	close(ch)
	wg.Wait()
	return results
}

func lintCase(ctx context.Context, l *lint.Linter, c *Recorded, src, dir string) *Result {
	r := &Result{Recorded: c}
	if c.Skip != "" {
		return r
	}
	if err := c.Layout(dir, src); err != nil {
		r.LintFailed = err.Error()
		return r
	}
	f := &source.File{Path: "Corefile", Abs: filepath.Join(dir, "Corefile"), Root: dir, Format: source.Corefile, Data: []byte(c.Corefile)}
	res, err := l.Lint(ctx, []*source.File{f})
	if err != nil {
		r.LintFailed = err.Error()
		return r
	}
	for _, fd := range res.Findings {
		if fd.Severity == finding.Error {
			r.Errors = append(r.Errors, fd.RuleID+": "+fidelity.Stable(fd.Message, dir))
			r.Rules = append(r.Rules, fd.RuleID)
		}
	}
	return r
}
