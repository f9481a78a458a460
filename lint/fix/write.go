package fix

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrChanged is returned when a file changed between the run's read and its write.
var ErrChanged = errors.New("changed since dnslint read it; not fixed")

// WriteAtomic replaces the file at path with data, only if it still holds read (what the
// run linted): a temporary file in the same directory is written, synced, given the
// file's mode and renamed over it, so that a reader sees the old file or the new one,
// never a part. A path that is not a regular file is refused.
func WriteAtomic(path string, read, data []byte) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file (a symbolic link is not followed); not fixed", path)
	}
	now, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, read) {
		return fmt.Errorf("%s: %w", path, ErrChanged)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".dnslint-fix-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	if d, err := os.Open(dir); err == nil { // the rename itself is durable once the directory is synced
		d.Sync()
		d.Close()
	}
	return nil
}
