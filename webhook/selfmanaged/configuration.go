package selfmanaged

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
	sigsyaml "sigs.k8s.io/yaml"
)

//go:embed configuration.yaml
var configurationYAML []byte

// Webhook names in the configuration.
const (
	ConfigMapsWebhook = "configmaps.dnslint.dev"
	WorkloadsWebhook  = "workloads.dnslint.dev"
)

// ConfigOptions shape the webhook configuration.
type ConfigOptions struct {
	// Name of the ValidatingWebhookConfiguration (default "dnslint").
	Name string
	// Namespace and Service of the webhook: the clientConfig's service, and a namespace
	// never sent to the webhook (its own pods must always start).
	Namespace, Service string
	// URL, when set, replaces the service in clientConfig (a webhook outside the
	// cluster; the e2e test's).
	URL string
	// CABundle is the PEM the API server verifies the serving certificate with.
	CABundle []byte
	// FailurePolicies by webhook name (default: configuration.yaml's, Fail for ConfigMaps,
	// Ignore for workloads).
	FailurePolicies map[string]admissionregistrationv1.FailurePolicyType
	// ExcludeNamespaces are never sent, besides Namespace.
	ExcludeNamespaces []string
}

// Configuration is the ValidatingWebhookConfiguration for o.
func Configuration(o ConfigOptions) (*admissionregistrationv1.ValidatingWebhookConfiguration, error) {
	var vwc admissionregistrationv1.ValidatingWebhookConfiguration
	if err := sigsyaml.UnmarshalStrict(configurationYAML, &vwc); err != nil {
		return nil, fmt.Errorf("configuration.yaml: %w", err)
	}
	vwc.APIVersion, vwc.Kind = "admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"
	if o.Name != "" {
		vwc.Name = o.Name
	}
	vwc.Labels = map[string]string{ManagedByLabel: ManagedByValue}
	for i := range vwc.Webhooks {
		w := &vwc.Webhooks[i]
		if o.URL != "" {
			url := o.URL
			w.ClientConfig = admissionregistrationv1.WebhookClientConfig{URL: &url}
		} else {
			w.ClientConfig.Service.Namespace, w.ClientConfig.Service.Name = o.Namespace, o.Service
		}
		w.ClientConfig.CABundle = o.CABundle
		if p, ok := o.FailurePolicies[w.Name]; ok {
			if p != admissionregistrationv1.Fail && p != admissionregistrationv1.Ignore {
				return nil, fmt.Errorf("failure policy %q of %s: want Fail or Ignore", p, w.Name)
			}
			w.FailurePolicy = &p
		}
		w.NamespaceSelector = &metav1.LabelSelector{MatchExpressions: []metav1.LabelSelectorRequirement{{
			Key: "kubernetes.io/metadata.name", Operator: metav1.LabelSelectorOpNotIn,
			Values: append([]string{o.Namespace}, o.ExcludeNamespaces...),
		}}}
	}
	return &vwc, nil
}

// FieldManager is the webhook's field manager for server-side apply.
const FieldManager = "dnslint-webhook"

// apply applies vwc server-side with FieldManager, forcing ownership of every field it
// sets: the webhook is the configuration's only writer (a GitOps tool or a hand edit
// that changed them is overridden at the next apply).
func apply(ctx context.Context, client kubernetes.Interface, vwc *admissionregistrationv1.ValidatingWebhookConfiguration) error {
	body, err := applyBody(vwc)
	if err != nil {
		return err
	}
	force := true
	_, err = client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Patch(ctx, vwc.Name, types.ApplyPatchType, body,
		metav1.PatchOptions{FieldManager: FieldManager, Force: &force})
	if err != nil {
		return fmt.Errorf("applying ValidatingWebhookConfiguration %s: %w", vwc.Name, err)
	}
	return nil
}

// applyBody is vwc as an apply configuration: the fields it sets, nothing the server
// owns (no creationTimestamp, resourceVersion or status).
func applyBody(vwc *admissionregistrationv1.ValidatingWebhookConfiguration) ([]byte, error) {
	b, err := json.Marshal(vwc)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if meta, ok := m["metadata"].(map[string]any); ok {
		delete(meta, "creationTimestamp")
	}
	return json.Marshal(m)
}
