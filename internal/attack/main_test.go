//go:build attack

package attack

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// dnslintBin is the dnslint binary built once for the suite by TestMain.
var dnslintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dnslint-attack-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	dnslintBin = filepath.Join(dir, "dnslint")
	build := exec.Command("go", "build", "-o", dnslintBin, "github.com/dnslint/dnslint/cmd/dnslint")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building dnslint:", err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one dnslint process left behind.
type result struct {
	stdout, stderr []byte
	exit           int
	// maxRSS is the child's peak resident memory in bytes, from its rusage.
	maxRSS int64
}

// output is stdout and stderr together, for "no secret byte anywhere" assertions.
func (r result) output() []byte { return append(append([]byte{}, r.stdout...), r.stderr...) }

// run starts dnslint in dir with args (and stdin when not nil) and waits for it.
func run(t *testing.T, dir string, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(dnslintBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.Bytes(), stderr: errb.Bytes()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		r.exit = exitErr.ExitCode()
	default:
		t.Fatalf("dnslint %v: %v", args, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss * 1024 // Linux reports kilobytes
	}
	return r
}

// writeFiles writes name → content below dir, creating directories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// secret is a marker planted in files dnslint must never read or echo.
const secret = "DNSLINT-ATTACK-SECRET-7f3a9c"

// mustNotLeak fails when any output of r holds the secret marker.
func mustNotLeak(t *testing.T, r result) {
	t.Helper()
	if bytes.Contains(r.output(), []byte(secret)) {
		t.Fatalf("output leaks the secret:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

// TestSuiteRuns proves the suite builds dnslint and reads its exit code.
func TestSuiteRuns(t *testing.T) {
	r := run(t, t.TempDir(), nil, "version")
	if r.exit != 0 || len(r.stdout) == 0 {
		t.Fatalf("dnslint version: exit %d, stdout %q, stderr %q", r.exit, r.stdout, r.stderr)
	}
}
