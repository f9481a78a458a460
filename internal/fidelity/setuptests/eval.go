package setuptests

import (
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// value is what the evaluator knows of a Go expression: a string, bool, int, a slice or
// map literal (elements in source order), a struct literal (fields by name), a
// strings.Builder, or nothing (unknown, with the reason).
type value struct {
	kind    valueKind
	str     string
	b       bool
	n       int64
	elems   []value // slice elements; map values in source order
	keys    []value // map keys in source order
	fields  map[string]value
	unknown string // why the value cannot be evaluated
}

type valueKind int

const (
	kUnknown valueKind = iota
	kString
	kBool
	kInt
	kSlice
	kMap
	kStruct
	kBuilder
)

func unknownf(format string, args ...any) value {
	return value{kind: kUnknown, unknown: fmt.Sprintf(format, args...)}
}

func (v value) ok() bool { return v.kind != kUnknown }

// goValue is the value as fmt.Sprintf takes it.
func (v value) goValue() (any, bool) {
	switch v.kind {
	case kString, kBuilder:
		return v.str, true
	case kBool:
		return v.b, true
	case kInt:
		return v.n, true
	}
	return nil, false
}

// scope binds names to values: a function's locals over the package's constants and
// top-level variables.
type scope struct {
	vars   map[string]value
	parent *scope
}

func newScope(parent *scope) *scope { return &scope{vars: map[string]value{}, parent: parent} }

func (s *scope) lookup(name string) (value, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
	}
	return value{}, false
}

// set assigns an existing variable where it lives, else declares it here.
func (s *scope) set(name string, v value) {
	for t := s; t != nil; t = t.parent {
		if _, ok := t.vars[name]; ok {
			t.vars[name] = v
			return
		}
	}
	s.vars[name] = v
}

// evaluator evaluates expressions of one package's test files.
type evaluator struct {
	fset *token.FileSet
	// structs are the package's named struct types (for positional struct literals).
	structs map[string]*ast.StructType
	// others are the package's named slice and map types.
	others map[string]ast.Expr
	// files are the files a test writes, by the path it writes them to.
	files map[string]string
	// tempN numbers the temporary files a test creates.
	tempN int
}

func (e *evaluator) eval(x ast.Expr, s *scope) value {
	switch x := x.(type) {
	case *ast.BasicLit:
		switch x.Kind {
		case token.STRING, token.CHAR:
			if x.Kind == token.CHAR {
				r, _, _, err := strconv.UnquoteChar(x.Value[1:len(x.Value)-1], '\'')
				if err != nil {
					return unknownf("char %s", x.Value)
				}
				return value{kind: kInt, n: int64(r)}
			}
			str, err := strconv.Unquote(x.Value)
			if err != nil {
				return unknownf("string %s: %v", x.Value, err)
			}
			return value{kind: kString, str: str}
		case token.INT:
			n, err := strconv.ParseInt(x.Value, 0, 64)
			if err != nil {
				return unknownf("int %s", x.Value)
			}
			return value{kind: kInt, n: n}
		}
		return unknownf("literal %s", x.Value)
	case *ast.Ident:
		switch x.Name {
		case "true", "false":
			if _, shadowed := s.lookup(x.Name); !shadowed {
				return value{kind: kBool, b: x.Name == "true"}
			}
		case "nil":
			if _, shadowed := s.lookup(x.Name); !shadowed {
				return value{kind: kSlice} // a nil slice or map: no elements
			}
		}
		if v, ok := s.lookup(x.Name); ok {
			return v
		}
		return unknownf("identifier %s", x.Name)
	case *ast.ParenExpr:
		return e.eval(x.X, s)
	case *ast.BinaryExpr:
		return e.binary(x, s)
	case *ast.UnaryExpr:
		v := e.eval(x.X, s)
		switch {
		case x.Op == token.NOT && v.kind == kBool:
			return value{kind: kBool, b: !v.b}
		case x.Op == token.SUB && v.kind == kInt:
			return value{kind: kInt, n: -v.n}
		case x.Op == token.AND:
			return v
		}
		return unknownf("%s%s", x.Op, e.text(x.X))
	case *ast.SelectorExpr:
		base := e.eval(x.X, s)
		if base.kind == kStruct {
			if f, ok := base.fields[x.Sel.Name]; ok {
				return f
			}
			return unknownf("field %s not set", x.Sel.Name)
		}
		return unknownf("%s", e.text(x))
	case *ast.IndexExpr:
		base, idx := e.eval(x.X, s), e.eval(x.Index, s)
		if base.kind == kSlice && idx.kind == kInt && idx.n >= 0 && int(idx.n) < len(base.elems) {
			return base.elems[idx.n]
		}
		if base.kind == kMap && idx.ok() {
			for i, k := range base.keys {
				if k.kind == idx.kind && k.str == idx.str && k.n == idx.n {
					return base.elems[i]
				}
			}
		}
		return unknownf("%s", e.text(x))
	case *ast.CompositeLit:
		return e.composite(x, nil, s)
	case *ast.CallExpr:
		return e.call(x, s)
	}
	return unknownf("%s", e.text(x))
}

