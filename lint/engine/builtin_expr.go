package engine

import (
	"fmt"

	"github.com/expr-lang/expr"
	"github.com/open-policy-agent/opa/v1/types"
)

// dnslint.expr_compile(expression) compiles an expr-lang expression as CoreDNS's view
// plugin does for `expr` (expr.Compile with the environment of plugin/pkg/expression's
// DefaultEnv, the builtin `type` disabled) and is the library's error message, or "" when
// it compiles. Only compiled, never run. An expression nested deeper than MaxExprNesting
// is not compiled: the answer starts with ExprLimitPrefix (expr-lang's parser recurses
// once per level, and a Corefile-sized nesting overflows the goroutine stack, a fatal
// error no recover catches).
func init() {
	registerCheck("dnslint.expr_compile",
		types.Named("expression", types.S).Description("the expression, e.g. `incidr(client_ip(), '10.0.0.0/8')`"),
		types.Named("error", types.S).Description("the expr-lang compile error, or \"\" when the expression compiles"),
		exprError)
}

func exprError(expression string) string {
	if nestingDepth(expression) > MaxExprNesting {
		return ExprLimitPrefix + fmt.Sprintf("the expression nests deeper than %d levels", MaxExprNesting)
	}
	if _, err := expr.Compile(expression, expr.Env(coreDNSExprEnv), expr.DisableBuiltin("type")); err != nil {
		return err.Error()
	}
	return ""
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

// MaxExprNesting is the deepest nesting of brackets dnslint.expr_compile compiles.
const MaxExprNesting = 1000

// ExprLimitPrefix starts dnslint.expr_compile's answer for an expression past its limit.
const ExprLimitPrefix = "dnslint limit: "

// nestingDepth is the deepest nesting of (, [ and { in s, brackets in string literals
// counted too (an upper bound).
func nestingDepth(s string) int {
	depth, deepest := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ')', ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return deepest
}
