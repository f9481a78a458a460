package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fifo makes a named pipe nobody writes to: whoever opens it for reading blocks.
func fifo(t *testing.T, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestReadLimited: a named pipe is refused (this test would never end if it were
// opened), /dev/zero is a device, not "file too large: 0 bytes"; a directory, a file over
// the limit with its real size; a regular file is read.
func TestReadLimited(t *testing.T) {
	root := tree(t, map[string]string{"ok.yaml": "kind: Pod\n", "big.yaml": strings.Repeat("x", 101)})
	fifo(t, filepath.Join(root, "pipe.yaml"))
	if err := os.Symlink("/dev/zero", filepath.Join(root, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"pipe.yaml": "not a regular file (named pipe): not read",
		"zero.yaml": "not a regular file (device): not read",
		".":         "is a directory",
		"big.yaml":  "file too large: 101 bytes, the limit is 100",
		"none.yaml": "no such file or directory",
	} {
		_, err := ReadLimited(filepath.Join(root, name), 100)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
	if _, err := ReadLimited("/dev/zero", 100); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: %v", err)
	}
	if b, err := ReadLimited(filepath.Join(root, "ok.yaml"), 100); err != nil || string(b) != "kind: Pod\n" {
		t.Errorf("ok.yaml: %q %v", b, err)
	}
}

func TestBinary(t *testing.T) {
	for body, want := range map[string]string{
		"kind: Pod\n":                      "",
		"a\tb\r\n\f\v":                     "",
		"é ünïcode ✓\n":                    "",
		"\xff\xfek\x00i\x00":               "", // UTF-16 with a byte order mark: the YAML parser reads it
		"kind: Pod\x00":                    "binary file (a NUL byte at offset 9): not linted",
		"\x7fELF":                          "binary file (control character 0x7f at offset 0): not linted",
		"name: \x1b[31mred":                "binary file (control character 0x1b at offset 6): not linted",
		strings.Repeat("x", 8000) + "\x00": "",
	} {
		err := binary([]byte(body))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want || err != nil && !errors.Is(err, ErrBinary) {
			t.Errorf("binary(%q) = %v, want %q", body, err, want)
		}
	}
}

// TestWalkerRefusesSpecialFiles names a named pipe and /dev/zero on the command line.
func TestWalkerRefusesSpecialFiles(t *testing.T) {
	root := tree(t, map[string]string{"ok.yaml": "kind: Pod\n"})
	fifo(t, filepath.Join(root, "pipe"))
	files, problems := (&Walker{}).Collect([]string{filepath.Join(root, "pipe"), "/dev/zero", filepath.Join(root, "ok.yaml")})
	if len(files) != 1 {
		t.Errorf("files %v", files)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, filepath.Base(p.Path)+": "+p.Err.Error())
	}
	if got, want := strings.Join(msgs, "\n"), "pipe: not a regular file (named pipe): not read\nzero: not a regular file (device): not read"; got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
