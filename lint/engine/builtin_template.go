package engine

import (
	"text/template"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
)

// dnslint.template_parse(name, text, funcs) compiles text as CoreDNS's template plugin
// does (text/template: template.New(name).Funcs(funcs).Parse(text)) and is Go's error
// message, or "" when the template compiles. funcs names the functions the template may
// call (CoreDNS 1.10.0 and later declare parseInt); only their names matter to parsing.
func init() {
	rego.RegisterBuiltin3(&rego.Function{
		Name: "dnslint.template_parse",
		Decl: types.NewFunction(
			types.Args(
				types.Named("name", types.S).Description("the template's name, as in its error messages (answer, additional, authority)"),
				types.Named("text", types.S).Description("the Go text/template source"),
				types.Named("funcs", types.NewAny(types.NewSet(types.S), types.NewArray(nil, types.S))).Description("the names of the functions it may call"),
			),
			types.Named("error", types.S).Description("text/template's parse error, or \"\" when it compiles"),
		),
		Memoize: true,
	}, templateParse)
}

// templateFunc stands for every declared function: Parse checks only that a name exists.
func templateFunc(...any) any { return nil }

func templateParse(_ rego.BuiltinContext, name, text, funcs *ast.Term) (*ast.Term, error) {
	n, ok1 := name.Value.(ast.String)
	s, ok2 := text.Value.(ast.String)
	if !ok1 || !ok2 {
		return nil, nil
	}
	declared := template.FuncMap{}
	for _, f := range stringsOf(funcs) {
		declared[f] = templateFunc
	}
	if _, err := template.New(string(n)).Funcs(declared).Parse(string(s)); err != nil {
		return ast.StringTerm(err.Error()), nil
	}
	return ast.StringTerm(""), nil
}
