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
	var candidates []string
	collect := func(t *ast.Term) {
		if c, ok := t.Value.(ast.String); ok {
			candidates = append(candidates, string(c))
		}
	}
	switch v := names.Value.(type) {
	case ast.Set:
		v.Foreach(collect)
	case *ast.Array:
		v.Foreach(collect)
	}
	if c, ok := spell.Closest(string(s), candidates); ok {
		return ast.StringTerm(c), nil
	}
	return nil, nil
}
