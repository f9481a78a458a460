package engine

import (
	"fmt"
	"math/big"
	"net"
	"regexp"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// A policy's evaluation is bounded in time by Options.Timeout; these caps bound what one
// builtin call may build, so that a few characters of Rego cannot ask for gigabytes:
// `numbers.range(1, 1e9)`, a concat of a string with itself thirty times over, a
// sprintf of `%[1]s` repeated. Builtins whose result grows with an argument's value (not
// its size) are checked before they run (preChecks); every builtin's result is checked
// after (a chain of calls that each double their input stops at twice the cap). Past a
// cap the evaluation fails with an error that names the builtin, the size it would have
// built, the cap and the policy's file and line: a Halt, which OPA never turns into an
// undefined expression (a plain builtin error would silently make the rule not fire).
// The caps hold for the built-in rules too; they are far above anything a DNS file
// needs (a 5 MiB ConfigMap is a string three times smaller than the byte cap). What
// many calls build together is the evaluation's heap, bounded elsewhere.
const (
	// MaxBuiltinElements is the most elements an array, set or object built by one
	// builtin call may hold.
	MaxBuiltinElements = 1 << 18
	// MaxBuiltinBytes is the longest string one builtin call may build.
	MaxBuiltinBytes = 16 << 20
)

// The codes of the evaluation errors: a cap exceeded, an argument refused.
const (
	LimitCode      = "dnslint_limit_exceeded"
	NotAllowedCode = "dnslint_not_allowed"
)

// preCheck returns the size a call would build from its operands, in elements or in
// bytes (unit), or ok false when the operands are not what the builtin takes (it then
// reports its own error).
type preCheck func(ops []*ast.Term) (size int64, unit string, ok bool)

var preChecks = map[string]preCheck{
	"numbers.range":             rangeSize(false),
	"numbers.range_step":        rangeSize(true),
	"net.cidr_expand":           cidrExpandSize,
	"concat":                    concatSize,
	"array.concat":              arrayConcatSize,
	"array.flatten":             flattenSize,
	"replace":                   replaceSize,
	"strings.replace_n":         replaceNSize,
	"regex.replace":             regexReplaceSize,
	"sprintf":                   sprintfSize,
	"json.marshal":              marshalSize(0, 0),
	"json.marshal_with_options": marshalWithOptionsSize,
	"yaml.marshal":              marshalSize(4, 2),
	"graph.reachable_paths":     reachablePathsSize,
	"time.format":               utcOnly,
	"time.date":                 utcOnly,
	"time.clock":                utcOnly,
	"time.weekday":              utcOnly,
	"time.add_date":             utcOnly,
	"time.diff":                 utcOnly,
	"time.parse_ns":             noZoneAbbreviation,
}

// Cap every builtin: OPA looks builtins up in a registry that its topdown package fills
// in init, so wrapping them here (this package imports topdown) holds for every
// evaluation of the process.
func init() {
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		f := topdown.GetBuiltin(b.Name)
		if f == nil || preChecks[b.Name] == nil && !buildsValues(b) {
			continue
		}
		topdown.RegisterBuiltinFunc(b.Name, capped(b.Name, preChecks[b.Name], f))
	}
}

// buildsValues tells whether a builtin may return a string or a collection (a boolean
// or a number is small whatever the call).
func buildsValues(b *ast.Builtin) bool {
	if b.Decl == nil || b.Decl.Result() == nil {
		return false
	}
	res := b.Decl.Result()
	return types.Compare(res, types.B) != 0 && types.Compare(res, types.N) != 0
}

// capped wraps a builtin with its pre-check and the check of its results.
func capped(name string, pre preCheck, f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		if pre != nil {
			switch size, unit, ok := pre(ops); {
			case ok && size == refused:
				return evalError(bctx, NotAllowedCode, fmt.Sprintf("%s: %s", name, unit))
			case ok && size > capOf(unit):
				return evalError(bctx, LimitCode, fmt.Sprintf("%s would build %d %s: dnslint allows at most %d per call", name, size, unit, capOf(unit)))
			}
		}
		return f(bctx, ops, func(t *ast.Term) error {
			if size, unit := resultSize(t); size > capOf(unit) {
				return evalError(bctx, LimitCode, fmt.Sprintf("%s built %d %s: dnslint allows at most %d per call", name, size, unit, capOf(unit)))
			}
			return iter(t)
		})
	}
}

