package corefile

import (
	"errors"
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
var ErrIsDir = errors.New("is a directory")

// doImport replaces `import PATTERN` (the current token is `import`) with the tokens it
// names, as caddyfile's parser does; the cursor ends on the token before the import.
func (p *parser) doImport() error {
	imp := p.cur()
	if !p.nextArg() {
		return p.argErr()
	}
	pattern := p.val()
	if pattern == "" {
		return p.errf("Import requires a non-empty filepath")
	}
	if p.nextArg() {
		return p.errf("Import takes only one argument (glob pattern or file)")
	}
	record := &model.Import{Pattern: pattern, Pos: imp.pos, Resolved: true}
	p.result.Imports = append(p.result.Imports, record)

	var imported []token
	if snip, ok := p.snippets[pattern]; ok {
		if p.snippetN >= maxSnippetExpansions {
			return p.errf("maximum snippet import depth (%d) exceeded", maxSnippetExpansions)
		}
		p.snippetN++
		record.Kind = "snippet"
		record.Matched = []string{pattern}
		imported = withVia(snip, imp.via, "("+pattern+")")
	} else {
		toks, err := p.importFiles(imp, pattern, record)
		if err != nil {
			return err
		}
		imported = toks
	}
	before := p.toks[:p.cursor-1]
	after := p.toks[p.cursor+1:]
	p.toks = append(slices.Clip(before), append(imported, after...)...)
	p.cursor--
	return nil
}

func (p *parser) importFiles(imp *token, pattern string, record *model.Import) ([]token, error) {
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
		return nil, p.errf("Glob pattern may only contain one wildcard (*), but has others: %s", abs)
	}
	isGlob := strings.ContainsAny(abs, "*?[]")
	record.Kind = "file"
	if isGlob {
		record.Kind = "glob"
	}
	matches, known, err := p.fs.Glob(abs)
	if err != nil {
		return nil, p.errf("Failed to use import pattern %s: %v", pattern, err)
	}
	record.Resolved = known
	if len(matches) == 0 && !isGlob && known {
		return nil, p.errf("File to import not found: %s", pattern)
	}
	var toks []token
	for _, m := range matches {
		if slices.Contains(imp.via, m) || m == p.text.Name {
			return nil, p.errf("import cycle: %s imports itself through %s", m, strings.Join(append(imp.via, m), " -> "))
		}
		t, err := p.fs.Open(m)
		if errors.Is(err, ErrIsDir) {
			return nil, p.errf("Could not import %s: is a directory", m)
		}
		if err != nil {
			return nil, p.errf("Could not import %s: %v", m, err)
		}
		lexed, err := lex(t)
		if err != nil {
			return nil, err
		}
		record.Matched = append(record.Matched, t.Name)
		toks = append(toks, withVia(lexed, imp.via, m)...)
	}
	return toks, nil
}

// withVia copies tokens, recording the import chain that brought them in.
func withVia(toks []token, via []string, step string) []token {
	chain := append(slices.Clip(via), step)
	out := make([]token, len(toks))
	for i, t := range toks {
		t.via = chain
		out[i] = t
	}
	return out
}

// DiskFS reads imports from the file system, relative to the importing file.
type DiskFS struct {
	// Read reads a file within the run's limits.
	Read func(name string) ([]byte, error)
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

// Glob implements FS.
func (d DiskFS) Glob(pattern string) ([]string, bool, error) {
	m, err := filepath.Glob(pattern)
	return m, true, err
}

// Open implements FS. The text's File is the path relative to the working directory when
// the file lies below it, so that findings name the file as the user would.
func (d DiskFS) Open(name string) (*source.Text, error) {
	b, err := d.Read(name)
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
