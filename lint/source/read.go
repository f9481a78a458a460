package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// The guarded reader: every file dnslint reads — inputs, imports, policies, the config,
// the webhook's certificate — is a regular file of at most a size limit. What a path
// names is checked before it is opened (a device or a named pipe is never opened for
// reading), and the opened file is checked again, opened without blocking, in case the
// path changed between the two.

// ErrTooLarge is returned for files over the size limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular is a named pipe, socket or device where a file was expected.
var ErrNotRegular = errors.New("not a regular file")

// ErrIsDir is a directory where a file was expected.
var ErrIsDir = errors.New("is a directory")

// ReadLimited reads a file the user named (symbolic links followed): a regular file of
// at most max bytes.
func ReadLimited(path string, max int64) ([]byte, error) {
	return readGuarded(
		func() (fs.FileInfo, error) { return os.Stat(path) },
		func(flag int) (*os.File, error) { return os.OpenFile(path, flag, 0) },
		max)
}

// readIn reads name, relative to root, through root: no path component nor symbolic
// link leads out of it (os.Root; ErrOutside); otherwise as ReadLimited. abs is the same
// file by its absolute path, for the check before the open (a stat opens nothing, and is
// one system call where os.Root's would open every directory on the way).
func readIn(root *os.Root, name, abs string, max int64) ([]byte, error) {
	b, err := readGuarded(
		func() (fs.FileInfo, error) { return os.Stat(abs) },
		func(flag int) (*os.File, error) { return root.OpenFile(name, flag, 0) },
		max)
	if err != nil && strings.Contains(err.Error(), "escapes from parent") {
		return nil, ErrOutside // os.Root's own refusal, whose error is not exported
	}
	return b, err
}

// readGuarded checks what stat says, opens without blocking (a named pipe put in place
// after the check does not hang the open), checks the opened file, and reads at most
// max+1 bytes of it.
func readGuarded(stat func() (fs.FileInfo, error), open func(flag int) (*os.File, error), max int64) ([]byte, error) {
	info, err := stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if err := regular(info.Mode()); err != nil {
		return nil, err
	}
	f, err := open(os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, unwrapPathError(err)
	}
	if err := regular(info.Mode()); err != nil {
		return nil, err
	}
	if info.Size() > max {
		return nil, tooLarge(info.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(b)) > max {
		return nil, tooLarge(int64(len(b)), max)
	}
	return b, nil
}

func tooLarge(size, max int64) error {
	return fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, size, max)
}

// regular refuses anything but a regular file, naming what it is.
func regular(m fs.FileMode) error {
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return ErrIsDir
	}
	return notRegular(m)
}

func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return fmt.Errorf("%w (%s): not read", ErrNotRegular, kind)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
