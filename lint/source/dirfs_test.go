package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirFS walks a policy-like directory: hidden entries are not listed, files are read
// only with ReadFile and only inside the directory, a named pipe is refused unopened.
func TestDirFS(t *testing.T) {
	outside := tree(t, map[string]string{"secret": "s\n"})
	dir := tree(t, map[string]string{"a.rego": "package a\n", "lib/b.rego": "package b\n", ".git/c.rego": "x", ".d.rego": "x"})
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "out.rego")); err != nil {
		t.Fatal(err)
	}
	fifo(t, filepath.Join(dir, "pipe.rego"))
	fsys, err := OpenDirFS(dir, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	var walked []string
	if err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		walked = append(walked, path)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(walked, " "); got != ". a.rego lib lib/b.rego out.rego pipe.rego" {
		t.Errorf("walked %s", got)
	}
	if b, err := fs.ReadFile(fsys, "lib/b.rego"); err != nil || string(b) != "package b\n" {
		t.Errorf("lib/b.rego: %q %v", b, err)
	}
	for name, want := range map[string]error{"out.rego": ErrOutside, "pipe.rego": ErrNotRegular, ".git/c.rego": ErrHidden, "../x": fs.ErrInvalid} {
		if b, err := fs.ReadFile(fsys, name); !errors.Is(err, want) || b != nil {
			t.Errorf("%s: %q %v, want %v", name, b, err, want)
		}
	}
	if _, err := fsys.Open("a.rego"); err == nil {
		t.Error("Open serves a file")
	}
}
