//go:build attack

package attack

// Issue 14: `dnslint lint --fix` edits only what it was asked to lint, only through the
// positions rules read, within bounds, and never through a link or over a file that
// changed.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixForwardBad is a Corefile whose safe fix (force_tcp into the forward block) is known.
const fixForwardBad = ".:53 {\n    forward . 10.0.0.53\n    force_tcp\n}\n"

// fixPolicy is a user policy that reports the Corefile's forward with the given fix.
func fixPolicy(fixable bool, fix string) string { return fixPolicyWhere(fixable, "", fix) }

// fixPolicyWhere is fixPolicy with conditions (Rego lines) before the fix.
func fixPolicyWhere(fixable bool, cond, fix string) string {
	meta := ""
	if fixable {
		meta = "#   fixable: true\n"
	}
	return `# METADATA
# title: Attack
# description: A hostile policy that offers fixes.
# custom:
#   severity: error
` + meta + `package dnslint.rules.acme["fixer"]

import data.dnslint.lib.corefile
import data.dnslint.lib.fix

report contains fix.finding(d.pos, "attack", f) if {
	some x in corefile.directives("forward")
	d := x.directive
	` + cond + `
	f := ` + fix + `
}
`
}

func fixRead(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Issue 14, item 2: a file the run only imported is never edited, even when its finding
// has a safe fix.
func TestFixNeverEditsAnImportedFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": "import extra.conf\n", "extra.conf": fixForwardBad})
	r := run(t, dir, nil, "lint", "--fix", "--format", "json", "Corefile")
	if got := fixRead(t, filepath.Join(dir, "extra.conf")); got != fixForwardBad {
		t.Fatalf("the imported file was edited:\n%s", got)
	}
	if r.exit != 1 || !bytes.Contains(r.stdout, []byte("dnslint edits only the plain files it was asked to lint")) {
		t.Fatalf("want exit 1 and the declined reason; exit %d\n%s\n%s", r.exit, r.stdout, r.stderr)
	}
}

// Issue 14, item 2: a linted path that is a symbolic link is read (the user named it)
// but not written through: the file it points at, outside the directory, stays as it is.
func TestFixDoesNotWriteThroughALink(t *testing.T) {
	outside := t.TempDir()
	target := filepath.Join(outside, "Corefile")
	writeFiles(t, outside, map[string]string{"Corefile": fixForwardBad})
	dir := t.TempDir()
	if err := os.Symlink(target, filepath.Join(dir, "Corefile")); err != nil {
		t.Skip(err)
	}
	r := run(t, dir, nil, "lint", "--fix", "Corefile")
	if got := fixRead(t, target); got != fixForwardBad {
		t.Fatalf("the link's target was edited:\n%s", got)
	}
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("not a regular file (a symbolic link is not followed); not fixed")) {
		t.Fatalf("want exit 2 saying why; exit %d\n%s", r.exit, r.stderr)
	}
}

// Issue 14, item 1: a Corefile in a double-quoted YAML scalar has one position for all
// its tokens; its fix is declined, the file is not touched.
func TestFixLeavesAQuotedCorefile(t *testing.T) {
	dir := t.TempDir()
	cm := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: \".:53 {\\n    forward . 10.0.0.53\\n    force_tcp\\n}\\n\"\n"
	writeFiles(t, dir, map[string]string{"coredns.yaml": cm})
	r := run(t, dir, nil, "lint", "--fix", "--unsafe-fixes", "--format", "json", "coredns.yaml")
	if got := fixRead(t, filepath.Join(dir, "coredns.yaml")); got != cm {
		t.Fatalf("the quoted Corefile was edited:\n%s", got)
	}
	if !bytes.Contains(r.stdout, []byte("literal block scalar")) {
		t.Fatalf("no declined reason:\n%s", r.stdout)
	}
}

// Issue 14, item 1: only a rule whose METADATA says custom.fixable may offer a fix; a
// policy that does not is a rule error, and nothing is written.
func TestFixRefusedFromARuleNotFixable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"policies/p.rego": fixPolicy(false, `fix.safe("x", [fix.replace(d.pos, "forward", "proxy")])`),
		"Corefile":        fixForwardBad,
	})
	r := run(t, dir, nil, "lint", "--fix", "--policy", "policies", "Corefile")
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("does not say custom.fixable: true")) {
		t.Fatalf("want exit 2 naming custom.fixable; exit %d\n%s", r.exit, r.stderr)
	}
	if got := fixRead(t, filepath.Join(dir, "Corefile")); got != fixForwardBad {
		t.Fatalf("the Corefile was edited:\n%s", got)
	}
}

