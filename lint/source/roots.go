package source

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The run's roots: the directories dnslint may read a file from that it was not named,
// such as a Corefile's imports. A pull request controls what the linted files say, so
// what they name is read only inside the roots, never through a hidden path component
// (.git/config, .env: where CI keeps tokens), and through the guarded reader.

// ErrOutside is a path, or a symbolic link, that leads out of the directories dnslint may
// read.
var ErrOutside = errors.New("outside the directories dnslint reads: dnslint reads no other file")

// ErrHidden is a path through a hidden file or directory (a name that starts with a dot).
var ErrHidden = errors.New("a hidden file or directory (such as .git or .env): dnslint reads none")

// RootOf is the root a linted path gives its run: the directory it is (or the directory
// of the file it is), widened to the top of the git work tree that holds it; outside a
// work tree, to configDir (the directory of the .dnslint.yaml in use) when that holds
// it; never beyond. A path that is neither, or that lies in a hidden directory of the
// tree it would widen to (.github/dns, say: named by the user, but hidden from the
// rest of the tree), is its own root.
func RootOf(path, configDir string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	dir := abs
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		dir = filepath.Dir(abs)
	}
	widen := func(top string) string {
		if rel, ok := under(top, dir); ok && !hidden(rel) {
			return top
		}
		return dir
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return widen(d)
		}
		if d == filepath.Dir(d) {
			break
		}
	}
	if configDir != "" {
		if c, err := filepath.Abs(configDir); err == nil {
			return widen(c)
		}
	}
	return dir
}

// Roots are the directories files may be read from (absolute), and the size limit.
// The zero value reads nothing.
type Roots struct {
	Dirs []string
	// MaxSize is the largest file read (DefaultMaxSize when zero).
	MaxSize int64
}

// Check tells why path (a file or a directory, which need not exist) may not be read:
// ErrOutside when it lies in no root, by name or once its symbolic links are resolved;
// ErrHidden when a component below each root that holds it, by name or resolved, is
// hidden.
func (r Roots) Check(path string) error {
	_, _, err := r.locate(path)
	return err
}

// Read reads path when Check allows it, through the guarded reader, opened inside its
// root with os.Root: a link that changed since the check still cannot lead out.
func (r Roots) Read(path string) ([]byte, error) {
	dir, rel, err := r.locate(path)
	if err != nil {
		return nil, err
	}
	return r.readUnder(dir, rel)
}

// ReadDotFile reads a file that a rendering tool reads beside what it renders, such as a
// chart's .helmignore: name is one component that starts with a dot, in dir, which must
// lie visibly in the roots (as for Read). The file's own name is the one hidden component
// allowed; it is read as Read reads (regular file, size limit, no link out of the root).
func (r Roots) ReadDotFile(dir, name string) ([]byte, error) {
	if !strings.HasPrefix(name, ".") || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return nil, fmt.Errorf("%s: not the name of a dot file", name)
	}
	root, rel, err := r.locate(dir)
	if err != nil {
		return nil, err
	}
	return r.readUnder(root, filepath.Join(rel, name))
}

// readUnder reads rel inside the resolved root dir, opened with os.Root.
func (r Roots) readUnder(dir, rel string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer root.Close()
	max := r.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	return readIn(root, rel, filepath.Join(dir, rel), max)
}

// locate returns the resolved root that holds path and path relative to it.
func (r Roots) locate(path string) (root, rel string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", ErrOutside
	}
	real := resolve(abs)
	refusal := ErrOutside
	for _, d := range r.Dirs {
		if rel, ok := under(d, abs); ok && hidden(rel) {
			refusal = ErrHidden
			continue
		}
		root := resolve(d)
		rel, ok := under(root, real)
		switch {
		case !ok:
		case hidden(rel):
			refusal = ErrHidden
		default:
			return root, rel, nil
		}
	}
	return "", "", refusal
}

// under returns path relative to dir when it lies in dir (both absolute).
func under(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// hidden tells whether a relative path has a component that starts with a dot.
func hidden(rel string) bool {
	for _, c := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(c, ".") && c != "." {
			return true
		}
	}
	return false
}

// Within tells whether path, with every symbolic link resolved, lies in one of the
// directories roots (absolute paths; their own links are resolved too). A path that
// does not exist is placed by its nearest existing parent.
func Within(path string, roots []string) bool {
	real := resolve(path)
	for _, r := range roots {
		if _, ok := under(resolve(r), real); ok {
			return true
		}
	}
	return false
}

// resolve makes path absolute and resolves the links of its longest existing prefix.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if dir == filepath.Dir(dir) {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}
