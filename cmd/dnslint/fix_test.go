package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixCase is a directory of testdata/fix: bad.EXT, fixed.EXT, and rule ("ID safe|unsafe").
type fixCase struct {
	name, dir, ext, rule string
	unsafe               bool
}

func fixCases(t *testing.T) []fixCase {
	t.Helper()
	dirs, err := filepath.Glob("testdata/fix/*/rule")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fix fixtures: %v", err)
	}
	var out []fixCase
	for _, r := range dirs {
		dir := filepath.Dir(r)
		b, err := os.ReadFile(r)
		if err != nil {
			t.Fatal(err)
		}
		id, safety, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
		bad, _ := filepath.Glob(filepath.Join(dir, "bad.*"))
		if len(bad) != 1 {
			t.Fatalf("%s: want one bad.* file, have %v", dir, bad)
		}
		out = append(out, fixCase{name: filepath.Base(dir), dir: dir, ext: filepath.Ext(bad[0]), rule: id, unsafe: safety == "unsafe"})
	}
	return out
}

// copyBad copies a case's bad file into a new directory and returns its path.
func (c fixCase) copyBad(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(c.dir, "bad"+c.ext))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "bad"+c.ext)
	if err := os.WriteFile(file, b, 0o640); err != nil {
		t.Fatal(err)
	}
	return file
}