// A pre-check refuses a call whatever its size by returning a negative size, with the
// reason as its unit.
const refused = -1

func capOf(unit string) int64 {
	if unit == "bytes" {
		return MaxBuiltinBytes
	}
	return MaxBuiltinElements
}

// evalError stops the evaluation: a Halt, which no expression turns into undefined.
func evalError(bctx topdown.BuiltinContext, code, msg string) error {
	return topdown.Halt{Err: &topdown.Error{Code: code, Message: msg, Location: bctx.Location}}
}

// resultSize is the length of a string, or the element count of a collection.
func resultSize(t *ast.Term) (int64, string) {
	switch v := t.Value.(type) {
	case ast.String:
		return int64(len(v)), "bytes"
	case *ast.Array:
		return int64(v.Len()), "elements"
	case ast.Set:
		return int64(v.Len()), "elements"
	case ast.Object:
		return int64(v.Len()), "elements"
	}
	return 0, "elements"
}

func rangeSize(step bool) preCheck {
	return func(ops []*ast.Term) (int64, string, bool) {
		a, ok1 := bigInt(ops[0])
		b, ok2 := bigInt(ops[1])
		if !ok1 || !ok2 {
			return 0, "", false
		}
		n := new(big.Int).Abs(new(big.Int).Sub(b, a))
		if step {
			s, ok := bigInt(ops[2])
			if !ok || s.Sign() <= 0 {
				return 0, "", false
			}
			n.Quo(n, s)
		}
		return clamp(n.Add(n, big.NewInt(1))), "elements", true
	}
}

// bigInt reads an integer operand, written in any notation (1e9). One past 2^62 in
// magnitude reads as ±2^62: it is never converted, as 1e1000000000 would be a 400 MB
// integer.
func bigInt(t *ast.Term) (*big.Int, bool) {
	n, ok := t.Value.(ast.Number)
	if !ok {
		return nil, false
	}
	f, ok := new(big.Float).SetString(string(n))
	if !ok || !f.IsInt() {
		return nil, false
	}
	if f.MantExp(nil) > 62 {
		return new(big.Int).Lsh(big.NewInt(int64(f.Sign())), 62), true
	}
	i, _ := f.Int(nil)
	return i, true
}

// clamp is n as an int64, saturated.
func clamp(n *big.Int) int64 {
	if !n.IsInt64() {
		return 1 << 62
	}
	return n.Int64()
}

func cidrExpandSize(ops []*ast.Term) (int64, string, bool) {
	s, ok := ops[0].Value.(ast.String)
	if !ok {
		return 0, "", false
	}
	_, n, err := net.ParseCIDR(string(s))
	if err != nil {
		return 0, "", false
	}
	ones, bits := n.Mask.Size()
	return clamp(new(big.Int).Lsh(big.NewInt(1), uint(bits-ones))), "elements", true
}

// strs calls f with each string of an array or set.
func strs(t *ast.Term, f func(s string)) bool {
	each := func(e *ast.Term) {
		if s, ok := e.Value.(ast.String); ok {
			f(string(s))
		}
	}
	switch v := t.Value.(type) {
	case *ast.Array:
		v.Foreach(each)
	case ast.Set:
		v.Foreach(each)
	default:
		return false
	}
	return true
}

func concatSize(ops []*ast.Term) (int64, string, bool) {
	delim, ok := ops[0].Value.(ast.String)
	if !ok {
		return 0, "", false
	}
	var size int64
	ok = strs(ops[1], func(s string) { size += int64(len(s) + len(delim)) })
	return size, "bytes", ok
}

func arrayConcatSize(ops []*ast.Term) (int64, string, bool) {
	a, ok1 := ops[0].Value.(*ast.Array)
	b, ok2 := ops[1].Value.(*ast.Array)
	return int64(a.Len()) + int64(b.Len()), "elements", ok1 && ok2
}

// flattenSize counts the elements array.flatten builds (it flattens one level): an
// array holding the same large array many times is small itself.
func flattenSize(ops []*ast.Term) (int64, string, bool) {
	a, ok := ops[0].Value.(*ast.Array)
	if !ok {
		return 0, "", false
	}
	var n int64
	a.Foreach(func(t *ast.Term) {
		if inner, ok := t.Value.(*ast.Array); ok {
			n += int64(inner.Len())
		} else {
			n++
		}
	})
	return n, "elements", true
}