func (e *evaluator) binary(x *ast.BinaryExpr, s *scope) value {
	a, b := e.eval(x.X, s), e.eval(x.Y, s)
	if !a.ok() {
		return a
	}
	if !b.ok() {
		return b
	}
	switch {
	case x.Op == token.ADD && a.kind == kString && b.kind == kString:
		return value{kind: kString, str: a.str + b.str}
	case a.kind == kInt && b.kind == kInt:
		switch x.Op {
		case token.ADD:
			return value{kind: kInt, n: a.n + b.n}
		case token.SUB:
			return value{kind: kInt, n: a.n - b.n}
		case token.MUL:
			return value{kind: kInt, n: a.n * b.n}
		}
	case (x.Op == token.EQL || x.Op == token.NEQ) && a.kind == b.kind && (a.kind == kString || a.kind == kInt || a.kind == kBool):
		eq := a.str == b.str && a.n == b.n && a.b == b.b
		return value{kind: kBool, b: eq == (x.Op == token.EQL)}
	case x.Op == token.LAND && a.kind == kBool && b.kind == kBool:
		return value{kind: kBool, b: a.b && b.b}
	case x.Op == token.LOR && a.kind == kBool && b.kind == kBool:
		return value{kind: kBool, b: a.b || b.b}
	}
	return unknownf("%s", e.text(x))
}

// composite evaluates a slice, map or struct literal; typ is the element type when the
// literal's own type is elided ({...} inside []T{...}).
func (e *evaluator) composite(x *ast.CompositeLit, typ ast.Expr, s *scope) value {
	if x.Type != nil {
		typ = x.Type
	}
	st := e.structType(typ)
	switch t := typ.(type) {
	case *ast.ArrayType:
		v := value{kind: kSlice}
		for _, el := range x.Elts {
			v.elems = append(v.elems, e.element(el, t.Elt, s))
		}
		return v
	case *ast.MapType:
		v := value{kind: kMap}
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return unknownf("map literal element %s", e.text(el))
			}
			v.keys = append(v.keys, e.element(kv.Key, t.Key, s))
			v.elems = append(v.elems, e.element(kv.Value, t.Value, s))
		}
		return v
	}
	if st == nil {
		if id, ok := typ.(*ast.Ident); ok {
			if arr, ok := e.namedType(id.Name); ok {
				return e.composite(&ast.CompositeLit{Type: arr, Elts: x.Elts}, nil, s)
			}
		}
		return unknownf("literal of type %s", e.text(typ))
	}
	v := value{kind: kStruct, fields: map[string]value{}}
	var names []string
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	types := map[string]ast.Expr{}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			types[n.Name] = f.Type
		}
	}
	for i, el := range x.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				v.fields[id.Name] = e.element(kv.Value, types[id.Name], s)
			}
			continue
		}
		if i < len(names) {
			v.fields[names[i]] = e.element(el, types[names[i]], s)
		}
	}
	// Fields left out are their zero values.
	for n, t := range types {
		if _, set := v.fields[n]; set {
			continue
		}
		if id, ok := t.(*ast.Ident); ok {
			switch id.Name {
			case "string":
				v.fields[n] = value{kind: kString}
			case "bool":
				v.fields[n] = value{kind: kBool}
			case "int", "int64", "uint32", "uint16", "uint8", "int32", "uint":
				v.fields[n] = value{kind: kInt}
			}
		}
		if _, ok := t.(*ast.ArrayType); ok {
			v.fields[n] = value{kind: kSlice}
		}
	}
	return v
}

func (e *evaluator) element(x ast.Expr, typ ast.Expr, s *scope) value {
	if cl, ok := x.(*ast.CompositeLit); ok {
		return e.composite(cl, typ, s)
	}
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if cl, ok := u.X.(*ast.CompositeLit); ok {
			if st, ok := typ.(*ast.StarExpr); ok {
				typ = st.X
			}
			return e.composite(cl, typ, s)
		}
	}
	return e.eval(x, s)
}

