package fix

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// TestWriteAtomicRefusesAChangedFile: a file that changed after the run read it is not
// overwritten; an unchanged one is replaced with its mode kept, no temporary file left.
func TestWriteAtomicRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "Corefile")
	if err := os.WriteFile(file, []byte("edited meanwhile\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteAtomic(file, []byte("as read\n"), []byte("fixed\n"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("WriteAtomic over a changed file: %v", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "edited meanwhile\n" {
		t.Fatalf("the changed file was overwritten: %q", b)
	}
	if err := WriteAtomic(file, []byte("edited meanwhile\n"), []byte("fixed\n")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(file)
	if b, _ := os.ReadFile(file); string(b) != "fixed\n" || err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("after the write: %q, mode %v, %v", b, info.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left in the directory: %v", entries)
	}
}

// TestWriteAtomicRefusesALink: a symbolic link is not followed.
func TestWriteAtomicRefusesALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "Corefile")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := WriteAtomic(link, []byte("x\n"), []byte("y\n")); err == nil {
		t.Fatal("WriteAtomic wrote through a symbolic link")
	}
}

// TestResolveDeclinesQuotedCorefile: an edit at a position that holds other text than
// the rule read (every token of a Corefile in a quoted YAML scalar has the scalar's
// position) is declined with the reason.
func TestResolveDeclinesQuotedCorefile(t *testing.T) {
	src := []byte("data:\n  Corefile: \".:53 {\\n    forward . 1.1.1.1\\n    force_tcp\\n}\"\n")
	_, err := Resolve("f", src, []finding.Edit{{Op: finding.OpDelete, Pos: model.Pos{File: "f", Line: 2, Col: 13, EndLine: 2, EndCol: 13}, Expect: "force_tcp"}})
	if err == nil || !strings.Contains(err.Error(), "literal block scalar") {
		t.Fatalf("Resolve: %v", err)
	}
}
