package setuptests

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

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
