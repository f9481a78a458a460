// Package setuptests turns CoreDNS's own plugin setup tests into a fidelity suite
// (make fidelity-setup): it extracts, from the plugin/*/setup_test.go files of a CoreDNS
// release in the Go module cache, every Corefile snippet a test hands to
// caddy.NewTestController together with the verdict the test expects (extract.go,
// eval.go); it records what the real binary of that release does with each snippet
// wrapped in a server block (record.go, run by make fidelity-setup-record); and its test
// requires dnslint to report an error exactly when the binary refused to start, against
// a ratcheting list of known misses (setup_fidelity_test.go). See
// testdata/fidelity/README.md.
package setuptests

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
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

// walker interprets a test function's statements: it follows assignments, loops over
// tables and t.Run, and records a case at every caddy.NewTestController call.
type walker struct {
	e                  *evaluator
	plugin, file, test string
	cases              []*Case
	// iter is the table loop the walker is in: the indices so far and the element.
	iter *iteration
	// controllers are the cases by the variable holding their controller.
	controllers map[string]*Case
	// seen counts controllers per id, for the .<n> suffix.
	seen map[string]int
}

type iteration struct {
	index []string
	elem  value
	outer *iteration
}

func (w *walker) block(stmts []ast.Stmt, s *scope) {
	for i, st := range stmts {
		w.stmt(st, stmts[i+1:], s)
	}
}

func (w *walker) stmt(st ast.Stmt, rest []ast.Stmt, s *scope) {
	switch st := st.(type) {
	case *ast.AssignStmt:
		w.assign(st, rest, s)
	case *ast.DeclStmt:
		if gd, ok := st.Decl.(*ast.GenDecl); ok {
			w.e.declare(gd, s)
		}
	case *ast.ExprStmt:
		if call, ok := st.X.(*ast.CallExpr); ok {
			w.callStmt(call, rest, s)
		}
	case *ast.IfStmt:
		inner := newScope(s)
		if st.Init != nil {
			w.stmt(st.Init, append([]ast.Stmt{&ast.IfStmt{Cond: st.Cond, Body: st.Body}}, rest...), inner)
		}
		w.controllersIn(st.Cond, append([]ast.Stmt{st}, rest...), inner)
		// A condition the evaluator knows takes one branch; else both are walked.
		cond := w.e.eval(st.Cond, inner)
		if cond.kind != kBool || cond.b {
			w.block(st.Body.List, newScope(inner))
		}
		if st.Else != nil && (cond.kind != kBool || !cond.b) {
			w.stmt(st.Else, nil, newScope(inner))
		}
	case *ast.BlockStmt:
		w.block(st.List, newScope(s))
	case *ast.ForStmt:
		w.block(st.Body.List, newScope(s))
	case *ast.RangeStmt:
		w.rangeStmt(st, s)
	}
}

func (w *walker) rangeStmt(st *ast.RangeStmt, s *scope) {
	table := w.e.eval(st.X, s)
	bind := func(inner *scope, key, val value) {
		if id, ok := st.Key.(*ast.Ident); ok && id.Name != "_" {
			inner.vars[id.Name] = key
		}
		if id, ok := st.Value.(*ast.Ident); ok && id.Name != "_" {
			inner.vars[id.Name] = val
		}
	}
	if table.kind != kSlice && table.kind != kMap {
		inner := newScope(s)
		why := unknownf("table %s: %s", w.e.text(st.X), table.unknown)
		bind(inner, why, why)
		w.iter = &iteration{index: []string{"?"}, elem: why, outer: w.iter}
		w.block(st.Body.List, inner)
		w.iter = w.iter.outer
		return
	}
	for i, el := range table.elems {
		inner := newScope(s)
		key := value{kind: kInt, n: int64(i)}
		if table.kind == kMap {
			key = table.keys[i]
		}
		bind(inner, key, el)
		idx := []string{strconv.Itoa(i)}
		if w.iter != nil {
			idx = append(append([]string{}, w.iter.index...), idx...)
		}
		w.iter = &iteration{index: idx, elem: el, outer: w.iter}
		w.block(st.Body.List, inner)
		w.iter = w.iter.outer
	}
}

