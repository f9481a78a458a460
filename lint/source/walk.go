package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Format is what kind of file something is.
type Format string

// The formats dnslint reads.
const (
	Corefile Format = "corefile"
	YAML     Format = "yaml"
	Resolv   Format = "resolv"
)

// DefaultMaxSize is the largest file read (5 MiB); larger files are reported, not read.
const DefaultMaxSize = 5 << 20

// File is one input file, read.
type File struct {
	// Path is the name findings use (see Display); "-" input uses the stdin filename.
	Path   string
	Abs    string
	Format Format
	Data   []byte
	// Root is the absolute directory the file was linted through: the directory walked,
	// the directory of a file named on the command line, the working directory for
	// standard input. A run reads imports only below the roots of its files.
	Root string
}

// Problem is a path that could not be read; the run reports it and goes on.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return p.Path + ": " + p.Err.Error() }

// Walker reads the inputs of a run.
type Walker struct {
	// MaxSize is the largest file read (DefaultMaxSize when zero).
	MaxSize int64
	// Exclude skips paths (nil: nothing excluded).
	Exclude func(path string) bool
	// Stdin and StdinName serve the path "-".
	Stdin     io.Reader
	StdinName string
}

// Collect reads every path: files as given (by name, else by content), directories
// recursively (files whose name says their format). Results are sorted by path.
func (w *Walker) Collect(paths []string) ([]*File, []Problem) {
	var files []*File
	var problems []Problem
	seen := map[string]bool{}
	add := func(path, root string, explicit bool) {
		f, err := w.read(path, explicit)
		switch {
		case err != nil:
			problems = append(problems, Problem{Path: Display(path), Err: err})
		case f != nil && !seen[f.Abs]:
			seen[f.Abs] = true
			f.Root = root
			files = append(files, f)
		}
	}
	for _, p := range paths {
		if p == "-" {
			f, err := w.readStdin()
			if err != nil {
				problems = append(problems, Problem{Path: "-", Err: err})
			} else {
				f.Root, _ = os.Getwd()
				files = append(files, f)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{Path: Display(p), Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			add(p, absDir(p), true)
			continue
		}
		root, _ := filepath.Abs(p)
		problems = append(problems, w.walk(p, func(path string) { add(path, root, false) })...)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, problems
}

func (w *Walker) walk(root string, visit func(string)) []Problem {
	var problems []Problem
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{Path: Display(path), Err: unwrapPathError(err)})
			return nil
		}
		if w.Exclude != nil && w.Exclude(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if FormatOf(path) == "" {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			visit(path)
		case d.Type()&fs.ModeSymlink != 0:
			// Links to files are followed, within the walked directory; links to
			// directories are not (no cycles).
			info, err := os.Stat(path)
			switch {
			case err != nil:
				problems = append(problems, Problem{Path: Display(path), Err: fmt.Errorf("broken symbolic link: %w", unwrapPathError(err))})
			case info.IsDir():
			case !Within(path, []string{root}):
				problems = append(problems, Problem{Path: Display(path), Err: fmt.Errorf("%w: not read (name it on the command line to lint it)", ErrLinkOutside)})
			case info.Mode().IsRegular():
				visit(path)
			default:
				problems = append(problems, Problem{Path: Display(path), Err: notRegular(info.Mode())})
			}
		default:
			// A named pipe would block the run, a device would never end.
			problems = append(problems, Problem{Path: Display(path), Err: notRegular(d.Type())})
		}
		return nil
	})
	return problems
}

// ErrLinkOutside is a symbolic link in a walked directory to a file outside it.
var ErrLinkOutside = errors.New("symbolic link to a file outside the directory being linted")

// ErrNotRegular is a named pipe, socket or device where a file was expected.
var ErrNotRegular = errors.New("not a regular file")

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

func absDir(path string) string {
	abs, _ := filepath.Abs(path)
	return filepath.Dir(abs)
}

