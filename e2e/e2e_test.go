// Package e2e proves dnslint against a real API server: kube-apiserver 1.34.4 (built from
// the Go module proxy by e2e/build-apiserver.sh) on Debian's etcd, both on 127.0.0.1, with
// `dnslint webhook` registered through deploy/cert-manager/webhook.yaml, `dnslint audit`
// reading what the test created, then the self-managed webhook installed by `kubectl
// apply -k deploy` (two replicas) and by the Helm chart (selfmanaged_test.go). It runs
// only with DNSLINT_E2E=1 (make e2e, e2e/run.sh).
package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/restmapper"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/source"
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// repoRoot is the module root (the test runs in e2e/).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// warnings collects the Warning headers that the API server sends back.
type warnings struct {
	mu    sync.Mutex
	texts []string
}

func (w *warnings) HandleWarningHeader(_ int, _ string, text string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.texts = append(w.texts, text)
}

func (w *warnings) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := w.texts
	w.texts = nil
	return out
}

type env struct {
	c        *cluster
	client   kubernetes.Interface
	warnings *warnings
	dyn      dynamic.Interface
	mapper   *restmapper.DeferredDiscoveryRESTMapper
}

func TestE2E(t *testing.T) {
	if os.Getenv("DNSLINT_E2E") != "1" {
		t.Skip("set DNSLINT_E2E=1 (make e2e) to run against a real kube-apiserver and etcd")
	}
	root := repoRoot(t)
	apiserver := envOr("KUBE_APISERVER", filepath.Join(root, ".cache/kube-apiserver/1.34.4/kube-apiserver"))
	etcd := envOr("ETCD", "etcd")
	for _, bin := range []*string{&apiserver, &etcd} {
		p, err := exec.LookPath(*bin)
		if err != nil {
			t.Fatalf("%s: %v (run e2e/run.sh, which builds kube-apiserver and installs etcd-server)", *bin, err)
		}
		*bin = p
	}
	dir := t.TempDir()
	dnslint := filepath.Join(dir, "dnslint")
	build := exec.Command("go", "build", "-o", dnslint, "./cmd/dnslint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building dnslint: %v\n%s", err, out)
	}
	var image *imageBundle
	if archive := os.Getenv("DNSLINT_E2E_IMAGE"); archive != "" {
		var err error
		if image, err = unpackImage(archive, filepath.Join(dir, "image")); err != nil {
			t.Fatalf("the webhook's image %s: %v", archive, err)
		}
		t.Logf("the webhook runs from the image %s: %v as %d:%d in %s", archive, image.args, image.uid, image.gid, image.rootfs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()

	e := &env{warnings: &warnings{}}
	start := time.Now()
	c, err := bringUp(ctx, dir, apiserver, etcd, dnslint, image, func(c *cluster) error {
		e.c = c
		if err := e.connect(); err != nil {
			return err
		}
		// The webhook's namespace and RBAC, as deployed (deploy/base).
		return e.apply(ctx, filepath.Join(root, "deploy/base/namespace.yaml"), filepath.Join(root, "deploy/base/rbac.yaml"))
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.stop()
	t.Logf("etcd, kube-apiserver and the webhook up in %s (logs in %s)", time.Since(start).Round(time.Millisecond), dir)
	defer func() {
		if t.Failed() {
			for _, name := range []string{"webhook", "kube-apiserver"} {
				t.Logf("--- %s log (tail) ---\n%s", name, c.logTail(name))
			}
		}
	}()

	t.Run("deploy manifests pass server-side validation", func(t *testing.T) { e.validateManifests(ctx, t, root) })
	t.Run("register webhook", func(t *testing.T) { e.register(ctx, t, root) })
	if t.Failed() {
		return
	}
	t.Run("broken coredns-custom rejected", func(t *testing.T) { e.brokenCustom(ctx, t) })
	t.Run("good coredns-custom admitted", func(t *testing.T) { e.goodCustom(ctx, t) })
	t.Run("warnings reach the client", func(t *testing.T) { e.warningCase(ctx, t) })
	t.Run("dry run", func(t *testing.T) { e.dryRun(ctx, t) })
	t.Run("other ConfigMaps never reach the webhook", func(t *testing.T) { e.notSent(ctx, t) })
	t.Run("dnsPolicy None without nameservers", func(t *testing.T) { e.dnsPolicyNone(ctx, t, root) })
	t.Run("audit finds the objects", func(t *testing.T) { e.audit(t) })
	t.Run("self-managed: two replicas from kubectl apply -k deploy", func(t *testing.T) { e.selfManaged(ctx, t, root) })
	t.Run("helm chart installed, self-managed", func(t *testing.T) { e.chart(ctx, t, root) })
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func (e *env) connect() error {
	rc := &rest.Config{
		Host:            e.c.apiURL,
		BearerToken:     adminToken,
		TLSClientConfig: rest.TLSClientConfig{CAData: e.c.ca.certPEM},
		WarningHandler:  e.warnings,
		Timeout:         30 * time.Second,
		UserAgent:       "dnslint-e2e",
	}
	var err error
	if e.client, err = kubernetes.NewForConfig(rc); err != nil {
		return err
	}
	if e.dyn, err = dynamic.NewForConfig(rc); err != nil {
		return err
	}
	dc, err := discovery.NewDiscoveryClientForConfig(rc)
	if err != nil {
		return err
	}
	e.mapper = restmapper.NewDeferredDiscoveryRESTMapper(memory.NewMemCacheClient(dc))
	return nil
}

// objects reads the documents of YAML files as unstructured objects.
func objects(files ...string) ([]*unstructured.Unstructured, error) {
	var out []*unstructured.Unstructured
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(b), -1) {
			var m map[string]any
			if err := sigsyaml.Unmarshal([]byte(doc), &m); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			if len(m) > 0 {
				out = append(out, &unstructured.Unstructured{Object: m})
			}
		}
	}
	return out, nil
}

// create creates (or with dryRun, validates) an object through the dynamic client.
func (e *env) create(ctx context.Context, u *unstructured.Unstructured, dryRun bool) error {
	gvk := u.GroupVersionKind()
	m, err := e.mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if err != nil {
		return err
	}
	var ri dynamic.ResourceInterface = e.dyn.Resource(m.Resource)
	if m.Scope.Name() == "namespace" {
		ri = e.dyn.Resource(m.Resource).Namespace(u.GetNamespace())
	}
	opts := metav1.CreateOptions{FieldValidation: "Strict"}
	if dryRun {
		opts.DryRun = []string{metav1.DryRunAll}
	}
	_, err = ri.Create(ctx, u, opts)
	return err
}

func (e *env) apply(ctx context.Context, files ...string) error {
	objs, err := objects(files...)
	if err != nil {
		return err
	}
	for _, u := range objs {
		if err := e.create(ctx, u, false); err != nil && !apierrors.IsAlreadyExists(err) {
			return fmt.Errorf("%s %s: %w", u.GetKind(), u.GetName(), err)
		}
	}
	return nil
}

// validateManifests: every object of deploy/ passes the API server's validation (a dry
// run with strict field validation): the ValidatingWebhookConfiguration's CEL
// matchConditions compile, the Deployment and PDB are valid. With kustomize available
// (KUSTOMIZE), the rendered `kustomize build deploy` is validated instead of the files.
func (e *env) validateManifests(ctx context.Context, t *testing.T, root string) {
	files, _ := filepath.Glob(filepath.Join(root, "deploy/base/*.yaml"))
	var objs []*unstructured.Unstructured
	if k := os.Getenv("KUSTOMIZE"); k != "" {
		out, err := exec.Command(k, "build", filepath.Join(root, "deploy")).Output()
		if err != nil {
			t.Fatalf("kustomize build deploy: %v", err)
		}
		f := filepath.Join(t.TempDir(), "rendered.yaml")
		if err := os.WriteFile(f, out, 0o600); err != nil {
			t.Fatal(err)
		}
		files = []string{f}
		if _, err := exec.Command(k, "build", filepath.Join(root, "deploy/cert-manager")).Output(); err != nil {
			t.Errorf("kustomize build deploy/cert-manager: %v", err)
		}
	}
	var kinds []string
	for _, f := range files {
		if filepath.Base(f) == "kustomization.yaml" {
			continue
		}
		o, err := objects(f)
		if err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o...)
	}
	for _, u := range objs {
		kinds = append(kinds, u.GetKind())
		if u.GetKind() == "Namespace" {
			continue // created for real already
		}
		if err := e.create(ctx, u, true); err != nil && !apierrors.IsAlreadyExists(err) {
			t.Errorf("%s %s/%s: %v", u.GetKind(), u.GetNamespace(), u.GetName(), err)
		}
	}
	t.Logf("validated %d objects: %s", len(objs), strings.Join(kinds, ", "))
	if len(objs) < 8 {
		t.Errorf("only %d objects in deploy/", len(objs))
	}
}

// register installs deploy/cert-manager/webhook.yaml, pointed at the local webhook by URL, and
// waits until the API server calls it.
func (e *env) register(ctx context.Context, t *testing.T, root string) {
	b, err := os.ReadFile(filepath.Join(root, "deploy/cert-manager/webhook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var vwc admissionregistrationv1.ValidatingWebhookConfiguration
	if err := sigsyaml.UnmarshalStrict(b, &vwc); err != nil {
		t.Fatal(err)
	}
	vwc.Name = "dnslint-e2e"
	url := e.c.webhookURL + "/validate"
	for i := range vwc.Webhooks {
		w := &vwc.Webhooks[i]
		w.ClientConfig = admissionregistrationv1.WebhookClientConfig{URL: &url, CABundle: e.c.ca.certPEM}
		// A webhook call that fails must fail the test, not be ignored.
		fail := admissionregistrationv1.Fail
		w.FailurePolicy = &fail
	}
	if _, err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Create(ctx, &vwc, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	// The API server picks the configuration up asynchronously: wait until a broken
	// ConfigMap is denied by a dry run.
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, configMap("coredns-custom", map[string]string{"x.override": "force_tcp\n"}),
			metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}})
		if err != nil && strings.Contains(err.Error(), "dnslint") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the webhook is not called: last answer %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func configMap(name string, data map[string]string) *corev1.ConfigMap {
	return &corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "kube-system"}, Data: data}
}

