package engine

import (
	"github.com/expr-lang/expr"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
)

// dnslint.expr_compile(expression) compiles an expr-lang expression as CoreDNS's view
// plugin does for `expr` (expr.Compile with the environment of plugin/pkg/expression's
// DefaultEnv, the builtin `type` disabled) and is the library's error message, or "" when
// it compiles. Only compiled, never run.
func init() {
	rego.RegisterBuiltin1(&rego.Function{
		Name: "dnslint.expr_compile",
		Decl: types.NewFunction(
			types.Args(
				types.Named("expression", types.S).Description("the expression, e.g. `incidr(client_ip(), '10.0.0.0/8')`"),
			),
			types.Named("error", types.S).Description("the expr-lang compile error, or \"\" when the expression compiles"),
		),
		Memoize: true,
	}, exprCompile)
}

func exprCompile(_ rego.BuiltinContext, expression *ast.Term) (*ast.Term, error) {
	s, ok := expression.Value.(ast.String)
	if !ok {
		return nil, nil
	}
	if _, err := expr.Compile(string(s), expr.Env(coreDNSExprEnv), expr.DisableBuiltin("type")); err != nil {
		return ast.StringTerm(err.Error()), nil
	}
	return ast.StringTerm(""), nil
}

// coreDNSExprEnv has the names and signatures of CoreDNS's expression.DefaultEnv
// (plugin/pkg/expression/expression.go, v1.10.0–v1.14.7): the compiler checks names and
// types against it; the values are never called.
var coreDNSExprEnv = map[string]any{
	"incidr":      func(ipStr, cidrStr string) (bool, error) { return false, nil },
	"metadata":    func(label string) string { return "" },
	"type":        func() string { return "" },
	"name":        func() string { return "" },
	"class":       func() string { return "" },
	"proto":       func() string { return "" },
	"size":        func() int { return 0 },
	"client_ip":   func() string { return "" },
	"port":        func() string { return "" },
	"id":          func() int { return 0 },
	"opcode":      func() int { return 0 },
	"do":          func() bool { return false },
	"bufsize":     func() int { return 0 },
	"server_ip":   func() string { return "" },
	"server_port": func() string { return "" },
}
