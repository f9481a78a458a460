package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// TestReadsImportsInRoots: in a git work tree, a Corefile in dns/ imports what lies
// beside dns/ (the roots widen to the work tree) but not .env nor .git/config (hidden,
// whatever the import names); a file only an import read is kept in Sources as the
// tokens its findings point at, never its lines.
func TestReadsImportsInRoots(t *testing.T) {
	repo := t.TempDir()
	for name, body := range map[string]string{
		".git/config":     "[http]\n\textraheader = AUTHORIZATION: basic leaked\n",
		".env":            "TOKEN=leaked\n",
		"shared/log.conf": "log\n",
		"notes.txt":       "password leaked\n\tsecond line leaked\n",
		"dns/Corefile": ".:53 {\n    import ../.env\n    import ../.git/config\n    import ../shared/*.conf\n    import ../notes.txt\n" +
			"    forward . 10.0.0.53\n    cache 30\n    loop\n}\n",
	} {
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := lintRun(t, linter(t, nil), &source.Walker{}, filepath.Join(repo, "dns"))
	for _, at := range []string{"Corefile:2:12", "Corefile:3:12"} {
		if f := r.has(t, at+" corefile/import-not-read"); !strings.Contains(f.Message, "hidden file or directory") {
			t.Errorf("%s: %s", at, f.Message)
		}
	}
	r.has(t, "notes.txt:1:1 corefile/unknown-directive")
	for name, b := range r.res.Sources {
		if bytes.Contains(b, []byte("leaked")) {
			t.Errorf("Sources[%s] holds more than the offending token:\n%s", name, b)
		}
		if strings.HasSuffix(name, "notes.txt") && string(b) != "password\n\tsecond\n" {
			t.Errorf("Sources[%s] = %q, want the token alone", name, b)
		}
		if strings.HasSuffix(name, "log.conf") && string(b) != "\n" {
			t.Errorf("Sources[%s] = %q: no finding there, nothing to quote", name, b)
		}
	}
	if len(r.res.Sources) != 3 {
		t.Errorf("sources %v", len(r.res.Sources))
	}
}

// TestReadsStdinHasNoRoot: a Corefile on standard input reads no import, even one that
// lies in the working directory; with --stdin-filename, its imports resolve in that
// file's root.
func TestReadsStdinHasNoRoot(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "shadow"), []byte("password leaked\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	stdin := ".:53 {\n    import shadow\n    import " + filepath.Join(dir, "shadow") + "\n}\n"
	r := lintRun(t, linter(t, nil), &source.Walker{Stdin: strings.NewReader(stdin)}, "-")
	r.has(t, "<stdin>:2:12 corefile/import-not-read")
	r.has(t, "<stdin>:3:12 corefile/import-not-read")
	r = lintRun(t, linter(t, nil), &source.Walker{Stdin: strings.NewReader(stdin), StdinName: filepath.Join(dir, "Corefile")}, "-")
	r.has(t, "shadow:1:1 corefile/unknown-directive")
	for name, b := range r.res.Sources {
		if bytes.Contains(b, []byte("leaked")) {
			t.Errorf("Sources[%s] = %q", name, b)
		}
	}
}