// corefile is a CoreDNS Corefile as the clusters ship it (without `pods insecure`).
const corefile = `.:53 {
    errors
    health {
        lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        fallthrough in-addr.arpa ip6.arpa
        ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf
    cache 30
    loop
    reload
    loadbalance
    import custom/*.override
}
import custom/*.server
`

// lineOf is the 1-based line of corefile that starts (after spaces) with prefix.
func lineOf(prefix string) int {
	for i, line := range strings.Split(corefile, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), prefix) {
			return i + 1
		}
	}
	return 0
}

func (e *env) brokenCustom(ctx context.Context, t *testing.T) {
	// The live coredns ConfigMap the webhook composes coredns-custom with.
	if _, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, configMap("coredns", map[string]string{"Corefile": corefile}), metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	e.waitLive(ctx, t)
	_, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx,
		configMap("coredns-custom", map[string]string{"upstream.override": "# CHG-4411: the hub firewall drops large UDP answers\nforce_tcp\n"}),
		metav1.CreateOptions{})
	if err == nil {
		t.Fatal("a coredns-custom that crashes CoreDNS was admitted")
	}
	msg := err.Error()
	for _, want := range []string{
		`admission webhook "configmaps.dnslint.dev" denied the request: dnslint: kube-system/ConfigMap/coredns-custom has 1 finding at error or above`,
		"- forward/option-outside-block at kube-system/ConfigMap/coredns-custom/upstream.override:2:1:",
		"CoreDNS exits with `Unknown directive 'force_tcp'`",
		"Move it inside the forward block",
		// Composed with the live coredns ConfigMap, read by the webhook's informer: its
		// forward is a related place, on a see line, at its line in the Corefile key.
		fmt.Sprintf("\n  see kube-system/ConfigMap/coredns/Corefile:%d:", lineOf("forward ")),
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the API server's answer lacks %q:\n%s", want, msg)
		}
	}
	t.Logf("denied: %s", msg)
}