func (w *walker) assign(st *ast.AssignStmt, rest []ast.Stmt, s *scope) {
	// c.ServerBlockKeys = …
	if len(st.Lhs) == 1 {
		if sel, ok := st.Lhs[0].(*ast.SelectorExpr); ok && sel.Sel.Name == "ServerBlockKeys" {
			if id, ok := sel.X.(*ast.Ident); ok && w.controllers[id.Name] != nil {
				w.serverBlockKeys(w.controllers[id.Name], st.Rhs[0], s)
			}
			return
		}
	}
	// x, rm, err := test.TempFile(dir, content): the test writes a file.
	if len(st.Rhs) == 1 {
		if call, ok := st.Rhs[0].(*ast.CallExpr); ok && w.e.text(call.Fun) == "test.TempFile" && len(call.Args) == 2 {
			content := w.e.eval(call.Args[1], s)
			w.e.tempN++
			name := fmt.Sprintf("testfile%d", w.e.tempN)
			path := value{kind: kString, str: name}
			if content.kind == kString {
				w.e.files[name] = content.str
			} else {
				path = unknownf("test.TempFile with content %s", content.unknown)
			}
			w.bindLHS(st, []value{path}, s)
			return
		}
	}
	// err := os.WriteFile(…) and the like: the call's effect, then the results unknown.
	if len(st.Rhs) == 1 {
		if call, ok := st.Rhs[0].(*ast.CallExpr); ok && sideEffects[w.e.text(call.Fun)] {
			w.callStmt(call, rest, s)
			w.bindLHS(st, nil, s)
			return
		}
	}
	for _, r := range st.Rhs {
		if w.controllersIn(r, rest, s) {
			if id, ok := st.Lhs[0].(*ast.Ident); ok && len(w.cases) > 0 {
				if w.controllers == nil {
					w.controllers = map[string]*Case{}
				}
				w.controllers[id.Name] = w.cases[len(w.cases)-1]
			}
			return
		}
	}
	if len(st.Lhs) == len(st.Rhs) {
		vals := make([]value, len(st.Rhs))
		for i, r := range st.Rhs {
			vals[i] = w.e.eval(r, s)
			if st.Tok == token.ADD_ASSIGN {
				vals[i] = w.e.binary(&ast.BinaryExpr{X: st.Lhs[i], Op: token.ADD, Y: r}, s)
			}
		}
		w.bindLHS(st, vals, s)
		return
	}
	w.bindLHS(st, nil, s)
}

func (w *walker) bindLHS(st *ast.AssignStmt, vals []value, s *scope) {
	for i, l := range st.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		v := unknownf("%s is the result of %s", id.Name, w.e.text(st.Rhs[0]))
		if i < len(vals) {
			v = vals[i]
		}
		if st.Tok == token.DEFINE {
			s.vars[id.Name] = v
		} else {
			s.set(id.Name, v)
		}
	}
}

func (w *walker) callStmt(call *ast.CallExpr, rest []ast.Stmt, s *scope) {
	name := w.e.text(call.Fun)
	switch {
	case name == "t.Run" && len(call.Args) == 2:
		if fl, ok := call.Args[1].(*ast.FuncLit); ok {
			w.block(fl.Body.List, newScope(s))
		}
		return
	case name == "os.WriteFile" && len(call.Args) == 3:
		p, c := w.e.eval(call.Args[0], s), w.e.eval(call.Args[1], s)
		if c.kind == kSlice && len(c.elems) == 0 {
			c = value{kind: kString} // nil: an empty file
		}
		if p.kind == kString && c.kind == kString {
			w.e.files[filepath.Clean(p.str)] = c.str
		}
		return
	case name == "fmt.Fprintf" || name == "fmt.Fprint" || name == "fmt.Fprintln":
		if len(call.Args) > 1 {
			if id := builderIdent(call.Args[0]); id != "" {
				b, _ := s.lookup(id)
				out := w.e.eval(&ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("fmt"), Sel: ast.NewIdent("S" + strings.TrimPrefix(name, "fmt.F"))}, Args: call.Args[1:]}, s)
				if b.kind == kBuilder && out.kind == kString {
					s.set(id, value{kind: kBuilder, str: b.str + out.str})
				} else {
					s.set(id, unknownf("%s: %s", id, out.unknown))
				}
				return
			}
		}
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "WriteString" && len(call.Args) == 1 {
		if id := builderIdent(sel.X); id != "" {
			b, _ := s.lookup(id)
			out := w.e.eval(call.Args[0], s)
			if b.kind == kBuilder && out.kind == kString {
				s.set(id, value{kind: kBuilder, str: b.str + out.str})
			} else {
				s.set(id, unknownf("%s: %s", id, out.unknown))
			}
			return
		}
	}
	w.controllersIn(call, rest, s)
}

// sideEffects are the calls whose effect the walker follows (callStmt).
var sideEffects = map[string]bool{"os.WriteFile": true, "fmt.Fprintf": true, "fmt.Fprint": true, "fmt.Fprintln": true}

func builderIdent(x ast.Expr) string {
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = u.X
	}
	if id, ok := x.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// controllersIn records a case for every caddy.NewTestController call in x (not inside
// function literals); rest are the statements that follow, where the test checks the
// error. It reports whether it found one.
func (w *walker) controllersIn(x ast.Node, rest []ast.Stmt, s *scope) bool {
	if x == nil {
		return false
	}
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok || !strings.HasSuffix(w.e.text(call.Fun), "NewTestController") || len(call.Args) != 2 {
			return true
		}
		found = true
		w.newCase(call, rest, s)
		return false
	})
	return found
}

