// Package deploy holds the webhook's kustomize manifests; this test checks them without a
// cluster (the end-to-end test in e2e/ validates them against a real API server).
package deploy

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
)

type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Resources  []string `json:"resources"`
	Patches    []struct {
		Path string `json:"path"`
	} `json:"patches"`
	Images []struct {
		Name, NewTag string
	} `json:"images"`
	Labels []struct {
		Pairs            map[string]string `json:"pairs"`
		IncludeSelectors bool              `json:"includeSelectors"`
	} `json:"labels"`
}

// documents reads the documents of a YAML file.
func documents(t *testing.T, name string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(b), -1) {
		if strings.TrimSpace(regexp.MustCompile(`(?m)^#.*$`).ReplaceAllString(doc, "")) != "" {
			out = append(out, []byte(doc))
		}
	}
	return out
}

// render follows the kustomizations' resources (files and directories) as kustomize
// does, and returns every resource document with its file.
func render(t *testing.T, dir string) (docs [][]byte, files []string) {
	t.Helper()
	var k kustomization
	if err := sigsyaml.UnmarshalStrict(mustRead(t, filepath.Join(dir, "kustomization.yaml")), &k); err != nil {
		t.Fatalf("%s/kustomization.yaml: %v", dir, err)
	}
	if k.APIVersion != "kustomize.config.k8s.io/v1beta1" || k.Kind != "Kustomization" {
		t.Errorf("%s: %s %s", dir, k.APIVersion, k.Kind)
	}
	for _, r := range k.Resources {
		p := filepath.Join(dir, r)
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: resource %s: %v", dir, r, err)
		}
		if fi.IsDir() {
			d, f := render(t, p)
			docs, files = append(docs, d...), append(files, f...)
			continue
		}
		for _, d := range documents(t, p) {
			docs, files = append(docs, d), append(files, p)
		}
	}
	for _, p := range k.Patches {
		if _, err := os.Stat(filepath.Join(dir, p.Path)); err != nil {
			t.Errorf("%s: patch %s: %v", dir, p.Path, err)
		}
	}
	return docs, files
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// base decodes the base's objects strictly into their API types.
type base struct {
	ns      *corev1.Namespace
	sa      *corev1.ServiceAccount
	role    *rbacv1.Role
	binding *rbacv1.RoleBinding
	dep     *appsv1.Deployment
	pdb     *policyv1.PodDisruptionBudget
	svc     *corev1.Service
	vwc     *admissionregistrationv1.ValidatingWebhookConfiguration
}

func decodeBase(t *testing.T) *base {
	t.Helper()
	docs, files := render(t, ".")
	b := &base{}
	for i, doc := range docs {
		var meta metav1.TypeMeta
		if err := sigsyaml.Unmarshal(doc, &meta); err != nil {
			t.Fatalf("%s: %v", files[i], err)
		}
		var into any
		switch meta.Kind {
		case "Namespace":
			b.ns = &corev1.Namespace{}
			into = b.ns
		case "ServiceAccount":
			b.sa = &corev1.ServiceAccount{}
			into = b.sa
		case "Role":
			b.role = &rbacv1.Role{}
			into = b.role
		case "RoleBinding":
			b.binding = &rbacv1.RoleBinding{}
			into = b.binding
		case "Deployment":
			b.dep = &appsv1.Deployment{}
			into = b.dep
		case "PodDisruptionBudget":
			b.pdb = &policyv1.PodDisruptionBudget{}
			into = b.pdb
		case "Service":
			b.svc = &corev1.Service{}
			into = b.svc
		case "ValidatingWebhookConfiguration":
			b.vwc = &admissionregistrationv1.ValidatingWebhookConfiguration{}
			into = b.vwc
		default:
			t.Fatalf("%s: unexpected kind %q", files[i], meta.Kind)
		}
		if err := sigsyaml.UnmarshalStrict(doc, into); err != nil {
			t.Errorf("%s (%s): %v", files[i], meta.Kind, err)
		}
	}
	for name, missing := range map[string]bool{
		"Namespace": b.ns == nil, "ServiceAccount": b.sa == nil, "Role": b.role == nil, "RoleBinding": b.binding == nil,
		"Deployment": b.dep == nil, "PodDisruptionBudget": b.pdb == nil, "Service": b.svc == nil,
		"ValidatingWebhookConfiguration": b.vwc == nil,
	} {
		if missing {
			t.Fatalf("no %s in deploy/", name)
		}
	}
	return b
}

