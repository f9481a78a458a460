package charts

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/dnslint/dnslint/internal/manifests"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/webhook/selfmanaged"
)

const chartDir = "dnslint"

// kubeVersion is the e2e's kube-apiserver: Helm's default in a test binary is v1.20.0
// (it reads client-go's version from the build info, which tests lack), below the
// chart's kubeVersion.
const kubeVersion = "v1.34.4"

// installation is a rendering decoded strictly into the API types.
type installation struct {
	dep          *appsv1.Deployment
	svc          *corev1.Service
	sa           *corev1.ServiceAccount
	roles        []*rbacv1.Role
	clusterRoles []*rbacv1.ClusterRole
	vwc          *admissionregistrationv1.ValidatingWebhookConfiguration
	configMap    *corev1.ConfigMap
	pdb          *policyv1.PodDisruptionBudget
	kinds        []string
}

func render(t *testing.T, vals map[string]any) *installation {
	t.Helper()
	docs, err := Render(chartDir, "dnslint", "dnslint-system", vals, kubeVersion)
	if err != nil {
		t.Fatalf("helm template: %v", err)
	}
	objs, err := manifests.Decode(docs)
	if err != nil {
		t.Fatal(err)
	}
	in := &installation{
		dep: manifests.One[*appsv1.Deployment](objs), svc: manifests.One[*corev1.Service](objs), sa: manifests.One[*corev1.ServiceAccount](objs),
		roles: manifests.All[*rbacv1.Role](objs), clusterRoles: manifests.All[*rbacv1.ClusterRole](objs),
		vwc:       manifests.One[*admissionregistrationv1.ValidatingWebhookConfiguration](objs),
		configMap: manifests.One[*corev1.ConfigMap](objs), pdb: manifests.One[*policyv1.PodDisruptionBudget](objs),
		kinds: objs.Kinds,
	}
	if in.dep == nil || in.svc == nil || in.sa == nil {
		t.Fatalf("kinds %v", in.kinds)
	}
	return in
}

func args(in *installation) []string { return in.dep.Spec.Template.Spec.Containers[0].Args }

// TestLint: `helm lint --strict` passes with the default values and with every mode and
// option set.
func TestLint(t *testing.T) {
	for _, vals := range []map[string]any{
		nil,
		{"certMode": "cert-manager", "config": "rules:\n  cache/low-ttl:\n    severity: error\n"},
		{"certMode": "cert-manager", "certManager": map[string]any{"issuerRef": map[string]any{"kind": "ClusterIssuer", "name": "corp"}}},
		{"failurePolicy": map[string]any{"workloads": "Fail"}, "namespaces": map[string]any{"exclude": []any{"flux-system"}}, "honorSuppressions": true, "replicaCount": 1},
	} {
		msgs, errs := Lint(chartDir, "dnslint-system", vals, kubeVersion)
		if len(errs) > 0 {
			t.Errorf("values %v: %v\n%s", vals, errs, strings.Join(msgs, "\n"))
		}
	}
}

// TestSelfManagedDefault: the default installation renders no webhook configuration and
// no certificate (the webhook makes both), passes its names to the webhook, and grants it
// the configuration and its Secret by name.
func TestSelfManagedDefault(t *testing.T) {
	in := render(t, nil)
	if in.vwc != nil || slices.Contains(in.kinds, "Certificate") || slices.Contains(in.kinds, "Secret") {
		t.Errorf("kinds %v: the self-managed webhook makes its configuration and certificate", in.kinds)
	}
	want := []string{"--cert-mode=self-managed", "--service-name=dnslint", "--secret-name=dnslint-tls", "--webhook-config-name=dnslint",
		"--owner-clusterrole=dnslint", "--configmaps-failure-policy=Fail", "--workloads-failure-policy=Ignore", "--deny-on=error", "--dns-namespace=kube-system"}
	for _, w := range want {
		if !slices.Contains(args(in), w) {
			t.Errorf("args %q lack %q", args(in), w)
		}
	}
	for _, a := range args(in) {
		if strings.HasPrefix(a, "--tls-") || a == "--honor-suppressions" || a == "--deny-unreviewed-workloads" {
			t.Errorf("default args pass %s", a)
		}
	}
	pod := in.dep.Spec.Template.Spec
	if *in.dep.Spec.Replicas != 2 || len(pod.Volumes) != 0 || pod.Containers[0].Image != "ghcr.io/dnslint/dnslint:latest" ||
		pod.Containers[0].Resources.Limits.Memory().String() != "384Mi" || in.pdb == nil {
		t.Errorf("replicas %d, volumes %v, image %s, resources %v, pdb %v", *in.dep.Spec.Replicas, pod.Volumes, pod.Containers[0].Image, pod.Containers[0].Resources, in.pdb)
	}
	if len(in.clusterRoles) != 1 {
		t.Fatalf("cluster roles %d", len(in.clusterRoles))
	}
	for _, r := range in.clusterRoles[0].Rules {
		if !slices.Equal(r.ResourceNames, []string{"dnslint"}) {
			t.Errorf("cluster rule %+v: not limited to the release's objects", r)
		}
	}
	for _, role := range in.roles {
		for _, r := range role.Rules {
			if slices.Contains(r.Resources, "secrets") && !slices.Equal(r.ResourceNames, []string{"dnslint-tls"}) && !slices.Equal(r.Verbs, []string{"create"}) {
				t.Errorf("secret rule %+v: only create may go without resourceNames", r)
			}
		}
	}
}