// waitLive waits until the webhook's informer has the coredns ConfigMap just created: a
// dry run of a coredns-custom is then composed with it.
func (e *env) waitLive(ctx context.Context, t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, configMap("coredns-custom", map[string]string{"x.override": "force_tcp\n"}),
			metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}})
		if err != nil && strings.Contains(err.Error(), "\n  see kube-system/ConfigMap/coredns/Corefile:") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the webhook does not compose with the live coredns ConfigMap: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (e *env) goodCustom(ctx context.Context, t *testing.T) {
	e.warnings.take()
	good := configMap("coredns-custom", map[string]string{
		"corp.server": "corp.example.com:53 {\n    errors\n    cache 30\n    forward . 10.20.0.53 10.20.1.53\n}\n",
	})
	created, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, good, metav1.CreateOptions{})
	if err != nil {
		t.Fatalf("a good coredns-custom was rejected: %v", err)
	}
	for _, w := range e.warnings.take() {
		if strings.Contains(w, "dnslint error") {
			t.Errorf("warning at error level: %s", w)
		}
	}
	// Breaking it by an update is denied too.
	created.Data["upstream.override"] = "prefer_udp\n"
	_, err = e.client.CoreV1().ConfigMaps("kube-system").Update(ctx, created, metav1.UpdateOptions{})
	if err == nil || !strings.Contains(err.Error(), "forward/option-outside-block at kube-system/ConfigMap/coredns-custom/upstream.override:1:1") {
		t.Errorf("a breaking update: %v", err)
	}
}

