package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/dnslint/dnslint/lint/spell"
)

// Builtins of dnslint, for the built-in rules and user policies alike. They are
// registered with OPA before any capabilities are computed (capabilities() includes
// them) and are deterministic.
func init() {
	rego.RegisterBuiltin2(&rego.Function{
		Name: "dnslint.closest",
		Decl: types.NewFunction(
			types.Args(
				types.Named("name", types.S).Description("the name as written"),
				types.Named("names", types.NewAny(types.NewSet(types.S), types.NewArray(nil, types.S))).Description("the real names"),
			),
			types.Named("closest", types.S).Description("the real name it probably meant"),
		),
		Memoize: true,
	}, closest)
}

// closest implements dnslint.closest(name, names): the name of names nearest to name by
// edit distance (spell.Closest), undefined when none is near enough or name is one of them.
func closest(_ rego.BuiltinContext, name, names *ast.Term) (*ast.Term, error) {
	s, ok := name.Value.(ast.String)
	if !ok {
		return nil, nil
	}
	if c, ok := spell.Closest(string(s), stringsOf(names)); ok {
		return ast.StringTerm(c), nil
	}
	return nil, nil
}

// stringsOf is the strings of a set or an array of strings; other elements are skipped.
func stringsOf(t *ast.Term) []string {
	var out []string
	collect := func(t *ast.Term) {
		if s, ok := t.Value.(ast.String); ok {
			out = append(out, string(s))
		}
	}
	switch v := t.Value.(type) {
	case ast.Set:
		v.Foreach(collect)
	case *ast.Array:
		v.Foreach(collect)
	}
	return out
}

// registerCheck registers a builtin of one string that asks a real library whether
// CoreDNS would accept it: its answer is the library's error message, or "" when check
// accepts it (check returns that message). arg and result document the argument and the
// message.
func registerCheck(name string, arg, result *types.NamedType, check func(string) string) {
	rego.RegisterBuiltin1(&rego.Function{
		Name:    name,
		Decl:    types.NewFunction(types.Args(arg), result),
		Memoize: true,
	}, func(_ rego.BuiltinContext, t *ast.Term) (*ast.Term, error) {
		s, ok := t.Value.(ast.String)
		if !ok {
			return nil, nil
		}
		return ast.StringTerm(check(string(s))), nil
	})
}