func TestBase(t *testing.T) {
	b := decodeBase(t)
	ns := b.ns.Name

	// RBAC: read-only access to kube-system's ConfigMaps for the webhook's ServiceAccount.
	if b.role.Namespace != "kube-system" || len(b.role.Rules) != 1 ||
		!slices.Equal(b.role.Rules[0].Resources, []string{"configmaps"}) ||
		!slices.Equal(b.role.Rules[0].Verbs, []string{"get", "list", "watch"}) {
		t.Errorf("role: %+v", b.role)
	}
	if b.binding.Namespace != "kube-system" || b.binding.RoleRef.Name != b.role.Name ||
		len(b.binding.Subjects) != 1 || b.binding.Subjects[0].Name != b.sa.Name || b.binding.Subjects[0].Namespace != ns {
		t.Errorf("role binding: %+v", b.binding)
	}

	// Deployment: 2 replicas, probes, resources, non-root with a read-only root.
	d := b.dep
	if d.Namespace != ns || d.Spec.Replicas == nil || *d.Spec.Replicas != 2 {
		t.Errorf("deployment namespace %q replicas %v", d.Namespace, d.Spec.Replicas)
	}
	pod := d.Spec.Template.Spec
	if pod.ServiceAccountName != b.sa.Name || pod.SecurityContext == nil || pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot {
		t.Errorf("pod: service account %q, security context %+v", pod.ServiceAccountName, pod.SecurityContext)
	}
	c := pod.Containers[0]
	if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" || c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" ||
		c.LivenessProbe.HTTPGet.Scheme != corev1.URISchemeHTTPS {
		t.Errorf("probes: %+v %+v", c.LivenessProbe, c.ReadinessProbe)
	}
	sc := c.SecurityContext
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation ||
		sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) {
		t.Errorf("container security context: %+v", sc)
	}
	if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
		t.Errorf("resources: %+v", c.Resources)
	}
	for _, want := range []string{"webhook", "--tls-cert-file=/tls/tls.crt", "--tls-private-key-file=/tls/tls.key"} {
		if !slices.Contains(c.Args, want) {
			t.Errorf("args %q lack %q", c.Args, want)
		}
	}
	podLabels := labels.Set(d.Spec.Template.Labels)
	sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
	if err != nil || !sel.Matches(podLabels) {
		t.Errorf("the deployment's selector does not select its pods: %v", err)
	}
	if !labels.SelectorFromSet(b.svc.Spec.Selector).Matches(podLabels) || b.svc.Namespace != ns {
		t.Error("the service does not select the webhook's pods")
	}
	if pdbSel, err := metav1.LabelSelectorAsSelector(b.pdb.Spec.Selector); err != nil || !pdbSel.Matches(podLabels) || b.pdb.Spec.MinAvailable.IntValue() != 1 {
		t.Errorf("pdb: %+v", b.pdb.Spec)
	}
	if b.svc.Spec.Ports[0].TargetPort.StrVal != c.Ports[0].Name {
		t.Error("the service's target port is not the container's port")
	}

	// Webhooks.
	policies := map[string]admissionregistrationv1.FailurePolicyType{
		"configmaps.dnslint.dev": admissionregistrationv1.Fail,
		"workloads.dnslint.dev":  admissionregistrationv1.Ignore,
	}
	if len(b.vwc.Webhooks) != len(policies) {
		t.Fatalf("%d webhooks", len(b.vwc.Webhooks))
	}
	for _, w := range b.vwc.Webhooks {
		want, ok := policies[w.Name]
		if !ok || w.FailurePolicy == nil || *w.FailurePolicy != want {
			t.Errorf("%s: failurePolicy %v, want %v", w.Name, w.FailurePolicy, want)
		}
		if w.SideEffects == nil || *w.SideEffects != admissionregistrationv1.SideEffectClassNone ||
			!slices.Equal(w.AdmissionReviewVersions, []string{"v1"}) || w.TimeoutSeconds == nil || *w.TimeoutSeconds != 5 {
			t.Errorf("%s: sideEffects %v, versions %v, timeout %v", w.Name, w.SideEffects, w.AdmissionReviewVersions, w.TimeoutSeconds)
		}
		s := w.ClientConfig.Service
		if s == nil || s.Namespace != ns || s.Name != b.svc.Name || s.Path == nil || *s.Path != "/validate" || w.ClientConfig.URL != nil {
			t.Errorf("%s: clientConfig %+v", w.Name, w.ClientConfig)
		}
		excluded := false
		for _, e := range w.NamespaceSelector.MatchExpressions {
			excluded = excluded || e.Key == "kubernetes.io/metadata.name" && e.Operator == metav1.LabelSelectorOpNotIn && slices.Contains(e.Values, ns)
		}
		if !excluded {
			t.Errorf("%s: the webhook's own namespace is not excluded", w.Name)
		}
		if len(w.MatchConditions) == 0 {
			t.Errorf("%s: no matchConditions", w.Name)
		}
		for _, r := range w.Rules {
			if slices.Contains(r.Operations, admissionregistrationv1.Delete) {
				t.Errorf("%s: DELETE is sent", w.Name)
			}
		}
	}
	resources := map[string]bool{}
	for _, w := range b.vwc.Webhooks {
		for _, r := range w.Rules {
			for _, res := range r.Resources {
				resources[res] = true
			}
		}
	}
	for _, res := range []string{"configmaps", "pods", "podtemplates", "replicationcontrollers", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs"} {
		if !resources[res] {
			t.Errorf("%s are not sent to the webhook", res)
		}
	}
}

