//go:build attack

package attack

// Issue 10, items 1, 2, 9 and half of 10: what dnslint reads. Every read goes through one
// guarded reader (regular files only, checked before a non-blocking open, a size cap),
// and what linted files name is read only inside the run's roots, never through a
// hidden path component.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readsFormats are the report formats each reproduction runs with.
var readsFormats = []string{"text", "json", "sarif"}

// readsRun runs dnslint once per format (args follow --format) and checks, for each
// run, the exit code, that no output holds the secret, and that the output holds want.
func readsRun(t *testing.T, dir string, stdin []byte, exit int, want string, args ...string) {
	t.Helper()
	for _, format := range readsFormats {
		r := run(t, dir, stdin, append([]string{"lint", "--format", format}, args...)...)
		mustNotLeak(t, r)
		if r.exit != exit {
			t.Errorf("--format %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", format, r.exit, exit, readsShort(r.stdout), r.stderr)
		}
		if !bytes.Contains(r.output(), []byte(want)) {
			t.Errorf("--format %s: output lacks %q\nstdout:\n%s\nstderr:\n%s", format, want, readsShort(r.stdout), r.stderr)
		}
	}
}

// readsShort cuts a report for a failure message (a SARIF report holds the whole catalog).
func readsShort(b []byte) string {
	if s := string(b); len(s) > 3000 {
		return s[:3000] + "\n…"
	}
	return string(b)
}

// readsSymlink makes link point at target.
func readsSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// readsFIFO makes a named pipe nobody writes to: opening it for reading blocks.
func readsFIFO(t *testing.T, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o600); err != nil {
		t.Fatal(err)
	}
}

const readsCorefile = ".:53 {\n    errors\n    forward . 10.0.0.53\n    cache 30\n    loop\n}\n"

// TestReadsPolicyLinkToSecret: `--policy p` where p/a.rego links to a file outside p
// printed the file's content inside the Rego parse error; a link to /proc/self/environ
// printed the environment (CI secrets). Neither is read: the error names the file.
func TestReadsPolicyLinkToSecret(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"secret.txt": "token = " + secret + "\n", "Corefile": readsCorefile})
	if err := os.Mkdir(filepath.Join(dir, "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	readsSymlink(t, filepath.Join(dir, "secret.txt"), filepath.Join(dir, "p", "a.rego"))
	readsRun(t, dir, nil, 2, "p/a.rego: a symbolic link that leads out of", "--policy", "p", "Corefile")

	t.Setenv("DNSLINT_ATTACK_ENV", secret) // inherited by the child, so in its /proc/self/environ
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc/self/environ")
	}
	env := filepath.Join(dir, "env")
	if err := os.Mkdir(env, 0o755); err != nil {
		t.Fatal(err)
	}
	readsSymlink(t, "/proc/self/environ", filepath.Join(env, "a.rego"))
	readsRun(t, dir, nil, 2, "env/a.rego: a symbolic link that leads out of", "--policy", "env", "Corefile")
}

// TestReadsPolicyDevice: a policy linking to /dev/zero was a fatal out-of-memory.
func TestReadsPolicyDevice(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": readsCorefile, "p/ok.rego": "package x\n"})
	readsSymlink(t, "/dev/zero", filepath.Join(dir, "p", "zero.rego"))
	readsRun(t, dir, nil, 2, "p/zero.rego: a symbolic link that leads out of", "--policy", "p", "Corefile")
}

// TestReadsPolicyFIFO: a named pipe in a policy directory hung the run. It ends, with
// the input error (this test would never end otherwise).
func TestReadsPolicyFIFO(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": readsCorefile, "p/ok.rego": "package x\n"})
	readsFIFO(t, filepath.Join(dir, "p", "pipe.rego"))
	readsRun(t, dir, nil, 2, "p/pipe.rego: not a regular file (named pipe): not read", "--policy", "p", "Corefile")
}

// TestReadsStdinImports: a Corefile on standard input imported relative to the working
// directory, so `cd / && printf '.:53 {\n import /etc/shadow\n}\n' | dnslint lint -`
// printed the shadow lines inside `Unknown directive` findings. Standard input has no
// root: no import of it is read, absolute or relative, whatever the working directory.
func TestReadsStdinImports(t *testing.T) {
	dir := t.TempDir()
	shadow := "root:" + secret + ":19000:0:99999:7:::\n" + secret + " line two\n"
	writeFiles(t, dir, map[string]string{"shadow": shadow, "sub/other": shadow})
	abs := filepath.Join(dir, "shadow")
	for _, imp := range []string{abs, "shadow", "*", "sub/*", filepath.Join(dir, "*")} {
		stdin := []byte(".:53 {\n import " + imp + "\n}\n")
		readsRun(t, dir, stdin, 0, "corefile/import-not-read", "-")
	}
	// With --stdin-filename, imports resolve inside that file's root, not the working
	// directory's.
	elsewhere := t.TempDir()
	rel, err := filepath.Rel(elsewhere, abs)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range []string{abs, rel} {
		readsRun(t, dir, []byte(".:53 {\n import "+imp+"\n}\n"), 0, "corefile/import-not-read",
			"-", "--stdin-filename", filepath.Join(elsewhere, "Corefile"))
	}
}