func (e *env) warningCase(ctx context.Context, t *testing.T) {
	cm, err := e.client.CoreV1().ConfigMaps("kube-system").Get(ctx, "coredns", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cm.Data["Corefile"] = strings.Replace(corefile, "cache 30", "cache 5", 1)
	e.warnings.take()
	if _, err := e.client.CoreV1().ConfigMaps("kube-system").Update(ctx, cm, metav1.UpdateOptions{}); err != nil {
		t.Fatalf("a Corefile with a warning only was rejected: %v", err)
	}
	got := e.warnings.take()
	want := fmt.Sprintf("dnslint warning cache/low-ttl at kube-system/ConfigMap/coredns/Corefile:%d:11: `cache` TTL of 5 s", lineOf("cache "))
	if !hasPrefix(got, want) {
		t.Errorf("the client did not see %q; warnings: %q", want, got)
	}

	// A workload: ndots 15 is admitted with a warning at the field.
	dep := deployment("web", "shop", func(s *corev1.PodSpec) {
		v := "15"
		s.DNSConfig = &corev1.PodDNSConfig{Options: []corev1.PodDNSConfigOption{{Name: "ndots", Value: &v}}}
	})
	if _, err := e.client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: "shop"}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.client.AppsV1().Deployments("shop").Create(ctx, dep, metav1.CreateOptions{}); err != nil {
		t.Fatalf("deployment: %v", err)
	}
	got = e.warnings.take()
	if !hasPrefix(got, "dnslint warning pod/high-ndots at shop/Deployment/web spec.template.spec.dnsConfig.options[0].value: ") {
		t.Errorf("no pod/high-ndots warning: %q", got)
	}
	for _, w := range got {
		if len([]rune(w)) > 256 {
			t.Errorf("warning over 256 runes: %q", w)
		}
	}
}

func hasPrefix(ws []string, prefix string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

func deployment(name, ns string, edit func(*corev1.PodSpec)) *appsv1.Deployment {
	labels := map[string]string{"app": name}
	d := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
		Spec: appsv1.DeploymentSpec{
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: name, Image: "nginx:1.27"}}},
			},
		},
	}
	edit(&d.Spec.Template.Spec)
	return d
}

// dryRun: a server-side dry run is reviewed like a real request, and persists nothing.
func (e *env) dryRun(ctx context.Context, t *testing.T) {
	opts := metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}}
	_, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, configMap("node-local-dns", map[string]string{
		"Corefile": "cluster.local:53 {\n    errors\n    cache 30\n    forward . 10.96.0.10 {\n        force_tcp\n    }\n}\n.:53 {\n    prefer_udp\n    forward . /etc/resolv.conf\n}\n",
	}), opts)
	if err == nil || !strings.Contains(err.Error(), "forward/option-outside-block at kube-system/ConfigMap/node-local-dns/Corefile:9:5") {
		t.Errorf("dry run of a broken node-local-dns: %v", err)
	}
	if _, err := e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, configMap("node-local-dns", map[string]string{"Corefile": corefile}), opts); err != nil {
		t.Errorf("dry run of a good node-local-dns: %v", err)
	}
	if _, err := e.client.CoreV1().ConfigMaps("kube-system").Get(ctx, "node-local-dns", metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Errorf("the dry run persisted the object: %v", err)
	}
}

// notSent: ConfigMaps that are not DNS configuration are filtered out by matchConditions,
// so even a webhook outage cannot hold them up.
func (e *env) notSent(ctx context.Context, t *testing.T) {
	before := e.webhookRequests(t)
	for _, cm := range []*corev1.ConfigMap{
		{ObjectMeta: metav1.ObjectMeta{Name: "app-settings", Namespace: "kube-system"}, Data: map[string]string{"settings.ini": "force_tcp\n"}},
		{ObjectMeta: metav1.ObjectMeta{GenerateName: "lease-", Namespace: "default"}},
	} {
		if _, err := e.client.CoreV1().ConfigMaps(cm.Namespace).Create(ctx, cm, metav1.CreateOptions{}); err != nil {
			t.Errorf("%s: %v", cm.Name, err)
		}
	}
	if after := e.webhookRequests(t); after != before {
		t.Errorf("the webhook got %v requests for ConfigMaps it should never see", after-before)
	}
}

