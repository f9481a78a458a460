package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// dnslint.label_selector_parse(selector) parses a Kubernetes label selector as CoreDNS's
// kubernetes plugin does for `labels` and `namespace_labels` (k8s.io/apimachinery
// metav1.ParseToLabelSelector, which reads it with labels.Parse) and is the library's error
// message, or "" when the selector parses.
func init() {
	rego.RegisterBuiltin1(&rego.Function{
		Name: "dnslint.label_selector_parse",
		Decl: types.NewFunction(
			types.Args(
				types.Named("selector", types.S).Description("the label selector, e.g. `environment in (production, qa)`"),
			),
			types.Named("error", types.S).Description("the apimachinery parse error, or \"\" when the selector parses"),
		),
		Memoize: true,
	}, labelSelectorParse)
}

func labelSelectorParse(_ rego.BuiltinContext, selector *ast.Term) (*ast.Term, error) {
	s, ok := selector.Value.(ast.String)
	if !ok {
		return nil, nil
	}
	if _, err := metav1.ParseToLabelSelector(string(s)); err != nil {
		return ast.StringTerm(err.Error()), nil
	}
	return ast.StringTerm(""), nil
}
