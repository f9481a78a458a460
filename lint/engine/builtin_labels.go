package engine

import (
	"github.com/open-policy-agent/opa/v1/types"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// dnslint.label_selector_parse(selector) parses a Kubernetes label selector as CoreDNS's
// kubernetes plugin does for `labels` and `namespace_labels` (k8s.io/apimachinery
// metav1.ParseToLabelSelector, which reads it with labels.Parse) and is the library's error
// message, or "" when the selector parses.
func init() {
	registerCheck("dnslint.label_selector_parse",
		types.Named("selector", types.S).Description("the label selector, e.g. `environment in (production, qa)`"),
		types.Named("error", types.S).Description("the apimachinery parse error, or \"\" when the selector parses"),
		labelSelectorError)
}

func labelSelectorError(selector string) string {
	if _, err := metav1.ParseToLabelSelector(selector); err != nil {
		return err.Error()
	}
	return ""
}