func (c fixCase) read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(c.dir, name+c.ext))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readString(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rulesReported are the rule ids of a json report.
func rulesReported(t *testing.T, stdout string) []string {
	t.Helper()
	var rep struct {
		Findings []struct {
			Rule string `json:"rule"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("json report: %v\n%s", err, stdout)
	}
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// TestFixFixtures: every fixture's bad file becomes exactly its fixed file (so no byte
// outside the edits changes: comments, key order, indentation), the fixed file no longer
// has the rule's finding, a second --fix changes nothing, and an unsafe fix is not
// applied by --fix alone. --diff writes nothing, exits with the code of the findings
// before fixing, and prints a diff that patch(1) applies to give the fixed file.
func TestFixFixtures(t *testing.T) {
	for _, c := range fixCases(t) {
		t.Run(c.name, func(t *testing.T) {
			file := c.copyBad(t)
			before := dnslint(t, "", "lint", "--format", "json", file)
			if !slices.Contains(rulesReported(t, before.stdout), c.rule) {
				t.Fatalf("the bad file has no %s finding: %s", c.rule, before)
			}
			c.checkDiff(t, file, before.code)
			args := []string{"lint", "--fix", "--format", "json", "--fail-on", "none"}
			if c.unsafe {
				r := dnslint(t, "", append(args, file)...)
				if got := readString(t, file); got != c.read(t, "bad") {
					t.Fatalf("--fix without --unsafe-fixes applied an unsafe fix:\n%s\n%s", got, r)
				}
				args = append(args, "--unsafe-fixes")
			}
			r := dnslint(t, "", append(args, file)...)
			if r.code != exitClean {
				t.Fatalf("%s", r)
			}
			if got, want := readString(t, file), c.read(t, "fixed"); got != want {
				t.Fatalf("fixed file:\n%s\nwant:\n%s\n%s", got, want, r)
			}
			if slices.Contains(rulesReported(t, r.stdout), c.rule) {
				t.Errorf("%s still reported after the fix: %s", c.rule, r.stdout)
			}
			again := dnslint(t, "", append(args, file)...)
			if got := readString(t, file); got != c.read(t, "fixed") || !strings.Contains(again.stderr, "fixed 0 finding(s)") {
				t.Errorf("a second --fix changed the file or fixed something: %s\n%s", got, again)
			}
			if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o640 {
				t.Errorf("the file's mode was not kept: %v %v", info.Mode(), err)
			}
		})
	}
}

// checkDiff runs --diff on the bad file: nothing written, the exit code of the findings
// before fixing (want), a diff that patch(1) applies to give the fixed file (on a copy).
func (c fixCase) checkDiff(t *testing.T, file string, want int) {
	t.Helper()
	args := []string{"lint", "--diff"}
	if c.unsafe {
		args = append(args, "--unsafe-fixes")
	}
	r := dnslint(t, "", append(args, file)...)
	if got := readString(t, file); got != c.read(t, "bad") {
		t.Fatalf("--diff wrote the file")
	}
	if r.code != want {
		t.Errorf("--diff exit %d, the findings before fixing exit %d", r.code, want)
	}
	if _, err := exec.LookPath("patch"); err != nil {
		return
	}
	patched := filepath.Join(t.TempDir(), filepath.Base(file))
	if err := os.WriteFile(patched, []byte(c.read(t, "bad")), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("patch", "--quiet", "--no-backup-if-mismatch", patched)
	cmd.Stdin = strings.NewReader(r.stdout)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s\n%s", err, out, r.stdout)
	}
	if got := readString(t, patched); got != c.read(t, "fixed") {
		t.Errorf("the diff patched to:\n%s", got)
	}
}

// TestFixLeavesImportedFiles: a finding in a file the run only imported keeps its file
// as it is; the JSON report says why.
func TestFixLeavesImportedFiles(t *testing.T) {
	dir := t.TempDir()
	imported := ".:53 {\n    forward . 10.0.0.53\n    force_tcp\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "extra.conf"), []byte(imported), 0o644); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(dir, "Corefile")
	if err := os.WriteFile(main, []byte("import extra.conf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := dnslint(t, "", "lint", "--fix", "--format", "json", main)
	if got := readString(t, filepath.Join(dir, "extra.conf")); got != imported {
		t.Fatalf("the imported file was edited:\n%s", got)
	}
	if !strings.Contains(r.stdout, "dnslint edits only the plain files it was asked to lint") {
		t.Errorf("no declined reason for the imported file's finding: %s", r)
	}
}

// TestFixFlagsConflict: --fix with --diff, or --unsafe-fixes alone, is a usage error.
func TestFixFlagsConflict(t *testing.T) {
	for _, args := range [][]string{{"--fix", "--diff"}, {"--unsafe-fixes"}} {
		r := dnslint(t, "", append(append([]string{"lint"}, args...), "testdata/fix/low-ttl/bad.corefile")...)
		if r.code != exitUsage {
			t.Errorf("%v: %s", args, r)
		}
	}
}

// TestFixRefusesStdin: --fix cannot write standard input.
func TestFixRefusesStdin(t *testing.T) {
	r := dnslint(t, ".:53 {\n    forward . 10.0.0.53\n    force_tcp\n}\n", "lint", "--fix", "-", "--stdin-filename", "Corefile")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--diff") {
		t.Fatalf("%s", r)
	}
}

// TestFixDeclined: findings without a mechanical fix say why in the JSON report, and
// --fix leaves their files as they are.
func TestFixDeclined(t *testing.T) {
	for _, c := range []struct{ name, file, content, rule, reason string }{
		{"no nameserver to write", "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n  dnsPolicy: None\n  dnsConfig:\n    searches: [example.com]\n",
			"pod/none-without-nameservers", "no value to write"},
		{"Corefile in a double-quoted scalar", "coredns.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: \".:53 {\\n    forward . 10.0.0.53\\n    force_tcp\\n}\\n\"\n",
			"forward/option-outside-block", "literal block scalar"},
		{"two forwards", "Corefile", ".:53 {\n    forward example.org 10.0.0.1\n    forward . 10.0.0.53\n    force_tcp\n}\n",
			"forward/option-outside-block", "which one `force_tcp` is meant for is not evident"},
		{"option in a flow mapping", "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n  dnsConfig:\n    options:\n      - {name: \"ndots:2\"}\n",
			"pod/option-name-with-value", `not "name" as the rule read it`},
		{"different duplicates", "Corefile", ".:53 {\n    forward . 10.0.0.53\n    cache 30\n    cache 60\n}\n",
			"corefile/duplicate-plugin", "which options to keep is a choice"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), c.file)
			if err := os.WriteFile(file, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			r := dnslint(t, "", "lint", "--fix", "--format", "json", "--fail-on", "none", file)
			if got := readString(t, file); got != c.content {
				t.Fatalf("the file was changed:\n%s", got)
			}
			var rep struct {
				Findings []struct {
					Rule string `json:"rule"`
					Fix  *struct {
						Declined string `json:"declined"`
					} `json:"fix"`
				} `json:"findings"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatalf("%v: %s", err, r)
			}
			for _, f := range rep.Findings {
				if f.Rule == c.rule && f.Fix != nil && strings.Contains(f.Fix.Declined, c.reason) {
					return
				}
			}
			t.Errorf("no %s finding declined with %q: %s", c.rule, c.reason, r.stdout)
		})
	}
}