// Issue 14, item 1: a fix's size is bounded: a policy cannot write a megabyte into a
// user's file.
func TestFixTextIsBounded(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"policies/p.rego": fixPolicy(true, `fix.safe("x", [fix.insert_after(d.pos, "forward", concat("", [s | some _ in numbers.range(1, 100000); s := "0123456789"]))])`),
		"Corefile":        fixForwardBad,
	})
	r := run(t, dir, nil, "lint", "--fix", "--policy", "policies", "Corefile")
	if r.exit != 2 || !bytes.Contains(r.stderr, []byte("bytes of text")) {
		t.Fatalf("want exit 2 naming the bound; exit %d\n%s", r.exit, r.stderr)
	}
	if got := fixRead(t, filepath.Join(dir, "Corefile")); got != fixForwardBad {
		t.Fatalf("the Corefile was edited:\n%s", got)
	}
}

// Issue 14, item 1: an edit placed in another file than its finding is declined: a rule
// cannot reach a file through another's finding.
func TestFixEditInAnotherFileDeclined(t *testing.T) {
	dir := t.TempDir()
	other := "# untouched\n"
	writeFiles(t, dir, map[string]string{
		"policies/p.rego": fixPolicy(true, `fix.safe("x", [fix.replace(object.union(d.pos, {"file": "other.corefile"}), "forward", "x")])`),
		"Corefile":        fixForwardBad,
		"other.corefile":  other,
	})
	r := run(t, dir, nil, "lint", "--fix", "--format", "json", "--policy", "policies", "Corefile", "other.corefile")
	if got := fixRead(t, filepath.Join(dir, "other.corefile")); got != other {
		t.Fatalf("the other file was edited:\n%s", got)
	}
	if !bytes.Contains(r.stdout, []byte("not in Corefile where the finding is")) {
		t.Fatalf("no declined reason:\n%s\n%s", r.stdout, r.stderr)
	}
}

// Issue 14, item 2: fixes that undo each other stop after a bounded number of rounds,
// with a warning; fixes that change nothing end the run at once.
func TestFixRoundsAreBounded(t *testing.T) {
	flip := func(name, from, to string) string {
		return strings.Replace(fixPolicyWhere(true, `some a in d.args
	a.text == "`+from+`"`, `fix.safe("flip", [fix.replace(a.pos, "`+from+`", "`+to+`")])`), `["fixer"]`, `["`+name+`"]`, 1)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"policies/a.rego": flip("a", "10.0.0.53", "10.0.0.54"),
		"policies/b.rego": flip("b", "10.0.0.54", "10.0.0.53"),
		"Corefile":        fixForwardBad,
	})
	r := run(t, dir, nil, "lint", "--fix", "--policy", "policies", "Corefile")
	if !bytes.Contains(r.stderr, []byte("fixes still applied after 10 rounds; stopped")) {
		t.Fatalf("no bound on the rounds: exit %d\n%s", r.exit, r.stderr)
	}
	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{
		"policies/p.rego": fixPolicy(true, `fix.safe("same", [fix.replace(d.pos, "forward", "forward")])`),
		"Corefile":        fixForwardBad,
	})
	r = run(t, dir, nil, "lint", "--fix", "--policy", "policies", "--disable", "forward/*", "Corefile")
	if !bytes.Contains(r.stderr, []byte("fixed 0 finding(s) in 0 file(s) in 0 round(s)")) {
		t.Fatalf("a fix that changes nothing looped: exit %d\n%s", r.exit, r.stderr)
	}
}

// Issue 14, item 2: --diff writes nothing, whatever the fixes.
func TestFixDiffWritesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"Corefile": fixForwardBad})
	r := run(t, dir, nil, "lint", "--diff", "--unsafe-fixes", "Corefile")
	if got := fixRead(t, filepath.Join(dir, "Corefile")); got != fixForwardBad {
		t.Fatalf("--diff wrote the file:\n%s", got)
	}
	entries, _ := os.ReadDir(dir)
	if r.exit != 1 || len(entries) != 1 || !bytes.Contains(r.stdout, []byte("+        force_tcp")) {
		t.Fatalf("want exit 1, the diff and no new file; exit %d, %d entries\n%s", r.exit, len(entries), r.stdout)
	}
}
