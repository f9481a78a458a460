package corefile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dnslint/dnslint/internal/fuzzguard"

	"github.com/coredns/caddy/caddyfile"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// fuzzSeeds are the Corefiles of the repository's fixtures and, when it is there, of the
// real-world corpus beside the repository.
func fuzzSeeds(f *testing.F) [][]byte {
	var seeds [][]byte
	add := func(path string) {
		if b, err := os.ReadFile(path); err == nil {
			seeds = append(seeds, b)
		}
	}
	_ = filepath.WalkDir("../../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.Contains(strings.ToLower(d.Name()), "corefile") ||
			filepath.Base(filepath.Dir(path)) == "fidelity" && !strings.HasSuffix(path, ".md")) {
			add(path)
		}
		return nil
	})
	for _, dir := range []string{"/work/shared/corpus/real/corefile", "/work/shared/corpus/real/corefile-templated"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			add(filepath.Join(dir, e.Name()))
		}
	}
	if len(seeds) == 0 {
		f.Fatal("no Corefile seeds found")
	}
	return seeds
}

// FuzzParse parses any text as a Corefile: no panic, no hang, every position inside the
// text, the same result twice, and — for texts without imports or environment
// placeholders, which caddy resolves from the disk and the environment — the same
// verdict as caddy's own parser, with the same message and the same tokens per directive.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{
		"", "{", "}", "\ufeff.:53 {\r\n  forward . 1.1.1.1#53\r\n}\r\n", "a\rb {\n}\n", "\"unterminated\n{\n",
		"(s) {\n  import s\n}\n.:53 {\n  import s\n}\n", "(a) {\n import b\n}\n(b) {\n import a\n}\n.:53 {\n import a\n}\n",
		".:53 {\n  x \"a\\\"b\" c#d \"e\nf\" {\n  }\n}\n", ".:53\nlog\n", "a, b,\nc {\n}\n", "\xff\xfe\x00{\n}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzguard.Watchdog(5*time.Second, data)()
		text := &source.Text{File: "Corefile", Name: "Corefile", Body: data}
		res, err := Parse(text, nil)
		again, err2 := Parse(&source.Text{File: "Corefile", Name: "Corefile", Body: bytes.Clone(data)}, nil)
		if !reflect.DeepEqual(res, again) || !reflect.DeepEqual(err, err2) {
			t.Fatalf("two parses differ: %v / %v", err, err2)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		check := func(what string, p model.Pos) {
			if p.File != "Corefile" || p.Line < 1 || p.Line > lines || p.Col < 1 ||
				p.EndLine < p.Line || p.EndLine > lines || p.EndCol < 1 || p.EndLine == p.Line && p.EndCol < p.Col {
				t.Fatalf("%s at %#v, outside a text of %d lines", what, p, lines)
			}
		}
		var perr *Error
		var lerr *LimitError
		switch {
		case errors.As(err, &lerr):
			// dnslint's own limit, which caddy does not have.
			check("limit "+lerr.Msg, lerr.Pos)
			return
		case errors.As(err, &perr):
			check("error "+perr.Msg, perr.Pos)
		case err != nil:
			t.Fatalf("error %T %v is not a *corefile.Error", err, err)
		default:
			checkResult(t, res, check)
		}
		if bytes.Contains(data, []byte("import")) || bytes.Contains(data, []byte("{$")) || bytes.Contains(data, []byte("{%")) {
			return
		}
		theirs, cerr := caddyfile.Parse("Corefile", bytes.NewReader(data), nil)
		switch {
		case (err == nil) != (cerr == nil):
			t.Fatalf("ours %v, caddy %v", err, cerr)
		case err != nil && err.Error() != cerr.Error():
			t.Fatalf("ours %q, caddy %q", err, cerr)
		case err == nil:
			if got, want := groups(res), caddyGroups(theirs); got != want {
				t.Fatalf("blocks differ:\nours  %s\ncaddy %s", got, want)
			}
		}
	})
}

// checkResult checks every position a parse result holds.
func checkResult(t *testing.T, res *Result, check func(string, model.Pos)) {
	t.Helper()
	var walk func([]*model.Directive)
	walk = func(ds []*model.Directive) {
		for _, d := range ds {
			check("directive "+d.Name, d.Pos)
			for _, a := range d.Args {
				check("argument "+a.Text, a.Pos)
			}
			walk(d.Block)
		}
	}
	for _, b := range res.Blocks {
		check("block", b.Pos)
		for _, k := range b.Keys {
			check("key "+k.Text, k.Pos)
		}
		for _, tr := range b.Truncated {
			check("truncated "+tr.Dropped, tr.Pos)
		}
		walk(b.Directives)
	}
	for _, i := range res.Imports {
		check("import "+i.Pattern, i.Pos)
	}
}
