package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dnslint/dnslint/internal/fuzzguard"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/source"
)

// allRules is a Linter with every rule of the catalog enabled.
var allRules = sync.OnceValues(func() (*lint.Linter, error) {
	cat, err := engine.LoadCatalog()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, r := range cat.Rules {
		ids = append(ids, r.ID)
	}
	return lint.New(context.Background(), lint.Options{Config: &config.Config{}, Enable: ids})
})

// fuzzSeed reads up to n files of a fixture directory whose names end in suffix.
func fuzzSeed(pattern string, n int) [][]byte {
	names, _ := filepath.Glob(pattern)
	var out [][]byte
	for _, name := range names {
		if b, err := os.ReadFile(name); err == nil && len(out) < n {
			out = append(out, b)
		}
	}
	return out
}

// FuzzLint runs the whole pipeline — parse, compose, every rule, suppressions — on a
// Corefile, a manifest and a resolv.conf linted together: no panic, no error, the same
// sorted findings twice, and every finding inside a file the run read.
func FuzzLint(f *testing.F) {
	corefiles := fuzzSeed("../testdata/rules/*/*/bad*.corefile", 40)
	manifests := fuzzSeed("../testdata/rules/*/*/bad*.yaml", 40)
	resolvs := fuzzSeed("../testdata/rules/*/*/bad*.resolv.conf", 10)
	for i := range max(len(corefiles), len(manifests)) {
		f.Add(corefiles[i%len(corefiles)], manifests[i%len(manifests)], resolvs[i%len(resolvs)])
	}
	f.Add([]byte("import ../*\n(s) {\n import s\n}\n"), []byte("kind: ConfigMap\nmetadata: {name: coredns-custom}\ndata: {x.server: 'import /etc/*'}\n"), []byte("options ndots:99\n"))
	l, err := allRules()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, corefile, manifest, resolv []byte) {
		defer fuzzguard.Watchdog(20*time.Second, corefile, manifest, resolv)()
		files := func() []*source.File {
			return []*source.File{
				{Path: "fuzz/Corefile", Abs: "/fuzz/Corefile", Root: "/fuzz", Format: source.Corefile, Data: bytes.Clone(corefile)},
				{Path: "fuzz/dns.yaml", Abs: "/fuzz/dns.yaml", Root: "/fuzz", Format: source.YAML, Data: bytes.Clone(manifest)},
				{Path: "fuzz/resolv.conf", Abs: "/fuzz/resolv.conf", Root: "/fuzz", Format: source.Resolv, Data: bytes.Clone(resolv)},
			}
		}
		res, err := l.Lint(context.Background(), files())
		if err != nil {
			t.Fatalf("lint: %v", err)
		}
		again, err := l.Lint(context.Background(), files())
		if err != nil {
			t.Fatalf("lint again: %v", err)
		}
		if !reflect.DeepEqual(res.Findings, again.Findings) {
			t.Fatalf("two runs differ:\n%v\n%v", res.Findings, again.Findings)
		}
		for _, f := range res.Findings {
			b, ok := res.Sources[f.Pos.File]
			if !ok {
				t.Fatalf("finding in %s, which the run did not read: %+v", f.Pos.File, f)
			}
			p := f.Pos
			if p.Line == 0 && p.Col == 0 {
				continue // the whole file
			}
			n := bytes.Count(b, []byte("\n")) + 1
			if p.Line < 1 || p.Line > n || p.Col < 1 || p.EndLine < p.Line || p.EndLine > n {
				t.Fatalf("%s: finding at %+v, outside a file of %d lines: %s", f.RuleID, p, n, f.Message)
			}
			if strings.TrimSpace(f.Message) == "" {
				t.Fatalf("%s: empty message at %+v", f.RuleID, p)
			}
		}
	})
}
