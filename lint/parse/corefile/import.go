package corefile

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/source"
)

// FS is where imports are read from: the disk for plain Corefiles, the keys of the
// ConfigMaps of a run for Corefiles inside a ConfigMap.
type FS interface {
	// Abs makes an import pattern absolute against the text that holds the import.
	Abs(from *source.Text, pattern string) string
	// Glob returns the names matching an absolute pattern, sorted as filepath.Glob sorts.
	// known is false when the directory is not visible in this run (e.g. the custom/
	// directory of a ConfigMap when no coredns-custom ConfigMap was linted).
	Glob(pattern string) (matches []string, known bool, err error)
	// Open reads an imported file.
	Open(name string) (*source.Text, error)
}

// ErrIsDir is returned by FS.Open for a directory.
var ErrIsDir = source.ErrIsDir

// doImport replaces `import PATTERN` (the current token is `import`) with the tokens it
// names, as caddyfile's parser does; the cursor ends on the token before the import.
func (p *parser) doImport() error {
	imp := p.cur()
	if !p.nextArg() {
		return p.argErr()
	}
	pattern, patternPos := p.val(), p.cur().pos
	if pattern == "" {
		return p.errf("Import requires a non-empty filepath")
	}
	if p.nextArg() {
		return p.errf("Import takes only one argument (glob pattern or file)")
	}
	record := &model.Import{Pattern: pattern, Pos: imp.pos, Resolved: true}
	p.result.Imports = append(p.result.Imports, record)

	var imported []slot
	if snip, ok := p.snippets[pattern]; ok {
		if p.snippetN >= maxSnippetExpansions {
			return p.errf("maximum snippet import depth (%d) exceeded", maxSnippetExpansions)
		}
		p.snippetN++
		record.Kind = "snippet"
		record.Matched = []string{pattern}
		imported = withVia(snip, imp.via, "("+pattern+")")
	} else {
		toks, err := p.importFiles(imp, pattern, patternPos, record)
		if err != nil {
			return err
		}
		imported = toks
	}
	if n := p.toks.len() - 2 + len(imported); n > MaxTokens {
		return &LimitError{Msg: fmt.Sprintf("with its imports this Corefile has more than %d tokens, dnslint's limit (this import brings in %d)", MaxTokens, len(imported)), Pos: imp.pos}
	}
	if err := p.budget.spendTokens(len(imported), imp.pos); err != nil {
		return err
	}
	p.toks.splice(p.cursor-1, p.cursor+1, imported)
	p.cursor--
	return nil
}

func (p *parser) importFiles(imp *slot, pattern string, patternPos model.Pos, record *model.Import) ([]slot, error) {
	if p.fileN >= maxFileExpansions {
		return nil, p.errf("maximum file import depth (%d) exceeded", maxFileExpansions)
	}
	p.fileN++
	if p.fs == nil {
		return nil, p.errf("File to import not found: %s", pattern)
	}
	abs := p.fs.Abs(imp.src, pattern)
	if strings.Count(abs, "*") > 1 || strings.Count(abs, "?") > 1 ||
		(strings.Contains(abs, "[") && strings.Contains(abs, "]")) {
		return nil, p.errf("Glob pattern may only contain one wildcard (*), but has others: %s", p.show(abs))
	}
	isGlob := strings.ContainsAny(abs, "*?[]")
	record.Kind = "file"
	if isGlob {
		record.Kind = "glob"
	}
	matches, known, err := p.fs.Glob(abs)
	if reason := unreadReason(err); reason != "" {
		record.Resolved = false
		record.Unread = append(record.Unread, &model.Unread{Path: p.show(abs), Reason: reason, Message: err.Error(), Pos: patternPos})
		return nil, nil
	}
	if err != nil {
		return nil, p.errf("Failed to use import pattern %s: %v", pattern, err)
	}
	record.Resolved = known
	if len(matches) == 0 && !isGlob && known {
		return nil, p.errf("File to import not found: %s", pattern)
	}
	if err := p.budget.spendFiles(len(matches), imp.pos); err != nil {
		return nil, err
	}
	var toks []slot
	for _, m := range matches {
		if imp.via.contains(m) || m == p.text.Name {
			return nil, p.errf("import cycle: %s imports itself through %s", p.show(m), p.showAll(imp.via.push(m).slice()))
		}
		lexed, name, err := p.open(m, imp.pos)
		reason := unreadReason(err)
		var lexErr lexError
		switch {
		case reason != "":
		case errors.Is(err, ErrIsDir):
			return nil, p.errf("Could not import %s: is a directory", p.show(m))
		case errors.As(err, new(*LimitError)):
			return nil, err
		case errors.As(err, &lexErr) && errors.Is(lexErr.err, errTooManyTokens):
			return nil, &LimitError{Msg: fmt.Sprintf("%s has more than %d tokens, dnslint's limit", p.show(m), MaxTokens), Pos: imp.pos}
		case errors.As(err, &lexErr):
			return nil, lexErr.err
		case err != nil:
			return nil, p.errf("Could not import %s: %v", p.show(m), err)
		}
		if reason != "" {
			// CoreDNS would read it; dnslint does not, and lints the rest without it.
			record.Resolved = false
			record.Unread = append(record.Unread, &model.Unread{Path: p.show(m), Reason: reason, Message: err.Error(), Pos: patternPos})
			continue
		}
		record.Matched = append(record.Matched, name)
		toks = append(toks, withVia(lexed, imp.via, m)...)
	}
	return toks, nil
}