// readsRepo is a git work tree holding secrets where CI keeps them, with the linted
// Corefile in dns/: the checkout token in .git/config, an .env beside it.
func readsRepo(t *testing.T, corefile string) string {
	t.Helper()
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{
		".git/config":     "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic " + secret + "\n",
		".env":            "GITHUB_TOKEN=" + secret + "\n",
		"dns/.hidden/a":   secret + " token\n",
		"dns/Corefile":    corefile,
		"dns/shared.conf": "errors\n",
	})
	return repo
}

// TestReadsImportHidden: under a linted directory, `import ../.env` or
// `import ../.git/config` was read (the walk skips hidden paths, imports did not): text
// output printed whole lines, the other formats the first token of each line. None is
// read now, whatever the import names: each is corefile/import-not-read.
func TestReadsImportHidden(t *testing.T) {
	for _, imp := range []string{"../.env", "../.git/config", ".git/config", "../.e*", ".hidden/*", "../dns/.hidden/a", "../*/config"} {
		repo := readsRepo(t, ".:53 {\n    import shared.conf\n    import "+imp+"\n    forward . 10.0.0.53\n    cache 30\n    loop\n}\n")
		if imp == ".git/config" {
			// dns is a work tree of its own (a submodule, say), its token in its .git.
			writeFiles(t, repo, map[string]string{"dns/.git/config": secret + " token\n"})
		}
		readsRun(t, repo, nil, 0, "hidden file or directory", "dns")
		// Named on the command line, from inside the linted directory, or by absolute path.
		readsRun(t, filepath.Join(repo, "dns"), nil, 0, "hidden file or directory", "Corefile")
		readsRun(t, t.TempDir(), nil, 0, "hidden file or directory", filepath.Join(repo, "dns", "Corefile"))
	}
}

// TestReadsImportLinkToHidden: a link inside the roots to a hidden file is not followed.
func TestReadsImportLinkToHidden(t *testing.T) {
	repo := readsRepo(t, ".:53 {\n    import env.conf\n    forward . 10.0.0.53\n}\n")
	readsSymlink(t, filepath.Join(repo, ".env"), filepath.Join(repo, "dns", "env.conf"))
	readsRun(t, repo, nil, 0, "hidden file or directory", "dns")
}

// TestReadsImportQuotesTokenOnly: an imported file inside the roots that is no Corefile
// (a credentials file kept beside the configuration) gives `Unknown directive` findings;
// they quote the offending token, never the rest of its line, in every format, and the
// text format's source snippet shows the token alone.
func TestReadsImportQuotesTokenOnly(t *testing.T) {
	repo := readsRepo(t, ".:53 {\n    import ../credentials.txt\n    forward . 10.0.0.53\n}\n")
	writeFiles(t, repo, map[string]string{"credentials.txt": "password " + secret + "\n"})
	readsRun(t, repo, nil, 1, "password", "dns")
	r := run(t, repo, nil, "lint", "dns")
	if !bytes.Contains(r.stdout, []byte("credentials.txt:1:1: error corefile/unknown-directive")) ||
		!bytes.Contains(r.stdout, []byte("\n    password\n    ^~~~~~~~\n")) {
		t.Errorf("want the finding in credentials.txt with the token alone as its snippet:\n%s%s", r.stdout, r.stderr)
	}
}

// TestReadsFIFOOnCommandLine: a named pipe named on the command line hung for ever; it is
// an input error that names the file as a named pipe (this test would never end otherwise).
func TestReadsFIFOOnCommandLine(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": readsCorefile})
	readsFIFO(t, filepath.Join(dir, "pipe.yaml"))
	readsFIFO(t, filepath.Join(dir, "pipe"))
	readsRun(t, dir, nil, 2, "pipe.yaml: not a regular file (named pipe): not read", "pipe.yaml", "Corefile")
	readsRun(t, dir, nil, 2, "pipe: not a regular file (named pipe): not read", "pipe", "Corefile")
}

// TestReadsDevZero: `dnslint lint /dev/zero` said "file too large: 0 bytes".
func TestReadsDevZero(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, nil, "lint", "/dev/zero")
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("/dev/zero: not a regular file (device): not read")) || bytes.Contains(r.output(), []byte("too large")) {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", r.exit, r.stdout, r.stderr)
	}
	readsSymlink(t, "/dev/zero", filepath.Join(dir, "zero.yaml"))
	readsRun(t, dir, nil, 2, "zero.yaml: not a regular file (device): not read", "zero.yaml")
}

// TestReadsBinaryYAML: a binary file named .yaml printed raw bytes. Binary content is an
// input error whatever the name, and none of its bytes is printed.
func TestReadsBinaryYAML(t *testing.T) {
	dir := t.TempDir()
	bin := []byte("\x7fELF\x02\x01\x01\x00\x00\x00kind: ConfigMap\n" + secret + "\x1b[2J\x00\x01\x02")
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), bin, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ctl.yaml"), []byte("kind: Pod\nmetadata: {name: \x1b]0;"+secret+"\x07}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	readsRun(t, dir, nil, 2, "x.yaml: binary file (control character 0x7f at offset 0): not linted", "x.yaml")
	readsRun(t, dir, nil, 2, "ctl.yaml: binary file (control character 0x1b at offset 27): not linted", "ctl.yaml")
	readsRun(t, dir, bin, 2, "binary file", "-", "--stdin-filename", "x.yaml")
	for _, format := range readsFormats {
		r := run(t, dir, nil, "lint", "--format", format, ".")
		if bytes.ContainsAny(r.output(), "\x00\x1b\x7f\x07") || strings.Contains(string(r.output()), "ELF") {
			t.Errorf("--format %s prints raw bytes:\n%q", format, r.output())
		}
	}
}
