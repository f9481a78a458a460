// Package deploy holds the webhook's kustomize manifests; this test checks them without a
// cluster (the end-to-end test in e2e/ validates them against a real API server).
package deploy

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/internal/manifests"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/webhook/selfmanaged"
)

// render builds a kustomization directory with kustomize's own library (as
// `kubectl apply -k` does) and returns its documents.
func render(t *testing.T, dir string) [][]byte {
	t.Helper()
	resMap, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		t.Fatalf("kustomize build %s: %v", dir, err)
	}
	var docs [][]byte
	for _, r := range resMap.Resources() {
		b, err := r.AsYAML()
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	return docs
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// base decodes an installation's objects strictly into their API types.
type base struct {
	ns          *corev1.Namespace
	sa          *corev1.ServiceAccount
	role        *rbacv1.Role // kube-system's ConfigMaps
	binding     *rbacv1.RoleBinding
	tlsRole     *rbacv1.Role // self-managed: its Secret
	clusterRole *rbacv1.ClusterRole
	dep         *appsv1.Deployment
	pdb         *policyv1.PodDisruptionBudget
	svc         *corev1.Service
	// vwc is the configuration: the manifest's (cert-manager), or the one the webhook
	// applies (self-managed).
	vwc   *admissionregistrationv1.ValidatingWebhookConfiguration
	other []map[string]any // kinds of other APIs (cert-manager's)
}

// decodeBase renders dir (deploy/ by default: the self-managed installation).
func decodeBase(t *testing.T, dirs ...string) *base {
	t.Helper()
	dir := "."
	if len(dirs) > 0 {
		dir = dirs[0]
	}
	objs, err := manifests.Decode(render(t, dir))
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	b := &base{
		ns: manifests.One[*corev1.Namespace](objs), sa: manifests.One[*corev1.ServiceAccount](objs),
		clusterRole: manifests.One[*rbacv1.ClusterRole](objs), dep: manifests.One[*appsv1.Deployment](objs),
		pdb: manifests.One[*policyv1.PodDisruptionBudget](objs), svc: manifests.One[*corev1.Service](objs),
		vwc:   manifests.One[*admissionregistrationv1.ValidatingWebhookConfiguration](objs),
		other: objs.Other,
	}
	for _, r := range manifests.All[*rbacv1.Role](objs) {
		if r.Namespace == "kube-system" {
			b.role = r
		} else {
			b.tlsRole = r
		}
	}
	for _, r := range manifests.All[*rbacv1.RoleBinding](objs) {
		if r.Namespace == "kube-system" {
			b.binding = r
		}
	}
	for name, missing := range map[string]bool{
		"Namespace": b.ns == nil, "ServiceAccount": b.sa == nil, "Role": b.role == nil, "RoleBinding": b.binding == nil,
		"Deployment": b.dep == nil, "PodDisruptionBudget": b.pdb == nil, "Service": b.svc == nil,
	} {
		if missing {
			t.Fatalf("no %s in %s", name, dir)
		}
	}
	if b.vwc == nil && slices.Contains(b.dep.Spec.Template.Spec.Containers[0].Args, "--cert-mode=self-managed") {
		var err error
		b.vwc, err = selfmanaged.Configuration(selfmanaged.ConfigOptions{Namespace: b.ns.Name, Service: b.svc.Name})
		if err != nil {
			t.Fatal(err)
		}
	}
	if b.vwc == nil {
		t.Fatalf("%s: no ValidatingWebhookConfiguration, and not self-managed", dir)
	}
	return b
}

func TestBase(t *testing.T) {
	for _, dir := range []string{".", "cert-manager"} {
		t.Run(dir, func(t *testing.T) { checkBase(t, decodeBase(t, dir)) })
	}
}

func checkBase(t *testing.T, b *base) {
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
	if !slices.Contains(c.Args, "webhook") {
		t.Errorf("args %q", c.Args)
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
	b := decodeBase(t, "cert-manager")
	var cert struct {
		Kind     string
		Metadata metav1.ObjectMeta
		Spec     struct {
			SecretName string
			DNSNames   []string
			IssuerRef  struct{ Kind, Name string }
		}
	}
	for _, o := range b.other {
		if o["kind"] == "Certificate" {
			raw, _ := sigsyaml.Marshal(o)
			if err := sigsyaml.Unmarshal(raw, &cert); err != nil {
				t.Fatal(err)
			}
		}
	}
	pod := b.dep.Spec.Template.Spec
	if len(pod.Volumes) != 1 || cert.Spec.SecretName != pod.Volumes[0].Secret.SecretName ||
		!slices.Contains(cert.Spec.DNSNames, b.svc.Name+"."+b.svc.Namespace+".svc") {
		t.Errorf("certificate: %+v", cert)
	}
	for _, want := range []string{"--cert-mode=cert-manager", "--tls-cert-file=/tls/tls.crt", "--tls-private-key-file=/tls/tls.key"} {
		if !slices.Contains(pod.Containers[0].Args, want) {
			t.Errorf("args %q lack %q", pod.Containers[0].Args, want)
		}
	}
	if b.vwc.Annotations["cert-manager.io/inject-ca-from"] != cert.Metadata.Namespace+"/"+cert.Metadata.Name {
		t.Errorf("inject-ca annotation: %+v", b.vwc.ObjectMeta)
	}
	// The static configuration is the one the self-managed webhook applies.
	self, err := selfmanaged.Configuration(selfmanaged.ConfigOptions{Namespace: b.ns.Name, Service: b.svc.Name})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(self.Webhooks, b.vwc.Webhooks); d != "" || self.Name != b.vwc.Name {
		t.Errorf("cert-manager/webhook.yaml and webhook/selfmanaged/configuration.yaml differ (-self +static):\n%s", d)
	}
}

// TestSelfManaged: the default installation has no webhook configuration, no certificate
// and no Secret volume, and grants the webhook what it writes by name only.
func TestSelfManaged(t *testing.T) {
	b := decodeBase(t)
	c := b.dep.Spec.Template.Spec.Containers[0]
	for _, want := range []string{"--cert-mode=self-managed", "--owner-clusterrole=" + b.clusterRole.Name} {
		if !slices.Contains(c.Args, want) {
			t.Errorf("args %q lack %q", c.Args, want)
		}
	}
	if len(b.dep.Spec.Template.Spec.Volumes) != 0 || len(b.other) != 0 {
		t.Errorf("volumes %v, other objects %v", b.dep.Spec.Template.Spec.Volumes, b.other)
	}
	if len(c.Env) != 1 || c.Env[0].Name != "POD_NAMESPACE" || c.Env[0].ValueFrom.FieldRef.FieldPath != "metadata.namespace" {
		t.Errorf("env %+v", c.Env)
	}
	if b.tlsRole == nil || b.tlsRole.Namespace != b.ns.Name {
		t.Fatalf("no Role for the Secret in %s", b.ns.Name)
	}
	for _, r := range b.tlsRole.Rules {
		named := slices.Equal(r.ResourceNames, []string{"dnslint-webhook-tls"})
		if !slices.Equal(r.Resources, []string{"secrets"}) || !named && !slices.Equal(r.Verbs, []string{"create"}) {
			t.Errorf("secret rule %+v: only create may go without resourceNames (RBAC cannot name what is created)", r)
		}
	}
	for _, r := range b.clusterRole.Rules {
		if len(r.ResourceNames) != 1 || slices.ContainsFunc(r.Verbs, func(v string) bool { return v != "get" && v != "patch" && v != "create" }) {
			t.Errorf("cluster rule %+v: by name, get, patch and create (a server-side apply's first) only", r)
		}
		if slices.Contains(r.Resources, "validatingwebhookconfigurations") && r.ResourceNames[0] != b.vwc.Name {
			t.Errorf("the ClusterRole names %v, the webhook applies %s", r.ResourceNames, b.vwc.Name)
		}
	}
}

// TestLintedClean: dnslint finds no warning or error in its own manifests.
func TestLintedClean(t *testing.T) {
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var files []*source.File
	for _, dir := range []string{"base", "self-managed", "cert-manager"} {
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