// ErrOutside is what an FS returns for a path outside the run's roots, and ErrHidden
// for a path through a hidden component: neither is read (see source.Roots).
var (
	ErrOutside = source.ErrOutside
	ErrHidden  = source.ErrHidden
)

// unreadReason is the model.Unread reason of an error that leaves an import unread
// ("" for other errors).
func unreadReason(err error) string {
	switch {
	case errors.Is(err, ErrOutside):
		return "outside"
	case errors.Is(err, ErrHidden):
		return "hidden"
	case errors.Is(err, source.ErrTooLarge):
		return "too-large"
	}
	return ""
}

// lexError is an error of lex, which already names the file and line.
type lexError struct{ err error }

func (e lexError) Error() string { return e.err.Error() }

type opened struct {
	toks []slot
	name string
	err  error
}

// open reads and lexes an imported file, once per parse however often it is imported,
// and charges its bytes to the run's budget (a budget already spent is an error at the
// import, at, before the file is read).
func (p *parser) open(name string, at model.Pos) ([]slot, string, error) {
	if o, ok := p.opened[name]; ok {
		return o.toks, o.name, o.err
	}
	if err := p.budget.canRead(at); err != nil {
		return nil, "", err
	}
	var o opened
	t, err := p.fs.Open(name)
	if err == nil {
		p.budget.spendBytes(len(t.Body))
		o.name = t.Name
		if o.toks, err = lex(t); err != nil {
			err = lexError{err}
		}
	}
	o.err = err
	if p.opened == nil {
		p.opened = map[string]opened{}
	}
	p.opened[name] = o
	return o.toks, o.name, o.err
}

// withVia copies tokens, recording the import chain that brought them in.
func withVia(toks []slot, via *chain, step string) []slot {
	c := via.push(step)
	out := make([]slot, len(toks))
	for i, t := range toks {
		out[i] = slot{token: t.token, via: c}
	}
	return out
}

// Files is the disk as imports see it: source.Roots (the run's roots and size limit),
// or a wrapper of it.
type Files interface {
	// Check tells why a file or directory may not be read (nil: it may).
	Check(path string) error
	// Read reads a file through the guarded reader.
	Read(path string) ([]byte, error)
}

// DiskFS reads imports from the file system, relative to the importing file, only
// through Files (nil: nothing is read).
type DiskFS struct {
	Files Files
}

// Abs implements FS: a relative pattern is relative to the importing file's directory,
// made absolute as caddy does (filepath.Abs), so that messages name the same path.
func (d DiskFS) Abs(from *source.Text, pattern string) string {
	if filepath.IsAbs(pattern) {
		return pattern
	}
	dir := filepath.Dir(from.Name)
	if abs, err := filepath.Abs(from.Name); err == nil {
		dir = filepath.Dir(abs)
	}
	return filepath.Join(dir, pattern)
}

// Glob implements FS. A pattern whose fixed part may not be read (outside the roots,
// or hidden) is not even globbed.
func (d DiskFS) Glob(pattern string) ([]string, bool, error) {
	if d.Files == nil {
		return nil, false, source.ErrOutside
	}
	if err := d.Files.Check(fixedDir(pattern)); err != nil {
		return nil, false, err
	}
	m, err := filepath.Glob(pattern)
	return m, true, err
}

// fixedDir is the directory of a pattern's part before its first wildcard.
func fixedDir(pattern string) string {
	if i := strings.IndexAny(pattern, "*?["); i >= 0 {
		return filepath.Dir(pattern[:i] + "x")
	}
	return filepath.Dir(pattern)
}

// Open implements FS. The text's File is the path relative to the working directory when
// the file lies below it, so that findings name the file as the user would.
func (d DiskFS) Open(name string) (*source.Text, error) {
	if d.Files == nil {
		return nil, source.ErrOutside
	}
	b, err := d.Files.Read(name)
	if err != nil {
		return nil, err
	}
	return &source.Text{File: source.Display(name), Name: name, Body: b}, nil
}

// MemFS serves imports from texts held in memory (ConfigMap keys), under virtual paths.
type MemFS struct {
	// Files maps a virtual absolute path to its text.
	Files map[string]*source.Text
	// Dirs are the directories whose content is fully known in this run.
	Dirs map[string]bool
}

// Abs implements FS with slash-separated virtual paths.
func (m MemFS) Abs(from *source.Text, pattern string) string {
	if path.IsAbs(pattern) {
		return pattern
	}
	return path.Join(path.Dir(from.Name), pattern)
}

// Glob implements FS.
func (m MemFS) Glob(pattern string) ([]string, bool, error) {
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, true, err
	}
	var out []string
	for name := range m.Files {
		if ok, _ := path.Match(pattern, name); ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, len(out) > 0 || m.Dirs[path.Dir(pattern)], nil
}

// Open implements FS.
func (m MemFS) Open(name string) (*source.Text, error) {
	if t, ok := m.Files[name]; ok {
		return t, nil
	}
	return nil, errors.New("no such file")
}

func (p *parser) showAll(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p.show(n)
	}
	return strings.Join(out, " -> ")
}