// Within tells whether path, with every symbolic link resolved, lies in one of the
// directories roots (absolute paths; their own links are resolved too). A path that
// does not exist is placed by its nearest existing parent.
func Within(path string, roots []string) bool {
	real := resolve(path)
	for _, r := range roots {
		rel, err := filepath.Rel(resolve(r), real)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
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

func (w *Walker) maxSize() int64 {
	if w.MaxSize > 0 {
		return w.MaxSize
	}
	return DefaultMaxSize
}

// ErrTooLarge is returned for files over the size limit.
var ErrTooLarge = errors.New("file too large")

func (w *Walker) read(path string, explicit bool) (*File, error) {
	if explicit && w.Exclude != nil && w.Exclude(path) {
		return nil, nil
	}
	b, err := ReadLimited(path, w.maxSize())
	if err != nil {
		return nil, err
	}
	format := FormatOf(path)
	if format == "" {
		if format = Sniff(b); format == "" {
			return nil, fmt.Errorf("cannot tell the format: name it Corefile, *.corefile, resolv.conf, *.resolv.conf, *.yaml or *.json")
		}
	}
	if err := binary(format, b); err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(path)
	return &File{Path: Display(path), Abs: abs, Format: format, Data: b}, nil
}

func (w *Walker) readStdin() (*File, error) {
	if w.Stdin == nil {
		return nil, errors.New("no standard input")
	}
	b, err := io.ReadAll(io.LimitReader(w.Stdin, w.maxSize()+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > w.maxSize() {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, w.maxSize())
	}
	name := w.StdinName
	if name == "" {
		name = "<stdin>"
	}
	format := FormatOf(name)
	if format == "" {
		format = Sniff(b)
	}
	if format == "" {
		return nil, fmt.Errorf("cannot tell the format of standard input: give --stdin-filename")
	}
	if err := binary(format, b); err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(name)
	return &File{Path: Display(name), Abs: abs, Format: format, Data: b}, nil
}

// ErrBinary is a file that holds a NUL byte where text was expected.
var ErrBinary = errors.New("binary file")

// binary rejects a Corefile with a NUL byte in its first 8000 bytes (git's test for
// binary files): it is no configuration text, and linting it would only report garbage.
// The YAML parser reads UTF-16 and names a bad byte itself; the resolv.conf parser
// reports a file that is not text (resolv/syntax).
func binary(format Format, b []byte) error {
	if format != Corefile {
		return nil
	}
	if i := bytes.IndexByte(b[:min(len(b), 8000)], 0); i >= 0 {
		return fmt.Errorf("%w (a NUL byte at offset %d): not a Corefile, not linted", ErrBinary, i)
	}
	return nil
}

// ReadLimited reads a regular file of at most max bytes.
func ReadLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if info.IsDir() {
		return nil, errors.New("is a directory")
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, info.Size(), max)
	}
	return b, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// FormatOf tells a file's format from its name ("" when the name does not say).
func FormatOf(path string) Format {
	base := filepath.Base(path)
	lower := strings.ToLower(base)
	switch {
	case base == "Corefile" || strings.HasPrefix(base, "Corefile.") || strings.HasSuffix(lower, ".corefile"):
		return Corefile
	case lower == "resolv.conf" || strings.HasSuffix(lower, ".resolv.conf"):
		return Resolv
	case strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") || strings.HasSuffix(lower, ".json"):
		return YAML
	}
	return ""
}

// Sniff guesses a format from content: YAML/JSON with a `kind`, resolv.conf keywords,
// or a Corefile server block.
func Sniff(b []byte) Format {
	var kinds, resolv, braces int
	for _, raw := range bytes.Split(b, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "kind:") || strings.HasPrefix(line, `"kind"`) || strings.HasPrefix(line, "apiVersion:"):
			kinds++
		case hasKeyword(line, "nameserver", "search", "options", "domain"):
			resolv++
		case strings.HasSuffix(line, "{"):
			braces++
		}
	}
	switch {
	case kinds > 0:
		return YAML
	case resolv > 0 && braces == 0:
		return Resolv
	case braces > 0:
		return Corefile
	}
	return ""
}

func hasKeyword(line string, words ...string) bool {
	first, _, _ := strings.Cut(line, " ")
	for _, w := range words {
		if first == w {
			return true
		}
	}
	return false
}
