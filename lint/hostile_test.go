package lint_test

// Hostile input at the level of a whole run, linted as the CLI lints it (source.Walker,
// lint.New, Linter.Lint): each case must end within a hang guard, name the file in a
// finding or a problem, and leave the other files of the run linted.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

var defaultLinter = sync.OnceValues(func() (*lint.Linter, error) {
	return lint.New(context.Background(), lint.Options{})
})

func linter(t *testing.T, opts *lint.Options) *lint.Linter {
	t.Helper()
	l, err := defaultLinter()
	if opts != nil {
		l, err = lint.New(context.Background(), *opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// run is the outcome of linting paths as the CLI does.
type run struct {
	files    []*source.File
	problems []source.Problem
	res      *lint.Result
}

// problem returns the problem about a file named name, or "".
func (r *run) problem(name string) string {
	for _, p := range r.problems {
		if filepath.Base(p.Path) == name {
			return p.Error()
		}
	}
	return ""
}

// findings lists "<base name>:<line>:<col> <rule>" for every finding.
func (r *run) findings() []string {
	var out []string
	for _, f := range r.res.Findings {
		out = append(out, fmt.Sprintf("%s:%d:%d %s", filepath.Base(f.Pos.File), f.Pos.Line, f.Pos.Col, f.RuleID))
	}
	return out
}

func (r *run) has(t *testing.T, want string) finding.Finding {
	t.Helper()
	for i, f := range r.findings() {
		if f == want {
			return r.res.Findings[i]
		}
	}
	t.Errorf("no finding %s among\n  %s\nproblems %v", want, strings.Join(r.findings(), "\n  "), r.problems)
	return finding.Finding{}
}

// lintRun walks paths and lints them. A hang is caught by the test binary's -timeout,
// not by a wall-clock guard: how long a run takes depends on the machine.
func lintRun(t *testing.T, l *lint.Linter, w *source.Walker, paths ...string) *run {
	t.Helper()
	files, problems := w.Collect(paths)
	res, err := l.Lint(context.Background(), files)
	if err != nil {
		t.Fatalf("the run failed: %v", err)
	}
	return &run{files: files, problems: problems, res: res}
}

// okCorefile is the well-behaved file of every run: cache/low-ttl at ok.corefile:3:11.
const okCorefile = ".:53 {\n    errors\n    cache 5\n    forward . 10.0.0.53\n    loop\n}\n"

// dir writes files (name → content) into a new directory, with ok.corefile beside them.
func dir(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["ok.corefile"] = okCorefile
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// othersLinted checks that ok.corefile, the well-behaved file of the run, was linted.
func othersLinted(t *testing.T, r *run) {
	t.Helper()
	r.has(t, "ok.corefile:3:11 cache/low-ttl")
}

func TestHostileFileOverSizeLimit(t *testing.T) {
	root := dir(t, map[string]string{
		"big.yaml":     "apiVersion: v1\nkind: ConfigMap\n" + strings.Repeat("# padding\n", 600_000),
		"small.yaml":   "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {dnsPolicy: Bogus}\n" + strings.Repeat("#", 2000),
		"sub/Corefile": ".:53 {\n" + strings.Repeat("    # comment\n", 200) + "}\n",
	})
	// The default limit, 5 MiB.
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	if p := r.problem("big.yaml"); !strings.Contains(p, "big.yaml: file too large: 6000031 bytes, the limit is 5242880") {
		t.Errorf("big.yaml: problem %q", p)
	}
	othersLinted(t, r)
	r.has(t, "small.yaml:4:19 pod/invalid-dns-policy")
	// --max-file-size: the limit is the walker's (the CLI sets both).
	r = lintRun(t, linter(t, &lint.Options{MaxFileSize: 2000}), &source.Walker{MaxSize: 2000}, root)
	if p := r.problem("small.yaml"); !strings.Contains(p, "small.yaml: file too large: 2070 bytes, the limit is 2000") {
		t.Errorf("small.yaml over --max-file-size 2000: problem %q", p)
	}
	if p := r.problem("Corefile"); !strings.Contains(p, "file too large: 2809 bytes, the limit is 2000") {
		t.Errorf("sub/Corefile over --max-file-size 2000: problem %q", p)
	}
	othersLinted(t, r)
}

// TestHostileImportOverSizeLimit imports a file over the size limit: it is not read (no
// memory for it), and the finding names it and the limit; the rest of the Corefile is linted.
func TestHostileImportOverSizeLimit(t *testing.T) {
	root := dir(t, map[string]string{
		"Corefile":     ".:53 {\n    import huge.conf\n    import small.conf\n    cache 5\n    forward . 10.0.0.53\n}\n",
		"huge.conf":    strings.Repeat("# padding\n", 600_000),
		"small.conf":   "errors\n" + strings.Repeat("#", 3000) + "\n",
		"dir/Corefile": ".:53 {\n    import ../huge.conf\n}\n",
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	f := r.has(t, "Corefile:2:12 corefile/import-not-read")
	if f.Severity != finding.Warning || !strings.Contains(f.Message, "huge.conf (file too large: 6000000 bytes, the limit is 5242880)") ||
		!strings.Contains(f.Message, "--max-file-size") {
		t.Errorf("import of huge.conf: %s %s", f.Severity, f.Message)
	}
	r.has(t, "Corefile:4:11 cache/low-ttl")
	r.has(t, "Corefile:2:12 corefile/import-not-read") // from dir/Corefile, through ../
	othersLinted(t, r)
	for name := range r.res.Sources {
		if strings.HasSuffix(name, "huge.conf") {
			t.Errorf("huge.conf was read")
		}
	}
	// lint.Options.MaxFileSize (--max-file-size) limits imports too.
	r = lintRun(t, linter(t, &lint.Options{MaxFileSize: 2000}), &source.Walker{MaxSize: 2000}, filepath.Join(root, "Corefile"), filepath.Join(root, "ok.corefile"))
	var small bool
	for _, f := range r.res.Findings {
		small = small || f.RuleID == "corefile/import-not-read" && strings.Contains(f.Message, "small.conf (file too large: 3008 bytes, the limit is 2000)")
	}
	if !small {
		t.Errorf("small.conf over a 2000-byte limit: %v", r.findings())
	}
	othersLinted(t, r)
}

// TestHostileYAMLAliasBomb is a billion laughs: nine levels of nine aliases. It ends at
// once, and each file gets the error kubectl's YAML decoder gives it.
func TestHostileYAMLAliasBomb(t *testing.T) {
	bomb := func(use string) string {
		var b strings.Builder
		b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\nx:\n")
		b.WriteString(`  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
		for i := 1; i < 10; i++ {
			fmt.Fprintf(&b, "  a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9), ","))
		}
		return b.String() + use
	}
	root := dir(t, map[string]string{
		"bomb.yaml":     bomb(""),
		"corefile.yaml": bomb("data:\n  Corefile: *a9\n"),
		"list.yaml":     strings.Replace(bomb("items: *a9\n"), "kind: ConfigMap", "kind: List", 1),
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	if len(r.problems) > 0 {
		t.Errorf("problems %v", r.problems)
	}
	for _, name := range []string{"bomb.yaml", "corefile.yaml", "list.yaml"} {
		found := false
		for _, f := range r.res.Findings {
			if strings.HasSuffix(f.Pos.File, name) && f.RuleID == "yaml/syntax" && strings.Contains(f.Message, "excessive aliasing") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no yaml/syntax finding `document contains excessive aliasing`", name)
		}
	}
	othersLinted(t, r)
}

func TestHostileDeeplyNestedYAML(t *testing.T) {
	root := dir(t, map[string]string{
		"flow.yaml":  "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n",
		"block.yaml": "apiVersion: v1\nkind: ConfigMap\ndata:\n" + deepBlock(2000),
		"map.yaml":   "kind: List\nitems: " + strings.Repeat("{a: ", 100_000) + "\n",
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	f := r.has(t, "flow.yaml:4:1 yaml/syntax")
	if !strings.Contains(f.Message, "exceeded max depth of 10000") {
		t.Errorf("flow.yaml: %s", f.Message)
	}
	r.has(t, "map.yaml:2:1 yaml/syntax")
	othersLinted(t, r)
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i+2))
	}
	return b.String()
}

// TestHostileDeeplyNestedCorefile nests a hundred thousand blocks, and expands snippets
// into millions of tokens: CoreDNS's own parser would take minutes or gigabytes. dnslint
// stops at its token limit and says so.
func TestHostileDeeplyNestedCorefile(t *testing.T) {
	var chain strings.Builder
	for i := range 9900 {
		fmt.Fprintf(&chain, "(s%d) {\n  log\n  import s%d\n}\n", i, i+1)
	}
	chain.WriteString("(s9900) {\n  log\n}\n.:53 {\n  import s0\n}\n")
	root := dir(t, map[string]string{
		"nested.corefile": ".:53 {\n    x " + strings.Repeat("{\n", 100_000) + strings.Repeat("}\n", 100_000) + "}\n",
		"chain.corefile":  chain.String(),
		"fanout.corefile": "(a) {\n" + strings.Repeat("    log a b\n", 100) + "}\n(b) {\n" + strings.Repeat("    import a\n", 100) +
			"}\n.:53 {\n" + strings.Repeat("    import b\n", 100) + "}\n",
		"mutual.corefile": "(a) {\n    import b\n}\n(b) {\n    import a\n}\n.:53 {\n    import a\n}\n",
		"flat.corefile":   ".:53 {\n" + strings.Repeat("    log\n", 400_000) + "}\n",
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	for _, want := range []string{"nested.corefile:1:1", "chain.corefile:24507:3", "flat.corefile:1:1", "fanout.corefile:119:5"} {
		f := r.has(t, want+" dnslint/limit-exceeded")
		if f.Severity != finding.Error || !strings.Contains(f.Message, "more than 65536 tokens") {
			t.Errorf("%s: %s %s", want, f.Severity, f.Message)
		}
	}
	// Snippets that import each other: CoreDNS's own limit, with its message.
	f := r.has(t, "mutual.corefile:5:12 corefile/syntax")
	if !strings.Contains(f.Message, "maximum snippet import depth (10000) exceeded") {
		t.Errorf("mutual.corefile: %s", f.Message)
	}
	othersLinted(t, r)
}

// TestHostileBinary lints bytes that are no text, named as a Corefile, a resolv.conf and
// a manifest: each is an input error by its content, whatever its name, and none of its
// bytes is printed. A file without a NUL byte but with other control characters is no
// text either; a UTF-16 manifest (it starts with a byte order mark) is.
func TestHostileBinary(t *testing.T) {
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7919 + i/13)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {dnsPolicy: Bogus}\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	root := dir(t, map[string]string{
		"x.yaml": string(noise), "Corefile": string(noise), "resolv.conf": string(noise),
		"ctl.yaml": "kind: Pod\nmetadata: {name: \x1b[31mred}\n", "utf16.yaml": string(utf16),
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	for _, name := range []string{"Corefile", "resolv.conf", "x.yaml"} {
		if p := r.problem(name); !errors.Is(problemErr(r, name), source.ErrBinary) || !strings.HasSuffix(p, name+": binary file (a NUL byte at offset 0): not linted") {
			t.Errorf("%s: problem %q", name, p)
		}
	}
	if p := r.problem("ctl.yaml"); !strings.HasSuffix(p, "ctl.yaml: binary file (control character 0x1b at offset 27): not linted") {
		t.Errorf("ctl.yaml: problem %q", p)
	}
	for _, f := range r.res.Findings {
		if name := filepath.Base(f.Pos.File); name != "ok.corefile" && name != "utf16.yaml" {
			t.Errorf("a finding in a binary file: %+v", f)
		}
	}
	r.has(t, "utf16.yaml:4:19 pod/invalid-dns-policy")
	othersLinted(t, r)
}

func problemErr(r *run, name string) error {
	for _, p := range r.problems {
		if filepath.Base(p.Path) == name {
			return p.Err
		}
	}
	return nil
}

// TestHostileInvalidUTF8 puts bytes that are no UTF-8 into a Corefile and a manifest.
func TestHostileInvalidUTF8(t *testing.T) {
	root := dir(t, map[string]string{
		// Each invalid byte counts as one column, as editors show one replacement character.
		"bad.corefile": ".:53 {\n    log \xff\xfe\n    \xc3\x28 cache 5\n}\n",
		"bad.yaml":     "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n    .:53 {\n        cache \xff5\n    }\n",
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	r.has(t, "bad.corefile:3:5 corefile/unknown-directive")
	f := r.has(t, "bad.yaml:7:15 yaml/syntax")
	if !strings.Contains(f.Message, "invalid leading UTF-8 octet") {
		t.Errorf("bad.yaml: %s", f.Message)
	}
	othersLinted(t, r)
}

// TestHostileLineEndings lints CRLF files and files that start with a byte order mark:
// positions are the same as without them.
func TestHostileLineEndings(t *testing.T) {
	corefile := ".:53 {\n    errors\n    cache 5\n    forward . 10.0.0.53\n}\n"
	manifest := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n    .:53 {\n        errors\n        cache 5\n        forward . 10.0.0.53\n    }\n"
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	root := dir(t, map[string]string{
		"crlf.corefile": crlf(corefile), "crlf.yaml": crlf(manifest),
		"bom.corefile": "\ufeff" + corefile, "bom.yaml": "\ufeff" + manifest,
		"both.corefile": "\ufeff" + crlf(corefile), "both.yaml": "\ufeff" + crlf(manifest),
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	for _, name := range []string{"crlf", "bom", "both"} {
		r.has(t, name+".corefile:3:11 cache/low-ttl")
		r.has(t, name+".corefile:4:5 forward/missing-loop")
		r.has(t, name+".yaml:8:15 cache/low-ttl")
		r.has(t, name+".yaml:9:9 forward/missing-loop")
	}
	othersLinted(t, r)
}

// TestHostileTree walks a tree with a loop of directory links, a loop of file links, a
// named pipe and a directory named like a manifest, a link to a file outside the tree,
// and names a file whose reading fails. As root, permissions cannot make a file
// unreadable: /proc/self/mem can be opened but not read at offset 0 (EIO), and a named
// pipe would block whoever opens it.
func TestHostileTree(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("kind: Pod\nspec: {dnsPolicy: Secret}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := dir(t, map[string]string{"loop/x.yaml": "apiVersion: v1\nkind: Pod\nspec: {dnsPolicy: Bogus}\n", "manifest.yaml/Corefile": okCorefile})
	for link, target := range map[string]string{
		"loop/again": filepath.Join(root, "loop"), "a.yaml": filepath.Join(root, "b.yaml"), "b.yaml": filepath.Join(root, "a.yaml"),
		"out.yaml": filepath.Join(outside, "secret.yaml"),
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{root}
	if _, err := os.Stat("/proc/self/mem"); err == nil {
		mem := filepath.Join(t.TempDir(), "mem.yaml")
		if err := os.Symlink("/proc/self/mem", mem); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, mem)
	}
	r := lintRun(t, linter(t, nil), &source.Walker{}, paths...)
	for name, want := range map[string]string{
		"a.yaml":    "broken symbolic link: too many levels of symbolic links",
		"pipe.yaml": "not a regular file (named pipe): not read",
		"out.yaml":  "symbolic link to a file outside the directory being linted: not read",
	} {
		if p := r.problem(name); !strings.Contains(p, name+": "+want) {
			t.Errorf("%s: problem %q, want %q", name, p, want)
		}
	}
	if len(paths) > 1 {
		if p := r.problem("mem.yaml"); !strings.Contains(p, "mem.yaml: input/output error") {
			t.Errorf("mem.yaml: problem %q", p)
		}
	}
	for name := range r.res.Sources {
		if strings.Contains(name, "secret") {
			t.Errorf("read %s, outside the tree", name)
		}
	}
	r.has(t, "x.yaml:3:19 pod/invalid-dns-policy")
	r.has(t, "Corefile:3:11 cache/low-ttl") // manifest.yaml/Corefile, in a directory named like a file
	othersLinted(t, r)
}

// TestHostileImportCycles: two Corefiles that import each other, and a snippet that
// imports itself, directly or through another.
func TestHostileImportCycles(t *testing.T) {
	root := dir(t, map[string]string{
		"a.corefile":        ".:53 {\n    import b.corefile\n}\n",
		"b.corefile":        "import a.corefile\n",
		"self.corefile":     "(s) {\n    errors\n    import s\n}\n.:53 {\n    import s\n}\n",
		"indirect.corefile": "(s) {\n    import t\n}\n(t) {\n    import s\n}\n.:53 {\n    import s\n}\n",
		"file.corefile":     ".:53 {\n    import file.corefile\n}\n",
	})
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	// Each Corefile reports the import that closes the cycle: a.corefile's parse stops at
	// b.corefile's import of a.corefile, and the other way round.
	abs := func(name string) string { return source.Display(filepath.Join(root, name)) }
	msg := map[string]string{
		"b.corefile:1:8":         "import cycle: " + abs("a.corefile") + " imports itself through " + abs("b.corefile") + " -> " + abs("a.corefile"),
		"a.corefile:2:12":        "import cycle: " + abs("b.corefile") + " imports itself through " + abs("a.corefile") + " -> " + abs("b.corefile"),
		"file.corefile:2:12":     "import cycle: " + abs("file.corefile") + " imports itself",
		"self.corefile:4:1":      "self.corefile:4 - Error during parsing: maximum snippet import depth (10000) exceeded",
		"indirect.corefile:5:12": "indirect.corefile:5 - Error during parsing: maximum snippet import depth (10000) exceeded",
	}
	for where, want := range msg {
		f := r.has(t, where+" corefile/syntax")
		if f.Message != "" && !strings.Contains(f.Message, want) {
			t.Errorf("%s: %s\n  want it to say %s", where, f.Message, want)
		}
	}
	othersLinted(t, r)
}

// TestHostileImportOutside: a Corefile in the linted directory imports files outside it,
// by a glob that climbs out, by an absolute path and through a link. dnslint reads none of
// them (a pull request's Corefile could otherwise make CI read /etc/*), says so for each,
// and lints the rest; imports that stay inside are read.
func TestHostileImportOutside(t *testing.T) {
	parent := t.TempDir()
	secret := "secret\nhosts {\n    10.0.0.1 leaked.example.com\n}\n"
	if err := os.WriteFile(filepath.Join(parent, "secret.conf"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(parent, "repo")
	if err := os.Mkdir(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(repo, "dns")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"Corefile": ".:53 {\n    import ../../*\n    import " + filepath.Join(parent, "secret.conf") + "\n    import link.conf\n" +
			"    import ../dns/inside.conf\n    import /etc/*\n    cache 5\n    forward . 10.0.0.53\n}\n",
		"inside.conf": "errors\n",
		"ok.corefile": okCorefile,
	} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(parent, "secret.conf"), filepath.Join(root, "link.conf")); err != nil {
		t.Fatal(err)
	}
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	for _, at := range []string{"Corefile:2:12", "Corefile:3:12", "Corefile:4:12", "Corefile:6:12"} {
		f := r.has(t, at+" corefile/import-not-read")
		if f.Severity != finding.Info || !strings.Contains(f.Message, "outside the directories being linted") {
			t.Errorf("%s: %s %s", at, f.Severity, f.Message)
		}
	}
	r.has(t, "Corefile:7:11 cache/low-ttl")
	if !slices.ContainsFunc(slices.Collect(mapsKeys(r.res.Sources)), func(s string) bool { return strings.HasSuffix(s, "inside.conf") }) {
		t.Errorf("inside.conf, imported through ../dns/, was not read: %v", slices.Collect(mapsKeys(r.res.Sources)))
	}
	for name, b := range r.res.Sources {
		if bytes.Contains(b, []byte("leaked")) || strings.Contains(name, "secret") {
			t.Errorf("read %s, outside the linted directory", name)
		}
	}
	for _, f := range r.res.Findings {
		if strings.Contains(f.Message, "leaked") || strings.Contains(f.Pos.File, "secret") || strings.Contains(f.Message, "passwd") {
			t.Errorf("a finding shows what lies outside: %s %s", f.Pos, f.Message)
		}
	}
	othersLinted(t, r)
	// Linting the parent directory puts the same files inside: now the glob is expanded,
	// and CoreDNS's error for its first match, the directory repo, is reported.
	r = lintRun(t, linter(t, nil), &source.Walker{}, parent)
	f := r.has(t, "Corefile:2:12 corefile/syntax")
	if want := "Could not import " + source.Display(repo) + ": is a directory"; !strings.Contains(f.Message, want) {
		t.Errorf("%s\n  want it to say %s", f.Message, want)
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestHostileImportSpecialFile imports a named pipe (which would block the run) and, by a
// link, a device that never ends: neither is read.
func TestHostileImportSpecialFile(t *testing.T) {
	root := dir(t, map[string]string{"Corefile": ".:53 {\n    import pipe.conf\n}\n", "zero.corefile": ".:53 {\n    import zero.conf\n}\n"})
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.conf"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(root, "zero.conf")); err != nil {
		t.Fatal(err)
	}
	r := lintRun(t, linter(t, nil), &source.Walker{}, root)
	if f := r.has(t, "Corefile:2:12 corefile/syntax"); !strings.Contains(f.Message, "pipe.conf: not a regular file") {
		t.Errorf("pipe.conf: %s", f.Message)
	}
	if f := r.has(t, "zero.corefile:2:12 corefile/import-not-read"); !strings.Contains(f.Message, "zero.conf: it lies outside") {
		t.Errorf("zero.conf: %s", f.Message)
	}
	othersLinted(t, r)
}