func replaceSize(ops []*ast.Term) (int64, string, bool) {
	s, ok1 := ops[0].Value.(ast.String)
	old, ok2 := ops[1].Value.(ast.String)
	repl, ok3 := ops[2].Value.(ast.String)
	if !ok1 || !ok2 || !ok3 {
		return 0, "", false
	}
	return int64(len(s)) + int64(strings.Count(string(s), string(old)))*int64(len(repl)), "bytes", true
}

func replaceNSize(ops []*ast.Term) (int64, string, bool) {
	patterns, ok1 := ops[0].Value.(ast.Object)
	s, ok2 := ops[1].Value.(ast.String)
	if !ok1 || !ok2 {
		return 0, "", false
	}
	size := int64(len(s))
	patterns.Foreach(func(k, v *ast.Term) {
		old, ok1 := k.Value.(ast.String)
		repl, ok2 := v.Value.(ast.String)
		if ok1 && ok2 {
			size += int64(strings.Count(string(s), string(old))) * int64(len(repl))
		}
	})
	return size, "bytes", true
}

// regexReplaceSize bounds a replacement by its matches, each replaced by the template
// with every $ expansion as long as the whole input.
func regexReplaceSize(ops []*ast.Term) (int64, string, bool) {
	s, ok1 := ops[0].Value.(ast.String)
	pattern, ok2 := ops[1].Value.(ast.String)
	repl, ok3 := ops[2].Value.(ast.String)
	if !ok1 || !ok2 || !ok3 {
		return 0, "", false
	}
	re, err := regexp.Compile(string(pattern))
	if err != nil {
		return 0, "", false
	}
	matches := int64(len(re.FindAllStringIndex(string(s), -1)))
	each := int64(len(repl)) + int64(strings.Count(string(repl), "$"))*int64(len(s))
	return int64(len(s)) + matches*each, "bytes", true
}

// sprintfSize bounds sprintf's output: the format, plus for every verb the longest
// argument and the verb's width and precision (Go caps each at 1e6; `*` takes them from
// the arguments, so each such verb may add 1e6).
func sprintfSize(ops []*ast.Term) (int64, string, bool) {
	format, ok1 := ops[0].Value.(ast.String)
	args, ok2 := ops[1].Value.(*ast.Array)
	if !ok1 || !ok2 {
		return 0, "", false
	}
	var longest int64
	for i := range args.Len() {
		longest = max(longest, rendered(args.Elem(i).Value).bytes)
	}
	size := int64(len(format))
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		size += longest
		num := int64(0)
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0; i++ {
			switch c := format[i]; {
			case c >= '0' && c <= '9':
				num = min(num*10+int64(c-'0'), 1e6)
			case c == '*':
				size += 1e6
				fallthrough
			default:
				size, num = size+num, 0
			}
		}
		size += num
	}
	return size, "bytes", true
}

// marshalSize bounds the JSON (or YAML) text of a value: its compact JSON, plus per node
// a line of perNode bytes and perLevel bytes of indentation per level of depth.
func marshalSize(perNode, perLevel int64) preCheck {
	return func(ops []*ast.Term) (int64, string, bool) {
		r := rendered(ops[0].Value)
		return r.bytes + r.nodes*(perNode+r.depth*perLevel), "bytes", true
	}
}

func marshalWithOptionsSize(ops []*ast.Term) (int64, string, bool) {
	opts, ok := ops[1].Value.(ast.Object)
	if !ok {
		return 0, "", false
	}
	prefix, indent := int64(0), int64(1) // OPA indents with a tab by default
	if t := opts.Get(ast.StringTerm("prefix")); t != nil {
		if s, ok := t.Value.(ast.String); ok {
			prefix = int64(len(s))
		}
	}
	if t := opts.Get(ast.StringTerm("indent")); t != nil {
		if s, ok := t.Value.(ast.String); ok {
			indent = int64(len(s))
		}
	}
	return marshalSize(prefix+2, indent)(ops)
}

// size is what walking a value found, stopped once bytes pass the cap (a value may share
// a subtree many times and be far larger written out than in memory).
type size struct{ bytes, nodes, depth int64 }

