package engine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

const policySecret = "policy-secret-7f3a9c"

// TestPolicyDirectoryReadsNothingElse: a .rego link to a file outside the policy
// directory, or to /proc/self/environ, printed its content in the Rego parse error; a
// link to /dev/zero ran out of memory, a named pipe hung. None is read: the error names
// the file and holds none of its content (this test would never end on the pipe).
func TestPolicyDirectoryReadsNothingElse(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret")
	if err := os.WriteFile(secret, []byte("token = "+policySecret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		make func(path string) error
		want error
		msg  string
	}{
		"link.rego":    {func(p string) error { return os.Symlink(secret, p) }, source.ErrOutside, "a symbolic link that leads out of"},
		"environ.rego": {func(p string) error { return os.Symlink("/proc/self/environ", p) }, source.ErrOutside, "a symbolic link that leads out of"},
		"zero.rego":    {func(p string) error { return os.Symlink("/dev/zero", p) }, source.ErrOutside, "a symbolic link that leads out of"},
		"pipe.rego":    {func(p string) error { return syscall.Mkfifo(p, 0o600) }, source.ErrNotRegular, "not a regular file (named pipe): not read"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv("DNSLINT_POLICY_SECRET", policySecret)
			dir := writePolicy(t, goodPolicy)
			if err := c.make(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			_, err := LoadCatalog(dir)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), "policy: "+filepath.Join(dir, name)+": "+c.msg) ||
				strings.Contains(err.Error(), policySecret) {
				t.Errorf("LoadCatalog: %v", err)
			}
		})
	}
}

// TestPolicyDirectorySkipsHidden: a policy under a hidden directory, or a hidden file, is
// not loaded (as the lint walk skips hidden paths); a link inside the directory is read.
func TestPolicyDirectorySkipsHidden(t *testing.T) {
	dir := writePolicy(t, goodPolicy)
	for name, body := range map[string]string{".git/broken.rego": "not rego", ".broken.rego": "not rego"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "policy.rego"), filepath.Join(dir, "lib", "again.rego")); err != nil {
		t.Fatal(err)
	}
	_, err := LoadCatalog(dir)
	if err == nil || !strings.Contains(err.Error(), "is already defined") {
		t.Errorf("want the linked policy read (a duplicate rule), got %v", err)
	}
	if err := os.Remove(filepath.Join(dir, "lib", "again.rego")); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadCatalog(dir); err != nil {
		t.Errorf("hidden paths were read: %v", err)
	}
}
