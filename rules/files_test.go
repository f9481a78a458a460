package rules_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/rules"
)

// regoFile is one embedded .rego file of the built-in rules.
type regoFile struct {
	path string
	src  []byte
}

// regoFiles are the embedded .rego files whose path keep accepts (nil: all), in lexical
// order, for the gates that read the rules as text.
func regoFiles(t *testing.T, keep func(path string) bool) []regoFile {
	t.Helper()
	var out []regoFile
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || (keep != nil && !keep(p)) {
			return err
		}
		b, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			return err
		}
		out = append(out, regoFile{path: p, src: b})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no .rego file embedded")
	}
	return out
}

func isTest(p string) bool { return strings.HasSuffix(p, "_test.rego") }