// rendered bounds the length of a value written as JSON or as Rego (strings escaped:
// six bytes for each byte that may need it).
func rendered(v ast.Value) size {
	var s size
	var walk func(v ast.Value, depth int64)
	walk = func(v ast.Value, depth int64) {
		if s.bytes > MaxBuiltinBytes {
			return
		}
		s.nodes++
		s.depth = max(s.depth, depth)
		switch v := v.(type) {
		case ast.String:
			s.bytes += 2
			for i := 0; i < len(v); i++ {
				if c := v[i]; c < 0x20 || c >= 0x7f || strings.IndexByte(`"\<>&`, c) >= 0 {
					s.bytes += 6
				} else {
					s.bytes++
				}
			}
		case *ast.Array:
			s.bytes += 2
			v.Foreach(func(t *ast.Term) { s.bytes++; walk(t.Value, depth+1) })
		case ast.Set:
			s.bytes += 2
			v.Foreach(func(t *ast.Term) { s.bytes++; walk(t.Value, depth+1) })
		case ast.Object:
			s.bytes += 2
			v.Foreach(func(k, t *ast.Term) { s.bytes += 2; walk(k.Value, depth+1); walk(t.Value, depth+1) })
		default:
			s.bytes += int64(len(v.String()))
		}
	}
	walk(v, 1)
	return s
}

// reachablePathsSize counts the elements of the paths graph.reachable_paths would build,
// following its walk (a path ends at a leaf, at a node outside the graph or where it
// would close a cycle) without building them, stopping past the cap: a graph of a few
// dozen nodes can hold billions of paths.
func reachablePathsSize(ops []*ast.Term) (int64, string, bool) {
	graph, ok := ops[0].Value.(ast.Object)
	if !ok {
		return 0, "", false
	}
	var n int64
	var path []*ast.Term
	onPath := func(t *ast.Term) bool {
		for _, p := range path {
			if p.Equal(t) {
				return true
			}
		}
		return false
	}
	var walk func(node *ast.Term)
	walk = func(node *ast.Term) {
		if n > MaxBuiltinElements {
			return
		}
		edges := graph.Get(node)
		if edges == nil || edgeCount(edges) == 0 {
			n += int64(len(path)) + 1
			return
		}
		path = append(path, node)
		eachVertex(edges, func(next *ast.Term) {
			if onPath(next) {
				n += int64(len(path))
			} else {
				walk(next)
			}
		})
		path = path[:len(path)-1]
	}
	switch start := ops[1].Value.(type) {
	case *ast.Array, ast.Set:
		eachVertex(ast.NewTerm(start), walk)
	default:
		return 0, "", false
	}
	return n, "elements", true
}

func eachVertex(t *ast.Term, f func(*ast.Term)) {
	switch v := t.Value.(type) {
	case *ast.Array:
		v.Foreach(f)
	case ast.Set:
		v.Foreach(f)
	}
}

func edgeCount(t *ast.Term) int {
	switch v := t.Value.(type) {
	case *ast.Array:
		return v.Len()
	case ast.Set:
		return v.Len()
	}
	return 0
}

// utcOnly refuses a time zone other than UTC: "Local" is the host's TZ, and any other
// name is read from the host's time zone database (ZONEINFO, /usr/share/zoneinfo), so
// findings would depend on the machine.
func utcOnly(ops []*ast.Term) (int64, string, bool) {
	for _, op := range ops {
		a, ok := op.Value.(*ast.Array)
		if !ok || a.Len() < 2 {
			continue
		}
		if tz, ok := a.Elem(1).Value.(ast.String); ok && tz != "" && tz != "UTC" {
			return refused, fmt.Sprintf("time zone %q is not allowed: it reads the host's time zone (TZ, /etc/localtime or the zoneinfo database); dnslint policies use UTC", string(tz)), true
		}
	}
	return 0, "elements", true
}

// noZoneAbbreviation refuses a layout with a zone abbreviation (MST): Go resolves one
// with the host's local time zone.
func noZoneAbbreviation(ops []*ast.Term) (int64, string, bool) {
	if layout, ok := ops[0].Value.(ast.String); ok && strings.Contains(string(layout), "MST") {
		return refused, "a layout with a zone abbreviation (MST) is not allowed: Go reads its offset from the host's local time zone; use a numeric offset (-0700)", true
	}
	return 0, "elements", true
}
