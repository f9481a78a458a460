package corefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// TestImportsStayInRoots: imports read only inside the roots and through no hidden
// component, whatever the import names; each refusal is an unread import with its
// reason, never an error, and nothing is read.
func TestImportsStayInRoots(t *testing.T) {
	repo := t.TempDir()
	for name, body := range map[string]string{".env": "SECRET x\n", ".git/config": "SECRET x\n", "dns/ok.conf": "errors\n", "dns/.hidden/a": "SECRET\n"} {
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	corefile := filepath.Join(repo, "dns", "Corefile")
	parse := func(fs FS, imp string) (reasons []string, matched []string) {
		t.Helper()
		res, err := Parse(&source.Text{File: "Corefile", Name: corefile, Body: []byte(".:53 {\n    import " + imp + "\n}\n")}, fs)
		if err != nil {
			t.Fatalf("import %s: %v", imp, err)
		}
		for _, i := range res.Imports {
			for _, u := range i.Unread {
				reasons = append(reasons, u.Reason)
			}
			matched = append(matched, i.Matched...)
		}
		return reasons, matched
	}
	disk := DiskFS{Files: source.Roots{Dirs: []string{repo}}}
	for imp, want := range map[string]string{
		"../.env": "hidden", "../.git/config": "hidden", "../.git/*": "hidden", "../.e*": "hidden", ".hidden/*": "hidden",
		"/etc/passwd": "outside", "/etc/*": "outside", "../../*": "outside",
		"ok.conf": "", "../dns/ok.conf": "",
	} {
		reasons, matched := parse(disk, imp)
		if strings.Join(reasons, " ") != want {
			t.Errorf("import %s: unread %v, want %q", imp, reasons, want)
		}
		if want == "" && len(matched) != 1 {
			t.Errorf("import %s: matched %v", imp, matched)
		}
	}
	// No roots (standard input without --stdin-filename): nothing is read.
	for _, fs := range []FS{DiskFS{}, DiskFS{Files: source.Roots{}}} {
		if reasons, _ := parse(fs, "ok.conf"); strings.Join(reasons, " ") != "outside" {
			t.Errorf("%#v: import ok.conf: unread %v", fs, reasons)
		}
	}
}
