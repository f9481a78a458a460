package deploy

import (
	"slices"
	"strings"
	"testing"
	"time"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"

	"github.com/dnslint/dnslint/webhook"
)

// TestReviewBudgetFitsTheConfiguration: the webhook answers every review before the API
// server's timeoutSeconds, past its budget in the direction of each webhook's
// failurePolicy (a ConfigMap denied, a workload admitted), with the heap guard bounded by
// the container's memory limit, and ignores inline suppressions.
func TestReviewBudgetFitsTheConfiguration(t *testing.T) {
	b := decodeBase(t)
	c := b.dep.Spec.Template.Spec.Containers[0]
	deadline := webhook.DefaultLintTimeout
	for _, a := range c.Args {
		if v, ok := strings.CutPrefix(a, "--lint-timeout="); ok {
			d, err := time.ParseDuration(v)
			if err != nil {
				t.Fatalf("%s: %v", a, err)
			}
			deadline = d
		}
		if strings.HasPrefix(a, "--honor-suppressions") || strings.HasPrefix(a, "--deny-unreviewed-workloads") || strings.HasPrefix(a, "--test-") {
			t.Errorf("the Deployment passes %s", a)
		}
	}
	for _, w := range b.vwc.Webhooks {
		if w.TimeoutSeconds == nil || *w.TimeoutSeconds != webhook.TimeoutSeconds {
			t.Errorf("%s: timeoutSeconds %v, the webhook's default deadline is derived from %d", w.Name, w.TimeoutSeconds, webhook.TimeoutSeconds)
			continue
		}
		if limit := time.Duration(*w.TimeoutSeconds) * time.Second; deadline+webhook.DeadlineMargin > limit {
			t.Errorf("%s: a review's deadline %s leaves less than %s before timeoutSeconds %d", w.Name, deadline, webhook.DeadlineMargin, *w.TimeoutSeconds)
		}
		configMaps := slices.ContainsFunc(w.Rules, func(r admissionregistrationv1.RuleWithOperations) bool {
			return slices.Contains(r.Resources, "configmaps")
		})
		want := admissionregistrationv1.Ignore // unreviewed workloads are admitted with a warning
		if configMaps {
			want = admissionregistrationv1.Fail // an unreviewed ConfigMap is denied
		}
		if w.FailurePolicy == nil || *w.FailurePolicy != want {
			t.Errorf("%s: failurePolicy %v, but the webhook answers an unreviewed object as %s does", w.Name, w.FailurePolicy, want)
		}
	}
	if q, ok := c.Resources.Limits["memory"]; !ok || q.Value() <= 0 {
		t.Error("no memory limit: the webhook's heap guard reads it from the container's cgroup")
	}
}
