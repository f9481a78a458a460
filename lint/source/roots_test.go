package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRootOf(t *testing.T) {
	repo := tree(t, map[string]string{".git/HEAD": "ref: x\n", "dns/Corefile": "", "dns/sub/x.yaml": "", ".github/dns/Corefile": ""})
	plain := tree(t, map[string]string{"conf/.dnslint.yaml": "", "conf/dns/Corefile": "", "other/Corefile": ""})
	// A submodule (or worktree): .git is a file.
	sub := tree(t, map[string]string{"top/.git/HEAD": "", "top/mod/.git": "gitdir: ../.git/modules/mod\n", "top/mod/Corefile": ""})
	for _, c := range []struct{ path, config, want string }{
		{filepath.Join(repo, "dns", "Corefile"), "", repo},
		{filepath.Join(repo, "dns", "sub"), "", repo},
		{filepath.Join(repo, "dns", "sub"), filepath.Join(repo, "dns"), repo}, // the work tree wins
		{filepath.Join(plain, "conf", "dns", "Corefile"), "", filepath.Join(plain, "conf", "dns")},
		{filepath.Join(plain, "conf", "dns", "Corefile"), filepath.Join(plain, "conf"), filepath.Join(plain, "conf")},
		{filepath.Join(plain, "other", "Corefile"), filepath.Join(plain, "conf"), filepath.Join(plain, "other")}, // never beyond
		{filepath.Join(plain, "other"), filepath.Join(plain, "conf"), filepath.Join(plain, "other")},
		{filepath.Join(plain, "missing", "Corefile"), "", filepath.Join(plain, "missing")}, // --stdin-filename need not exist
		{filepath.Join(sub, "top", "mod", "Corefile"), "", filepath.Join(sub, "top", "mod")},
		// A hidden directory named by the user is a root of its own, not the tree's.
		{filepath.Join(repo, ".github", "dns", "Corefile"), "", filepath.Join(repo, ".github", "dns")},
		{filepath.Join(plain, "conf", ".ci", "Corefile"), filepath.Join(plain, "conf"), filepath.Join(plain, "conf", ".ci")},
	} {
		if got := RootOf(c.path, c.config); got != c.want {
			t.Errorf("RootOf(%s, %q) = %s, want %s", c.path, c.config, got, c.want)
		}
	}
}

// TestRoots reads inside the roots, and refuses what lies outside or goes through a
// hidden component, by name or through a link, whether it exists or not.
func TestRoots(t *testing.T) {
	outside := tree(t, map[string]string{"secret": "s\n"})
	root := tree(t, map[string]string{
		"a/x.conf": "x\n", ".env": "TOKEN=s\n", ".git/config": "s\n", "a/.hidden/y": "s\n", "big": strings.Repeat("b", 11),
	})
	for link, target := range map[string]string{
		"a/out": filepath.Join(outside, "secret"), "a/env": filepath.Join(root, ".env"), "a/in": filepath.Join(root, "a", "x.conf"),
		"a/dirout": outside, "gitdir": filepath.Join(root, ".git"), "a/zero": "/dev/zero",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	fifo(t, filepath.Join(root, "a", "pipe"))
	r := Roots{Dirs: []string{root}, MaxSize: 10}
	for name, want := range map[string]error{
		"a/x.conf": nil, "a/in": nil, "a": nil, "a/nothing": nil,
		"../" + filepath.Base(outside) + "/secret": ErrOutside, "a/out": ErrOutside, "a/dirout/secret": ErrOutside, "a/zero": ErrOutside,
		".env": ErrHidden, ".git/config": ErrHidden, "a/.hidden/y": ErrHidden, "a/env": ErrHidden, "gitdir/config": ErrHidden,
		"a/.nothing": ErrHidden, "a/../.env": ErrHidden,
	} {
		if err := r.Check(filepath.Join(root, name)); !errors.Is(err, want) {
			t.Errorf("Check(%s) = %v, want %v", name, err, want)
		}
		if want != nil {
			if b, err := r.Read(filepath.Join(root, name)); !errors.Is(err, want) || b != nil {
				t.Errorf("Read(%s) = %q, %v, want %v", name, b, err, want)
			}
		}
	}
	if b, err := r.Read(filepath.Join(root, "a", "in")); err != nil || string(b) != "x\n" {
		t.Errorf("a/in: %q %v", b, err)
	}
	for name, want := range map[string]error{"big": ErrTooLarge, "a/pipe": ErrNotRegular, "a": ErrIsDir} {
		if _, err := r.Read(filepath.Join(root, name)); !errors.Is(err, want) {
			t.Errorf("Read(%s) = %v, want %v", name, err, want)
		}
	}
	// A hidden directory linted as a root of its own is read, but only below it; the
	// other root still refuses the hidden paths of its tree.
	two := Roots{Dirs: []string{root, filepath.Join(root, ".git")}}
	for name, want := range map[string]error{".git/config": nil, ".env": ErrHidden, "a/.hidden/y": ErrHidden, "a/x.conf": nil} {
		if _, err := two.Read(filepath.Join(root, name)); !errors.Is(err, want) {
			t.Errorf("two roots: Read(%s) = %v, want %v", name, err, want)
		}
	}
	// No roots, no reading: standard input without --stdin-filename.
	if _, err := (Roots{}).Read(filepath.Join(root, "a", "x.conf")); !errors.Is(err, ErrOutside) {
		t.Errorf("the zero Roots read: %v", err)
	}
}

// TestWalkerRoots: each file's root is RootOf its path; standard input has none without
// --stdin-filename; hidden files are skipped like hidden directories.
func TestWalkerRoots(t *testing.T) {
	repo := tree(t, map[string]string{".git/HEAD": "", "dns/Corefile": ".:53 {\n}\n", "dns/.secret.yaml": "kind: Pod\n"})
	w := &Walker{Stdin: strings.NewReader(".:53 {\n}\n")}
	files, problems := w.Collect([]string{filepath.Join(repo, "dns"), "-"})
	if len(problems) != 0 || len(files) != 2 {
		t.Fatalf("files %v, problems %v", files, problems)
	}
	for _, f := range files {
		want := repo
		if f.Path == "<stdin>" {
			want = ""
		}
		if f.Root != want {
			t.Errorf("%s: root %q, want %q", f.Path, f.Root, want)
		}
	}
	w = &Walker{Stdin: strings.NewReader(".:53 {\n}\n"), StdinName: filepath.Join(repo, "dns", "piped.corefile")}
	if files, _ := w.Collect([]string{"-"}); len(files) != 1 || files[0].Root != repo {
		t.Errorf("stdin with --stdin-filename: %+v", files)
	}
}