func (w *walker) newCase(call *ast.CallExpr, rest []ast.Stmt, s *scope) {
	id := w.plugin + "/" + w.test
	if w.iter != nil {
		id += "/" + strings.Join(w.iter.index, "/")
	}
	n := w.seen[id]
	w.seen[id]++
	if n > 0 {
		id += "." + strconv.Itoa(n)
	}
	pos := w.e.fset.Position(call.Pos())
	c := &Case{ID: id, Plugin: w.plugin, Test: w.test, Pos: fmt.Sprintf("%s:%d", w.file, pos.Line)}
	snippet := w.e.eval(call.Args[1], s)
	switch {
	case snippet.kind == kString:
		c.Snippet = snippet.str
	default:
		c.Skip = "cannot evaluate " + w.e.text(call.Args[1]) + ": " + snippet.unknown
	}
	c.Label = w.label(rest)
	w.cases = append(w.cases, c)
}

var (
	errBoolField   = regexp.MustCompile(`(?i)^(should|expect|expected|want|wants)_?(err|error|errors|fail|failure)$|^(fail|fails|failing|err|haserr|haserror|iserr|iserror)$`)
	okBoolField    = regexp.MustCompile(`(?i)^(want|wants|expect|expected|should)_?(ok|success|succeed|valid|pass)$`)
	errStringField = regexp.MustCompile(`(?i)^(expected|expect|want|wanted)_?(err|error)(str|string|msg|message|content|contains|substring)?$|^errstr$|^errcontains$`)
)

// label is the verdict the test expects: the table element's error field, else the
// first `if err == nil`/`if err != nil` after the controller that fails the test.
func (w *walker) label(rest []ast.Stmt) Label {
	for it := w.iter; it != nil; it = it.outer {
		if it.elem.kind != kStruct {
			continue
		}
		names := make([]string, 0, len(it.elem.fields))
		for n := range it.elem.fields {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if f := it.elem.fields[n]; f.kind == kBool && errBoolField.MatchString(n) {
				if f.b {
					return LabelError
				}
				return LabelOK
			}
			if f := it.elem.fields[n]; f.kind == kBool && okBoolField.MatchString(n) {
				if f.b {
					return LabelOK
				}
				return LabelError
			}
		}
		for _, n := range names {
			if f := it.elem.fields[n]; f.kind == kString && errStringField.MatchString(n) {
				if f.str != "" {
					return LabelError
				}
				return LabelOK
			}
		}
	}
	for _, st := range rest {
		if l := w.errCheck(st); l != LabelUnknown {
			return l
		}
	}
	return LabelUnknown
}

// errCheck reads `if err == nil { t.Fatal… }` (an error expected) and `if err != nil {
// t.Fatal… }` (none expected).
func (w *walker) errCheck(st ast.Stmt) Label {
	is, ok := st.(*ast.IfStmt)
	if !ok {
		return LabelUnknown
	}
	be, ok := is.Cond.(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
		return LabelUnknown
	}
	if x, ok := be.X.(*ast.Ident); !ok || x.Name != "err" {
		return LabelUnknown
	}
	if y, ok := be.Y.(*ast.Ident); !ok || y.Name != "nil" {
		return LabelUnknown
	}
	fails := false
	ast.Inspect(is.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			switch w.e.text(call.Fun) {
			case "t.Fatal", "t.Fatalf", "t.Error", "t.Errorf":
				fails = true
			}
		}
		return !fails
	})
	if !fails {
		return LabelUnknown
	}
	if be.Op == token.EQL {
		return LabelError
	}
	return LabelOK
}

func (w *walker) serverBlockKeys(c *Case, x ast.Expr, s *scope) {
	var v value
	if call, ok := x.(*ast.CallExpr); ok && w.e.text(call.Fun) == "append" && len(call.Args) >= 1 {
		v = value{kind: kSlice}
		for _, k := range c.Keys {
			v.elems = append(v.elems, value{kind: kString, str: k})
		}
		for i, a := range call.Args[1:] {
			av := w.e.eval(a, s)
			if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
				if av.kind != kSlice {
					v = av
					break
				}
				v.elems = append(v.elems, av.elems...)
				continue
			}
			v.elems = append(v.elems, av)
		}
	} else {
		v = w.e.eval(x, s)
	}
	if v.kind != kSlice {
		if c.Skip == "" {
			c.Skip = "cannot evaluate the server block keys " + w.e.text(x) + ": " + v.unknown
		}
		return
	}
	c.Keys = nil
	for _, k := range v.elems {
		if k.kind != kString {
			if c.Skip == "" {
				c.Skip = "cannot evaluate a server block key: " + k.unknown
			}
			return
		}
		c.Keys = append(c.Keys, k.str)
	}
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

func printNode(w io.Writer, fset *token.FileSet, n ast.Node) error {
	return printer.Fprint(w, fset, n)
}

// ModuleDir is the module cache directory of a CoreDNS version's source.
func ModuleDir(gomodcache, version string) string {
	return filepath.Join(gomodcache, "github.com", "coredns", "coredns@v"+strings.TrimPrefix(version, "v"))
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
