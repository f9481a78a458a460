package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/rules"
)

// Catalog is every rule known to a run: built-in and from --policy directories.
type Catalog struct {
	Rules   []finding.Rule
	byID    map[string]int
	modules map[string]*ast.Module // rule id → module
	each    map[string]string      // rule id → its METADATA custom.each (see groups.go)
	libs    []*ast.Module          // helper packages (not rules)
	data    map[string]any         // data/*.json documents, merged under data.dnslint
	user    bool                   // whether any policy comes from a --policy directory
}

// Rule returns a rule by id.
func (c *Catalog) Rule(id string) (finding.Rule, bool) {
	i, ok := c.byID[id]
	if !ok {
		return finding.Rule{}, false
	}
	return c.Rules[i], true
}

// LoadCatalog parses the built-in rules and every .rego file below the policy
// directories (test files and hidden paths excepted) and reads their metadata. A policy
// directory is read through source.DirFS: nothing outside it, no device or named pipe,
// no file over source.DefaultMaxSize.
func LoadCatalog(policyDirs ...string) (*Catalog, error) {
	c := &Catalog{byID: map[string]int{}, modules: map[string]*ast.Module{}, each: map[string]string{}, data: map[string]any{}}
	if err := c.addFS(rules.FS, "builtin:", true); err != nil {
		return nil, err
	}
	for _, dir := range policyDirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("policy: %s is not a directory", dir)
		}
		fsys, err := source.OpenDirFS(dir, source.DefaultMaxSize)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		err = c.addFS(fsys, dir+string(filepath.Separator), false)
		fsys.Close()
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID })
	for i, r := range c.Rules {
		c.byID[r.ID] = i
	}
	return c, nil
}

func (c *Catalog) addFS(fsys fs.FS, prefix string, builtin bool) error {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return nil
		case builtin && strings.HasSuffix(path, ".json") && strings.HasPrefix(path, "data/"):
			return c.addData(fsys, path)
		case strings.HasSuffix(path, ".rego") && !strings.HasSuffix(path, "_test.rego"):
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	modules, err := parseModules(fsys, prefix, paths)
	if err != nil {
		return err
	}
	for i, m := range modules {
		if !builtin {
			c.user = true
			if err := checkSandbox(m); err != nil {
				return fmt.Errorf("policy: %w", err)
			}
		}
		if err := c.addModule(m, prefix+paths[i], builtin); err != nil {
			return err
		}
	}
	return nil
}

// parseModules parses the Rego files on every core (parsing the built-in catalog is a
// good part of dnslint's start-up), returning the modules in the order of paths.
func parseModules(fsys fs.FS, prefix string, paths []string) ([]*ast.Module, error) {
	modules := make([]*ast.Module, len(paths))
	errs := make([]error, len(paths))
	parallelFor(context.Background(), len(paths), func(i int) {
		src, err := fs.ReadFile(fsys, paths[i])
		if err != nil {
			errs[i] = fmt.Errorf("policy: %s%s: %w", prefix, paths[i], err)
			return
		}
		modules[i], err = ast.ParseModuleWithOpts(prefix+paths[i], string(src), ast.ParserOptions{
			ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: capabilities(),
		})
		if err != nil {
			errs[i] = fmt.Errorf("policy: %w", err)
		}
	})
	return modules, errors.Join(errs...)
}

func (c *Catalog) addModule(m *ast.Module, file string, builtin bool) error {
	category, name, isRule := ruleID(m.Package.Path)
	if !isRule {
		if builtin || !strings.HasPrefix(m.Package.Path.String(), "data.dnslint.") {
			c.libs = append(c.libs, m)
			return nil
		}
		return fmt.Errorf("policy: %s: package %s is not a rule: write package dnslint.rules.<category>[\"<name>\"]", file, m.Package.Path)
	}
	rule, err := ruleFromAnnotations(m, category, name, file, builtin)
	if err != nil {
		return fmt.Errorf("policy: %w", err)
	}
	if _, dup := c.modules[rule.ID]; dup {
		return fmt.Errorf("policy: %s: rule %s is already defined", file, rule.ID)
	}
	if c.each[rule.ID], err = eachOf(m, rule, file); err != nil {
		return fmt.Errorf("policy: %w", err)
	}
	c.modules[rule.ID] = m
	c.Rules = append(c.Rules, rule)
	return nil
}

// ruleID reads <category>/<name> from a package path data.dnslint.rules.<category>.<name>.
func ruleID(path ast.Ref) (string, string, bool) {
	if len(path) != 5 || path[1].String() != `"dnslint"` || path[2].String() != `"rules"` {
		return "", "", false
	}
	cat, ok1 := path[3].Value.(ast.String)
	name, ok2 := path[4].Value.(ast.String)
	return string(cat), string(name), ok1 && ok2
}

// LatestCoreDNS is the newest CoreDNS release the shipped plugin data knows.
func (c *Catalog) LatestCoreDNS() string { return c.latest("coredns") }

// LatestKubernetes is the newest Kubernetes release the shipped data knows.
func (c *Catalog) LatestKubernetes() string { return c.latest("kubernetes") }

func (c *Catalog) latest(of string) string {
	if m, ok := c.data[of].(map[string]any); ok {
		if v, ok := m["latest"].(string); ok {
			return v
		}
	}
	return "unknown"
}

// Each is the input collection rule id reports element by element (its METADATA
// custom.each), "" when it reads the whole input.
func (c *Catalog) Each(id string) string { return c.each[id] }

// HasUserPolicies tells whether any rule comes from a --policy directory.
func (c *Catalog) HasUserPolicies() bool { return c.user }
