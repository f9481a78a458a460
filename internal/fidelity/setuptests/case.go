package setuptests

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Label is the verdict a setup test expects.
type Label string

// The labels.
const (
	LabelError   Label = "error"   // the test expects the setup to fail
	LabelOK      Label = "ok"      // the test expects the setup to succeed
	LabelUnknown Label = "unknown" // the extractor found no check of the error
)

// Case is one Corefile snippet of a setup test.
type Case struct {
	// ID is <plugin>/<test function>/<table index>[.<n-th controller of the iteration>].
	ID     string `json:"id"`
	Plugin string `json:"plugin"`
	Test   string `json:"test"`
	// Pos is the file:line of the NewTestController call, relative to the module.
	Pos string `json:"pos"`
	// Snippet is the text the test gives to caddy.NewTestController.
	Snippet string `json:"-"`
	// Keys are the server block keys the test sets (c.ServerBlockKeys), else .:53.
	Keys  []string `json:"keys,omitempty"`
	Label Label    `json:"label"`
	// Corefile is the snippet in its server block: what CoreDNS is started with.
	Corefile string `json:"corefile"`
	// Files are the files the test writes that the Corefile names, recreated in the
	// case's directory (path relative to it → content).
	Files map[string]string `json:"files,omitempty"`
	// Tree are the files of the plugin's source directory that the Corefile names by a
	// relative path (the test runs in that directory): path → SHA-256 of the content,
	// copied from the version's source beside the Corefile.
	Tree map[string]string `json:"tree,omitempty"`
	// Skip is why the snippet could not be evaluated (then no Corefile).
	Skip string `json:"skip,omitempty"`
}

// Hash identifies a case's content: the Corefile and the files beside it.
func (c *Case) Hash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\n%s", len(c.Corefile), c.Corefile)
	names := make([]string, 0, len(c.Files))
	for n := range c.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%d\n%s%d\n%s", len(n), n, len(c.Files[n]), c.Files[n])
	}
	names = names[:0]
	for n := range c.Tree {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "tree %d\n%s%s\n", len(n), n, c.Tree[n])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// finish wraps the snippet in its server block and attaches the files it names.
func (c *Case) finish(written map[string]string) {
	if c.Skip != "" {
		return
	}
	keys := c.Keys
	if len(keys) == 0 {
		keys = []string{".:53"}
	}
	c.Corefile = strings.Join(keys, " ") + " {\n" + c.Snippet + "\n}\n"
	for name, content := range written {
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		if names(c.Corefile, name) || (stem != "" && names(c.Corefile, stem)) {
			if c.Files == nil {
				c.Files = map[string]string{}
			}
			c.Files[name] = content
		}
	}
}

// maxTreeFile bounds a source file copied beside a case.
const maxTreeFile = 1 << 20

// findTree lists the files of the plugin's source directory (where the test runs) that
// the Corefile names by a relative path: the path itself, or files the path is the
// stem of (a DNSSEC key "testdata/Kexample.+013+1" names its .key and .private).
func (c *Case) findTree(pluginDir string) error {
	if c.Skip != "" {
		return nil
	}
	for _, tok := range strings.FieldsFunc(c.Corefile, func(r rune) bool { return r <= ' ' || r == '{' || r == '}' || r == '"' }) {
		// A path: a name with a directory or an extension, inside the test's directory.
		if !filepath.IsLocal(tok) || c.Files[tok] != "" || !strings.ContainsAny(tok, "/.") {
			continue
		}
		p := filepath.Join(pluginDir, tok)
		candidates := []string{p}
		if ents, err := os.ReadDir(filepath.Dir(p)); err == nil && strings.Contains(tok, "/") {
			for _, e := range ents {
				if strings.HasPrefix(e.Name(), filepath.Base(p)+".") {
					candidates = append(candidates, filepath.Join(filepath.Dir(p), e.Name()))
				}
			}
		}
		for _, f := range candidates {
			st, err := os.Stat(f)
			if err != nil || !st.Mode().IsRegular() || st.Size() > maxTreeFile {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(pluginDir, f)
			if c.Tree == nil {
				c.Tree = map[string]string{}
			}
			sum := sha256.Sum256(b)
			c.Tree[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		}
	}
	return nil
}

// names reports whether the Corefile names a file: name as a whole word.
func names(corefile, name string) bool {
	return regexp.MustCompile(`(^|[^\w.-])` + regexp.QuoteMeta(name) + `($|[^\w-])`).MatchString(corefile)
}

// Layout writes the case into dir as CoreDNS is started on it: dir/Corefile, the files
// the test writes and the files of the plugin's directory it names (copied from the
// source tree at src, checked against their recorded hashes), beside it: CoreDNS runs
// in dir.
func (c *Case) Layout(dir, src string) error {
	if c.Skip != "" {
		return fmt.Errorf("%s: %s", c.ID, c.Skip)
	}
	if err := os.WriteFile(filepath.Join(dir, "Corefile"), []byte(c.Corefile), 0o644); err != nil {
		return err
	}
	for name, content := range c.Files {
		p := filepath.Join(dir, name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("%s: file %q is not inside the case's directory", c.ID, name)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	for name, sum := range c.Tree {
		if !filepath.IsLocal(name) {
			return fmt.Errorf("%s: file %q is not inside the case's directory", c.ID, name)
		}
		b, err := os.ReadFile(filepath.Join(src, "plugin", c.Plugin, name))
		if err != nil {
			return err
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
			return fmt.Errorf("%s: %s in %s is not the file recorded", c.ID, name, src)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