// TestValues: each value reaches the webhook's flags or the objects.
func TestValues(t *testing.T) {
	in := render(t, map[string]any{
		"replicaCount":      1,
		"image":             map[string]any{"repository": "registry.example/dnslint", "tag": "v1.2.3"},
		"resources":         map[string]any{"limits": map[string]any{"memory": "512Mi"}},
		"failurePolicy":     map[string]any{"configMaps": "Ignore", "workloads": "Fail"},
		"namespaces":        map[string]any{"dns": "dns-system", "exclude": []any{"flux-system", "argocd"}},
		"honorSuppressions": true,
		"denyOn":            "warning",
		"config":            "rules:\n  cache/low-ttl:\n    severity: error\n",
	})
	for _, w := range []string{"--configmaps-failure-policy=Ignore", "--workloads-failure-policy=Fail", "--deny-unreviewed-workloads",
		"--exclude-namespaces=flux-system,argocd", "--dns-namespace=dns-system", "--honor-suppressions", "--deny-on=warning", "--config=/etc/dnslint/config.yaml"} {
		if !slices.Contains(args(in), w) {
			t.Errorf("args %q lack %q", args(in), w)
		}
	}
	c := in.dep.Spec.Template.Spec.Containers[0]
	if c.Image != "registry.example/dnslint:v1.2.3" || c.Resources.Limits.Memory().String() != "512Mi" || *in.dep.Spec.Replicas != 1 || in.pdb != nil {
		t.Errorf("image %s, resources %v, replicas %d, pdb %v", c.Image, c.Resources, *in.dep.Spec.Replicas, in.pdb)
	}
	if in.configMap == nil || in.configMap.Data["config.yaml"] != "rules:\n  cache/low-ttl:\n    severity: error\n" {
		t.Errorf("config map %+v", in.configMap)
	}
	if len(c.VolumeMounts) != 1 || c.VolumeMounts[0].MountPath != "/etc/dnslint" {
		t.Errorf("mounts %+v", c.VolumeMounts)
	}
	readsDNS := false
	for _, r := range in.roles {
		readsDNS = readsDNS || r.Namespace == "dns-system" && slices.Contains(r.Rules[0].Resources, "configmaps")
	}
	if !readsDNS {
		t.Error("no Role for the ConfigMaps of namespaces.dns")
	}
}

// TestCertManager: the configuration the chart renders in cert-manager mode is the one
// the self-managed webhook applies, for the same values.
func TestCertManager(t *testing.T) {
	in := render(t, map[string]any{
		"certMode":      "cert-manager",
		"failurePolicy": map[string]any{"workloads": "Fail"},
		"namespaces":    map[string]any{"exclude": []any{"flux-system"}},
	})
	if in.vwc == nil || !slices.Contains(in.kinds, "Certificate") || !slices.Contains(in.kinds, "Issuer") || len(in.clusterRoles) != 0 {
		t.Fatalf("kinds %v", in.kinds)
	}
	want, err := selfmanaged.Configuration(selfmanaged.ConfigOptions{
		Name: "dnslint", Namespace: "dnslint-system", Service: in.svc.Name, ExcludeNamespaces: []string{"flux-system"},
		FailurePolicies: map[string]admissionregistrationv1.FailurePolicyType{selfmanaged.WorkloadsWebhook: admissionregistrationv1.Fail},
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want.Webhooks, in.vwc.Webhooks); d != "" || want.Name != in.vwc.Name {
		t.Errorf("the chart's configuration differs from the self-managed one (-self +chart):\n%s", d)
	}
	if in.vwc.Annotations["cert-manager.io/inject-ca-from"] != "dnslint-system/dnslint" {
		t.Errorf("annotations %v", in.vwc.Annotations)
	}
	for _, w := range []string{"--cert-mode=cert-manager", "--tls-cert-file=/tls/tls.crt", "--tls-private-key-file=/tls/tls.key"} {
		if !slices.Contains(args(in), w) {
			t.Errorf("args %q lack %q", args(in), w)
		}
	}
	if v := in.dep.Spec.Template.Spec.Volumes; len(v) != 1 || v[0].Secret == nil || v[0].Secret.SecretName != "dnslint-tls" {
		t.Errorf("volumes %+v", v)
	}
}

// TestRefused: values outside what the webhook accepts, and a cluster older than 1.28,
// fail the rendering with a message that names them.
func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		vals map[string]any
		kube string
		want string
	}{
		{map[string]any{"certMode": "manual"}, kubeVersion, `certMode "manual": want self-managed or cert-manager`},
		{map[string]any{"failurePolicy": map[string]any{"configMaps": "Maybe"}}, kubeVersion, `failurePolicy "Maybe": want Fail or Ignore`},
		{nil, "v1.27.3", "chart requires kubeVersion: >=1.28.0-0 which is incompatible with Kubernetes v1.27.3"},
	} {
		_, err := Render(chartDir, "dnslint", "dnslint-system", tc.vals, tc.kube)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %s: %v, want %q", tc.vals, tc.kube, err, tc.want)
		}
	}
}

// TestLintedClean: dnslint finds no warning or error in the rendered chart, in either
// mode (the templates themselves are not YAML until rendered).
func TestLintedClean(t *testing.T) {
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"self-managed", "cert-manager"} {
		docs, err := Render(chartDir, "dnslint", "dnslint-system", map[string]any{"certMode": mode}, kubeVersion)
		if err != nil {
			t.Fatal(err)
		}
		name := "rendered-" + mode + ".yaml"
		res, err := l.Lint(context.Background(), []*source.File{{Path: name, Abs: name, Format: source.YAML, Data: []byte(strings.Join(docs, "---\n"))}})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.Severity >= finding.Warning {
				t.Errorf("%s: %s %s: %s", f.Pos, f.Severity, f.RuleID, f.Message)
			}
		}
	}
}
