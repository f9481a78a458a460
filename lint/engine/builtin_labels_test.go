package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

func TestLabelSelectorParse(t *testing.T) {
	pq, err := rego.New(rego.Query(`x := dnslint.label_selector_parse(input)`)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ selector, want string }{
		{"environment in (production, qa", `couldn't parse the selector string "environment in (production, qa": unable to parse requirement: found '', expected: ',' or ')'`},
		{"environment in (production, qa)", ""},
		{"app=dns,tier notin (frontend)", ""},
		// ParseToLabelSelector has no operator for != (CoreDNS refuses it too)
		{"tier!=frontend", `"!=" is not a valid label selector operator`},
		{"!legacy", ""},
	} {
		rs, err := pq.Eval(context.Background(), rego.EvalInput(c.selector))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%q: %v %v", c.selector, rs, err)
		}
		if got := rs[0].Bindings["x"].(string); got != c.want {
			t.Errorf("label_selector_parse(%q) = %q, want %q", c.selector, got, c.want)
		}
	}
}