func TestCertManagerOverlay(t *testing.T) {
	docs, _ := render(t, "cert-manager")
	var cert struct {
		Kind     string
		Metadata metav1.ObjectMeta
		Spec     struct {
			SecretName string
			DNSNames   []string
			IssuerRef  struct{ Kind, Name string }
		}
	}
	found := false
	for _, doc := range docs {
		if err := sigsyaml.Unmarshal(doc, &cert); err != nil {
			t.Fatal(err)
		}
		if cert.Kind == "Certificate" {
			found = true
			break
		}
	}
	b := decodeBase(t)
	if !found || cert.Spec.SecretName != b.dep.Spec.Template.Spec.Volumes[0].Secret.SecretName ||
		!slices.Contains(cert.Spec.DNSNames, b.svc.Name+"."+b.svc.Namespace+".svc") {
		t.Errorf("certificate: %+v", cert)
	}
	var patch admissionregistrationv1.ValidatingWebhookConfiguration
	if err := sigsyaml.UnmarshalStrict(mustRead(t, "cert-manager/inject-ca.yaml"), &patch); err != nil {
		t.Fatal(err)
	}
	if patch.Name != b.vwc.Name || patch.Annotations["cert-manager.io/inject-ca-from"] != cert.Metadata.Namespace+"/"+cert.Metadata.Name {
		t.Errorf("inject-ca patch: %+v", patch.ObjectMeta)
	}
}

// TestLintedClean: dnslint finds no warning or error in its own manifests.
func TestLintedClean(t *testing.T) {
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var files []*source.File
	for _, dir := range []string{"base", "cert-manager"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, n := range names {
			files = append(files, &source.File{Path: n, Abs: n, Format: source.YAML, Data: mustRead(t, n)})
		}
	}
	res, err := l.Lint(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Severity >= finding.Warning {
			t.Errorf("%s: %s %s: %s", f.Pos, f.Severity, f.RuleID, f.Message)
		}
	}
}
