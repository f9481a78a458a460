// Package setuptests turns CoreDNS's own plugin setup tests into a fidelity suite
// (make fidelity-setup): it extracts, from the plugin/*/setup_test.go files of a CoreDNS
// release in the Go module cache, every Corefile snippet a test hands to
// caddy.NewTestController together with the verdict the test expects (extract.go,
// walk.go interpreting the test functions, eval.go their expressions, case.go the
// case as started); it records what the real binary of that release does with each snippet
// wrapped in a server block (record.go, run by make fidelity-setup-record); and its test
// requires dnslint to report an error exactly when the binary refused to start, against
// a ratcheting list of known misses (setup_fidelity_test.go). See
// testdata/fidelity/README.md.
package setuptests

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
)

// Extract reads every plugin/*/setup_test.go of the CoreDNS source tree at root (a
// module cache directory github.com/coredns/coredns@vX.Y.Z), sorted by plugin.
func Extract(root string) ([]*Case, error) {
	files, err := filepath.Glob(filepath.Join(root, "plugin", "*", "setup_test.go"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no plugin/*/setup_test.go (not a CoreDNS source tree?)", root)
	}
	sort.Strings(files)
	var out []*Case
	for _, f := range files {
		cs, err := ExtractFile(root, f)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// ExtractFile extracts the cases of one setup_test.go; the package's other files
// provide its constants and types.
func ExtractFile(root, path string) ([]*Case, error) {
	dir := filepath.Dir(path)
	fset := token.NewFileSet()
	e := &evaluator{fset: fset, structs: map[string]*ast.StructType{}, others: map[string]ast.Expr{}, files: map[string]string{}}
	pkg := newScope(nil)
	goFiles, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var target *ast.File
	var all []*ast.File
	for _, g := range goFiles {
		f, err := parser.ParseFile(fset, g, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(f.Name.Name, "_test") && g != path {
			continue // an external test package
		}
		all = append(all, f)
		if g == path {
			target = f
		}
	}
	for _, f := range all {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, sp := range gd.Specs {
				ts := sp.(*ast.TypeSpec)
				if st, ok := ts.Type.(*ast.StructType); ok {
					e.structs[ts.Name.Name] = st
				} else {
					e.others[ts.Name.Name] = ts.Type
				}
			}
		}
	}
	// Package-level constants and variables, in a few passes for forward references.
	for range 4 {
		for _, f := range all {
			for _, d := range f.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && (gd.Tok == token.CONST || gd.Tok == token.VAR) {
					e.declare(gd, pkg)
				}
			}
		}
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = path
	}
	w := &walker{e: e, plugin: filepath.Base(dir), file: filepath.ToSlash(rel)}
	for _, d := range target.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || !strings.HasPrefix(fd.Name.Name, "Test") {
			continue
		}
		w.test = fd.Name.Name
		w.iter = nil
		w.seen = map[string]int{}
		w.block(fd.Body.List, newScope(pkg))
	}
	for _, c := range w.cases {
		c.finish(e.files)
		if err := c.findTree(dir); err != nil {
			return nil, err
		}
	}
	return w.cases, nil
}

// declare binds the names of a const or var declaration.
func (e *evaluator) declare(gd *ast.GenDecl, s *scope) {
	for _, sp := range gd.Specs {
		vs, ok := sp.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for i, n := range vs.Names {
			switch {
			case i < len(vs.Values) && len(vs.Values) == len(vs.Names):
				v := e.element(vs.Values[i], vs.Type, s)
				if old, ok := s.vars[n.Name]; ok && old.ok() && !v.ok() {
					continue
				}
				s.vars[n.Name] = v
			case len(vs.Values) == 0 && isBuilder(vs.Type):
				s.vars[n.Name] = value{kind: kBuilder}
			case len(vs.Values) == 0 && vs.Type != nil:
				s.vars[n.Name] = zero(vs.Type)
			default:
				s.vars[n.Name] = unknownf("%s", n.Name)
			}
		}
	}
}

func isBuilder(t ast.Expr) bool {
	sel, ok := t.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Builder"
}

func zero(t ast.Expr) value {
	if id, ok := t.(*ast.Ident); ok {
		switch id.Name {
		case "string":
			return value{kind: kString}
		case "bool":
			return value{kind: kBool}
		case "int":
			return value{kind: kInt}
		}
	}
	return unknownf("zero value of %T", t)
}
