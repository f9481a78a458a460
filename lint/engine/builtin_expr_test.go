package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

func TestExprCompile(t *testing.T) {
	pq, err := rego.New(rego.Query(`x := dnslint.expr_compile(input)`)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ expression, want string }{
		// CoreDNS 1.14.7's view/setup_test.go: `expr invalid expression` is refused
		{"invalid expression", "unexpected token Identifier(\"expression\") (1:9)\n | invalid expression\n | ........^"},
		{"incidr(client_ip(), '10.0.0.0/8')", ""},
		{"type() == 'A' && name() matches '^www[.]'", ""},
		{"metadata('kubernetes/client-namespace') == 'ns1'", ""},
		// names outside CoreDNS's environment do not compile
		{"nosuch() == 1", "unknown name nosuch"},
		// incidr takes two strings
		{"incidr(client_ip())", "not enough arguments to call incidr"},
	} {
		rs, err := pq.Eval(context.Background(), rego.EvalInput(c.expression))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%q: %v %v", c.expression, rs, err)
		}
		got := rs[0].Bindings["x"].(string)
		if c.want == "" && got != "" || c.want != "" && !strings.HasPrefix(got, c.want) {
			t.Errorf("expr_compile(%q) = %q, want %q", c.expression, got, c.want)
		}
	}
}

// TestExprCompileNestingLimit: past MaxExprNesting levels the expression is not compiled
// (expr-lang recurses per level: a few megabytes overflow the stack, a fatal error) and
// the answer says so; at the limit it is compiled.
func TestExprCompileNestingLimit(t *testing.T) {
	pq, err := rego.New(rego.Query(`x := dnslint.expr_compile(input)`)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	nested := func(n int) string { return strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + " == 1" }
	for _, c := range []struct {
		expression, want string
	}{
		{nested(MaxExprNesting), ""},
		{nested(MaxExprNesting + 1), ExprLimitPrefix + "the expression nests deeper than 1000 levels"},
		{nested(200_000), ExprLimitPrefix + "the expression nests deeper than 1000 levels"},
		{"[" + strings.Repeat("{", MaxExprNesting+1), ExprLimitPrefix + "the expression nests deeper than 1000 levels"},
	} {
		rs, err := pq.Eval(context.Background(), rego.EvalInput(c.expression))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%.20q: %v %v", c.expression, rs, err)
		}
		if got := rs[0].Bindings["x"].(string); got != c.want {
			t.Errorf("expr_compile(%.20q…) = %q, want %q", c.expression, got, c.want)
		}
	}
}
