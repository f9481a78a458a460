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

	"github.com/dnslint/dnslint/lint/model"
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
	// Root is the root this file gives its run (see RootOf): its directory, or the
	// directory walked, widened to the git work tree that holds it. Standard input has
	// the root of its --stdin-filename, and none without one. A run reads what its files
	// name (imports) only inside the roots of its files.
	Root string
	// Origin, for a rendered text (lint/render), places positions of Data in the files
	// the user edits, and Edited holds those files' texts by display path (what findings
	// quote and suppression comments are read from). Nil for a file read as it is.
	Origin Origin
	Edited map[string][]byte
	// Only, for a rendered text, reports only the findings placed in these files (by
	// display path): the files named on the command line, when a chart's templates or a
	// kustomization's files were given alone (pre-commit passes the staged files). Nil
	// reports all.
	Only map[string]bool
	// Notes are what rendering reports about this file (a chart that does not render, a
	// dependency or a remote base left out): it is not parsed, only reported.
	Notes []*model.ParseError
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
	// ConfigDir is the directory of the .dnslint.yaml in use ("" when none): outside a
	// git work tree, the roots widen to it (see RootOf).
	ConfigDir string
}

// Collect reads every path: files as given (by name, else by content), directories
// recursively (files whose name says their format; hidden files and directories are
// skipped). Results are sorted by path.
func (w *Walker) Collect(paths []string) ([]*File, []Problem) {
	var files []*File
	var problems []Problem
	seen := map[string]bool{}
	add := func(f *File, err error, path, root string) {
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
				if w.StdinName != "" {
					f.Root = RootOf(w.StdinName, w.ConfigDir)
				}
				files = append(files, f)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{Path: Display(p), Err: unwrapPathError(err)})
			continue
		}
		root := RootOf(p, w.ConfigDir)
		if !info.IsDir() {
			if w.Exclude == nil || !w.Exclude(p) {
				f, err := w.read(p, func(max int64) ([]byte, error) { return ReadLimited(p, max) })
				add(f, err, p, root)
			}
			continue
		}
		problems = append(problems, w.collectDir(p, func(f *File, err error, path string) { add(f, err, path, root) })...)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, problems
}

// collectDir walks dir and reads its files through dir, opened once (os.Root): no link
// leads out of it (the walk skips hidden paths, and checks links first).
func (w *Walker) collectDir(dir string, add func(f *File, err error, path string)) []Problem {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return []Problem{{Path: Display(dir), Err: unwrapPathError(err)}}
	}
	defer root.Close()
	real := resolve(dir)
	return w.walk(dir, func(path string, link bool) {
		f, err := w.read(path, func(max int64) ([]byte, error) {
			// os.Root takes an absolute link for an escape: a link is opened by the
			// path it resolves to.
			rel, ok := under(real, resolve(path))
			if !link {
				rel, ok = under(dir, path)
			}
			if !ok {
				return nil, ErrOutside
			}
			return readIn(root, rel, path, max)
		})
		add(f, err, path)
	})
}

func (w *Walker) walk(root string, visit func(path string, link bool)) []Problem {
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
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || FormatOf(path) == "" {
			return nil
		}
		switch {
		case d.Type().IsRegular():
			visit(path, false)
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
			default:
				visit(path, true)
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

func (w *Walker) maxSize() int64 {
	if w.MaxSize > 0 {
		return w.MaxSize
	}
	return DefaultMaxSize
}

// read reads a file with readFile (the guarded reader, for a path named or walked) and
// tells its format.
func (w *Walker) read(path string, readFile func(max int64) ([]byte, error)) (*File, error) {
	b, err := readFile(w.maxSize())
	if err != nil {
		return nil, err
	}
	format := FormatOf(path)
	if format == "" {
		if format = Sniff(b); format == "" {
			return nil, fmt.Errorf("cannot tell the format: name it Corefile, *.corefile, resolv.conf, *.resolv.conf, *.yaml or *.json")
		}
	}
	if err := binary(b); err != nil {
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
	if err := binary(b); err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(name)
	return &File{Path: Display(name), Abs: abs, Format: format, Data: b}, nil
}

// ErrBinary is a file whose content is no text, whatever its name says.
var ErrBinary = errors.New("binary file")

// binary refuses content that is no configuration text, whatever the file's name: a NUL
// byte (git's test for binary files) or another control character than tab, line feed,
// vertical tab, form feed and carriage return in the first 8000 bytes. Linting it would
// only report garbage, and print it. A YAML stream in UTF-16 (which starts with a byte
// order mark) is text: the YAML parser reads it.
func binary(b []byte) error {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return nil
	}
	for i, c := range b[:min(len(b), 8000)] {
		switch {
		case c == 0:
			return fmt.Errorf("%w (a NUL byte at offset %d): not linted", ErrBinary, i)
		case c < 0x20 && (c < '\t' || c > '\r') || c == 0x7f:
			return fmt.Errorf("%w (control character 0x%02x at offset %d): not linted", ErrBinary, c, i)
		}
	}
	return nil
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

// Sniff guesses a format from content: YAML/JSON with a `kind`, a Corefile (its first
// line opens a server block: OpensServerBlock, the header test of LooksLikeCorefile), or
// resolv.conf keywords.
func Sniff(b []byte) Format {
	var kinds, resolv int
	for _, raw := range bytes.Split(b, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "kind:") || strings.HasPrefix(line, `"kind"`) || strings.HasPrefix(line, "apiVersion:"):
			kinds++
		case hasKeyword(line, "nameserver", "search", "options", "domain"):
			resolv++
		}
	}
	switch {
	case kinds > 0:
		return YAML
	case OpensServerBlock(string(b)):
		return Corefile
	case resolv > 0:
		return Resolv
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