// structType resolves a struct type literal or a named struct type of the package.
func (e *evaluator) structType(typ ast.Expr) *ast.StructType {
	switch t := typ.(type) {
	case *ast.StructType:
		return t
	case *ast.Ident:
		return e.structs[t.Name]
	case *ast.StarExpr:
		return e.structType(t.X)
	}
	return nil
}

// namedType resolves a named slice or map type of the package.
func (e *evaluator) namedType(name string) (ast.Expr, bool) {
	t, ok := e.others[name]
	return t, ok
}

func (e *evaluator) call(x *ast.CallExpr, s *scope) value {
	name := e.text(x.Fun)
	args := make([]value, len(x.Args))
	for i, a := range x.Args {
		args[i] = e.eval(a, s)
	}
	for i, a := range args {
		if !a.ok() && name != "t.TempDir" {
			return unknownf("%s: argument %d: %s", name, i+1, a.unknown)
		}
	}
	strs := func() ([]string, bool) {
		out := make([]string, len(args))
		for i, a := range args {
			if a.kind != kString {
				return nil, false
			}
			out[i] = a.str
		}
		return out, true
	}
	switch name {
	case "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln":
		gv := make([]any, 0, len(args))
		for _, a := range args {
			g, ok := a.goValue()
			if !ok {
				return unknownf("%s of a non-scalar", name)
			}
			gv = append(gv, g)
		}
		switch name {
		case "fmt.Sprintf":
			f, ok := gv[0].(string)
			if !ok {
				return unknownf("fmt.Sprintf with a non-string format")
			}
			return value{kind: kString, str: fmt.Sprintf(f, gv[1:]...)}
		case "fmt.Sprint":
			return value{kind: kString, str: fmt.Sprint(gv...)}
		default:
			return value{kind: kString, str: fmt.Sprintln(gv...)}
		}
	case "strings.Join":
		if len(args) == 2 && args[0].kind == kSlice && args[1].kind == kString {
			var parts []string
			for _, el := range args[0].elems {
				if el.kind != kString {
					return unknownf("strings.Join of non-strings")
				}
				parts = append(parts, el.str)
			}
			return value{kind: kString, str: strings.Join(parts, args[1].str)}
		}
	case "strings.Repeat":
		if len(args) == 2 && args[0].kind == kString && args[1].kind == kInt && args[1].n >= 0 && args[1].n < 1<<16 {
			return value{kind: kString, str: strings.Repeat(args[0].str, int(args[1].n))}
		}
	case "strings.ToUpper", "strings.ToLower", "strings.TrimSpace":
		if a, ok := strs(); ok && len(a) == 1 {
			return value{kind: kString, str: map[string]func(string) string{
				"strings.ToUpper": strings.ToUpper, "strings.ToLower": strings.ToLower, "strings.TrimSpace": strings.TrimSpace,
			}[name](a[0])}
		}
	case "strconv.Itoa":
		if len(args) == 1 && args[0].kind == kInt {
			return value{kind: kString, str: strconv.FormatInt(args[0].n, 10)}
		}
	case "string", "[]byte":
		if len(args) == 1 && args[0].kind == kString {
			return args[0]
		}
	case "filepath.Join", "path.Join":
		if a, ok := strs(); ok {
			return value{kind: kString, str: filepath.Join(a...)}
		}
	case "t.TempDir", "os.TempDir":
		// A test's temporary directory is the case's own directory: the files the test
		// writes there are recreated beside the Corefile.
		return value{kind: kString, str: "."}
	}
	if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "String" && len(args) == 0 {
		if b := e.eval(sel.X, s); b.kind == kBuilder {
			return value{kind: kString, str: b.str}
		}
	}
	return unknownf("call %s", name)
}

// text is the source of a node, for reasons.
func (e *evaluator) text(n ast.Node) string {
	if n == nil {
		return "<nil>"
	}
	var b strings.Builder
	if err := printNode(&b, e.fset, n); err != nil {
		return fmt.Sprintf("%T", n)
	}
	out := b.String()
	if len(out) > 80 {
		out = out[:77] + "..."
	}
	return out
}

func printNode(w io.Writer, fset *token.FileSet, n ast.Node) error {
	return printer.Fprint(w, fset, n)
}
