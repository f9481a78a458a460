package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DirFS is a directory read as a whole (the Rego policies of --policy DIR) as an fs.FS:
// listing is confined to the directory by os.Root and leaves out hidden files and
// directories; files are read only with ReadFile, through the guarded reader inside the
// directory (no symbolic link that leads out, no hidden component, no device or named
// pipe, the size limit). Open serves directories only.
type DirFS struct {
	dir   string
	root  *os.Root
	files Roots
}

// OpenDirFS opens dir; Close releases it.
func OpenDirFS(dir string, max int64) (*DirFS, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return &DirFS{dir: abs, root: root, files: Roots{Dirs: []string{abs}, MaxSize: max}}, nil
}

// Close releases the directory.
func (d *DirFS) Close() error { return d.root.Close() }

// Open implements fs.FS for directories; a file is read with ReadFile.
func (d *DirFS) Open(name string) (fs.File, error) {
	info, err := d.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("read a file with ReadFile")}
	}
	return d.root.FS().Open(name)
}

// Stat implements fs.StatFS.
func (d *DirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.root.FS(), name) }

// ReadDir implements fs.ReadDirFS, without hidden entries.
func (d *DirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(d.root.FS(), name)
	visible := entries[:0]
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			visible = append(visible, e)
		}
	}
	return visible, err
}

// ReadFile implements fs.ReadFileFS through the guarded reader.
func (d *DirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	b, err := d.files.Read(filepath.Join(d.dir, filepath.FromSlash(name)))
	if errors.Is(err, ErrOutside) {
		err = fmt.Errorf("a symbolic link that leads out of %s, not read (%w)", d.dir, err)
	}
	return b, err
}