// webhookRequests reads the number of reviews the webhook served from its /metrics.
func (e *env) webhookRequests(t *testing.T) float64 {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: nil, TLSClientConfig: tlsConfig(e.c.ca)}}
	resp, err := client.Get(e.c.webhookURL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var total float64
	for line := range strings.Lines(string(b)) {
		if strings.HasPrefix(line, "dnslint_webhook_requests_total{") {
			var v float64
			fmt.Sscan(line[strings.LastIndex(line, " ")+1:], &v)
			total += v
		}
	}
	return total
}

// dnsPolicyNone: the API server's own validation rejects a Deployment with dnsPolicy None
// and no nameservers (before any webhook is called), and dnslint lint predicts it with
// pod/none-without-nameservers.
func (e *env) dnsPolicyNone(ctx context.Context, t *testing.T, root string) {
	dep := deployment("none-dns", "shop", func(s *corev1.PodSpec) { s.DNSPolicy = corev1.DNSNone })
	_, err := e.client.AppsV1().Deployments("shop").Create(ctx, dep, metav1.CreateOptions{})
	const apiMsg = "must provide `dnsConfig` when `dnsPolicy` is None"
	if err == nil || !apierrors.IsInvalid(err) || !strings.Contains(err.Error(), apiMsg) {
		t.Fatalf("the API server's answer: %v", err)
	}
	t.Logf("API server: %v", err)

	// The same manifest, linted offline.
	dep.TypeMeta = metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"}
	manifest, err := sigsyaml.Marshal(dep)
	if err != nil {
		t.Fatal(err)
	}
	l, err := lint.New(ctx, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const rule = "pod/none-without-nameservers"
	known := false
	for _, r := range l.Catalog() {
		known = known || r.ID == rule
	}
	if !known {
		t.Skipf("rule %s is not in the catalog yet: only the API server's answer was checked", rule)
	}
	res, err := l.Lint(ctx, []*source.File{{Path: "none-dns.yaml", Abs: "none-dns.yaml", Format: source.YAML, Data: manifest}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.RuleID == rule {
			if f.Severity.String() != "error" || !strings.Contains(f.Message, apiMsg) {
				t.Errorf("%s: %s %s", rule, f.Severity, f.Message)
			}
			return
		}
	}
	t.Errorf("dnslint lint does not predict the API server's rejection; findings: %+v", res.Findings)
}

// audit runs `dnslint audit` against the API server and finds what the test created.
func (e *env) audit(t *testing.T) {
	cmd := exec.Command(e.c.dnslint, "audit", "--kubeconfig", filepath.Join(e.c.dir, "admin.kubeconfig"), "--format", "json")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Summary  struct{ Errors, Warnings int }
		Findings []struct {
			Rule, Severity string
			Location       struct {
				File      string
				Line, Col int
			}
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("audit output (exit %d): %v\n%s\n%s", code, err, stdout.String(), stderr.String())
	}
	cacheAt := fmt.Sprintf("kube-system/ConfigMap/coredns/Corefile:%d:11", lineOf("cache "))
	want := map[string]bool{
		"cache/low-ttl " + cacheAt:           false,
		"pod/high-ndots shop/Deployment/web": false,
	}
	for _, f := range rep.Findings {
		for k := range want {
			rule, loc, _ := strings.Cut(k, " ")
			at := fmt.Sprintf("%s:%d:%d", f.Location.File, f.Location.Line, f.Location.Col)
			if f.Rule == rule && (at == loc || f.Location.File == loc) {
				want[k] = true
			}
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("audit did not find %s; report:\n%s", k, stdout.String())
		}
	}
	if wantCode := map[bool]int{true: 1, false: 0}[rep.Summary.Errors > 0]; code != wantCode {
		t.Errorf("exit code %d with %d errors; stderr: %s", code, rep.Summary.Errors, stderr.String())
	}
	// The text report shows the line inside the Corefile.
	out, _ := exec.Command(e.c.dnslint, "audit", "--kubeconfig", filepath.Join(e.c.dir, "admin.kubeconfig"), "--no-color").Output()
	if !strings.Contains(string(out), cacheAt+": warning cache/low-ttl") || !strings.Contains(string(out), "    cache 5\n") {
		t.Errorf("text report:\n%s", out)
	}
}
