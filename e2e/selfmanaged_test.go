package e2e

// The self-managed webhook against the real API server: installed by `kubectl apply -k
// deploy` (two replicas started at once, behind a TCP proxy that stands in for their
// Service) and by the Helm chart. The replicas run with the Deployment's own arguments
// (from the rendered manifests), plus what running outside a pod needs: a listen address
// on 127.0.0.1, the kubeconfig of the Deployment's service account, the namespace (the
// downward API's POD_NAMESPACE), the URL the API server calls instead of the Service and
// 127.0.0.1 in the certificate, and for the rotation short lifetimes.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
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
	"k8s.io/apimachinery/pkg/runtime"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/charts"
)

// tcpProxy forwards connections to its backends in turn, as a Service's virtual IP does.
type tcpProxy struct {
	ln       net.Listener
	backends []string
	mu       sync.Mutex
	next     int
}

func startProxy(backends ...string) (*tcpProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &tcpProxy{ln: ln, backends: backends}
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			backend := p.backends[p.next%len(p.backends)]
			p.next++
			p.mu.Unlock()
			go func() {
				defer in.Close()
				out, err := net.Dial("tcp", backend)
				if err != nil {
					return
				}
				defer out.Close()
				go func() { _, _ = io.Copy(out, in); out.Close() }()
				_, _ = io.Copy(in, out)
			}()
		}
	}()
	return p, nil
}

func (p *tcpProxy) url() string { return "https://" + p.ln.Addr().String() + "/validate" }

// renderedObjects parses rendered manifests.
func renderedObjects(t *testing.T, docs []string) []*unstructured.Unstructured {
	t.Helper()
	var out []*unstructured.Unstructured
	for _, d := range docs {
		var m map[string]any
		if err := sigsyaml.Unmarshal([]byte(d), &m); err != nil {
			t.Fatalf("%v\n%s", err, d)
		}
		if len(m) > 0 {
			out = append(out, &unstructured.Unstructured{Object: m})
		}
	}
	return out
}

// install creates the objects for real (strict field validation), and returns the
// Deployment's container arguments.
func (e *env) install(ctx context.Context, t *testing.T, objs []*unstructured.Unstructured) []string {
	t.Helper()
	var args []string
	for _, u := range objs {
		if err := e.create(ctx, u, false); err != nil && !apierrors.IsAlreadyExists(err) {
			t.Fatalf("%s %s/%s: %v", u.GetKind(), u.GetNamespace(), u.GetName(), err)
		}
		if u.GetKind() == "Deployment" {
			var d appsv1.Deployment
			if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, &d); err != nil {
				t.Fatal(err)
			}
			args = d.Spec.Template.Spec.Containers[0].Args
		}
	}
	if len(args) == 0 || args[0] != "webhook" {
		t.Fatalf("the Deployment's args: %q", args)
	}
	return args[1:]
}

// replica starts `dnslint webhook` with the Deployment's args, then local overrides (later
// flags win), listening on addr.
func (e *env) replica(t *testing.T, name, addr string, deployArgs []string, overrides ...string) {
	t.Helper()
	args := append(append(append([]string{}, deployArgs...), "--listen="+addr, "--log-format=text", "--shutdown-delay=0s"), overrides...)
	if err := e.c.startWebhook(name, args...); err != nil {
		t.Fatal(err)
	}
}

// waitDenied waits until the API server calls the configuration name and its webhook
// denies a broken coredns-custom (a dry run).
func (e *env) waitDenied(ctx context.Context, t *testing.T, name string, logs ...string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		_, err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Get(ctx, name, metav1.GetOptions{})
		if err == nil {
			_, err = e.client.CoreV1().ConfigMaps("kube-system").Create(ctx, configMap("coredns-custom", map[string]string{"x.override": "force_tcp\n"}),
				metav1.CreateOptions{DryRun: []string{metav1.DryRunAll}})
			if err != nil && strings.Contains(err.Error(), `admission webhook "configmaps.dnslint.dev" denied the request`) {
				return
			}
		}
		if time.Now().After(deadline) {
			for _, l := range logs {
				t.Logf("--- %s log ---\n%s", l, e.c.logTail(l))
			}
			t.Fatalf("the self-managed webhook %s does not deny: %v", name, err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// denyAndAdmit: a bad coredns-custom update is denied, a good one admitted.
func (e *env) denyAndAdmit(ctx context.Context, t *testing.T, key string) {
	t.Helper()
	cm, err := e.client.CoreV1().ConfigMaps("kube-system").Get(ctx, "coredns-custom", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	bad := cm.DeepCopy()
	bad.Data[key+".override"] = "force_tcp\n"
	_, err = e.client.CoreV1().ConfigMaps("kube-system").Update(ctx, bad, metav1.UpdateOptions{})
	if err == nil || !strings.Contains(err.Error(), `admission webhook "configmaps.dnslint.dev" denied the request`) ||
		!strings.Contains(err.Error(), "forward/option-outside-block at kube-system/ConfigMap/coredns-custom/"+key+".override:1:1") {
		t.Errorf("a coredns-custom that crashes CoreDNS: %v", err)
	}
	good := cm.DeepCopy()
	good.Data[key+".server"] = key + ".example.com:53 {\n    errors\n    forward . 10.20.0.53\n}\n"
	if _, err := e.client.CoreV1().ConfigMaps("kube-system").Update(ctx, good, metav1.UpdateOptions{}); err != nil {
		t.Errorf("a good coredns-custom was rejected: %v", err)
	}
}

// served is the certificate the listener at addr serves, verified with caBundle under the
// Service's name, as the API server verifies it.
func served(addr string, caBundle []byte, serverName string) (*x509.Certificate, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caBundle) {
		return nil, errors.New("the caBundle holds no certificate")
	}
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr,
		&tls.Config{RootCAs: pool, ServerName: serverName, MinVersion: tls.VersionTLS12})
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return conn.ConnectionState().PeerCertificates[0], nil
}

func firstCert(t *testing.T, pemBytes []byte) *x509.Certificate {
	t.Helper()
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		t.Fatal("no PEM certificate")
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func countCerts(pemBytes []byte) int {
	n := 0
	for {
		var b *pem.Block
		b, pemBytes = pem.Decode(pemBytes)
		if b == nil {
			return n
		}
		n++
	}
}

// selfManaged installs `kustomize build deploy` (the self-managed default) and starts two
// replicas at once: one Secret and one configuration result, the configuration's caBundle
// verifies what both serve, the API server calls them, and they rotate the CA and the
// certificate (lifetimes of 48 s and 24 s, checked every second) with no replica left
// serving a certificate the configuration does not verify.
func (e *env) selfManaged(ctx context.Context, t *testing.T, root string) {
	k := os.Getenv("KUSTOMIZE")
	if k == "" {
		t.Fatal("KUSTOMIZE is not set (e2e/run.sh installs kustomize)")
	}
	out, err := exec.Command(k, "build", filepath.Join(root, "deploy")).Output()
	if err != nil {
		t.Fatalf("kustomize build deploy: %v", err)
	}
	// The first webhook's configuration goes: only the self-managed one is called now.
	if err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Delete(ctx, "dnslint-e2e", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	deployArgs := e.install(ctx, t, renderedObjects(t, documentSplit(string(out))))
	const ns, secretName, vwcName, svcName = "dnslint-system", "dnslint-webhook-tls", "dnslint", "dnslint-webhook.dnslint-system.svc"
	if _, err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Get(ctx, vwcName, metav1.GetOptions{}); !apierrors.IsNotFound(err) {
		t.Fatalf("a configuration %s before any replica serves: %v", vwcName, err)
	}

	// The Service: a proxy to ports reserved now for the two replicas.
	ports := make([]string, 2)
	for i := range ports {
		p, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		ports[i] = fmt.Sprintf("127.0.0.1:%d", p)
	}
	proxy, err := startProxy(ports...)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.ln.Close()
	names := []string{"replica-a", "replica-b"}
	for i, name := range names {
		e.replica(t, name, ports[i], deployArgs,
			"--kubeconfig="+filepath.Join(e.c.dir, "webhook.kubeconfig"), "--namespace="+ns,
			"--webhook-url="+proxy.url(), "--cert-host=127.0.0.1",
			"--ca-validity=48s", "--cert-validity=24s", "--cert-check-interval=1s")
		defer e.c.stopProc(name)
	}
	defer func() {
		if t.Failed() {
			for _, n := range names {
				t.Logf("--- %s log (tail) ---\n%s", n, e.c.logTail(n))
			}
		}
	}()
	e.waitDenied(ctx, t, vwcName, names...)

	// One Secret, one configuration, applied by the webhook's field manager and owned by
	// the ClusterRole.
	sel := metav1.ListOptions{LabelSelector: "app.kubernetes.io/managed-by=dnslint-webhook"}
	secrets, err := e.client.CoreV1().Secrets(ns).List(ctx, sel)
	if err != nil || len(secrets.Items) != 1 || secrets.Items[0].Name != secretName {
		t.Fatalf("managed Secrets: %v %v", err, secrets)
	}
	vwcs, err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().List(ctx, sel)
	if err != nil || len(vwcs.Items) != 1 || vwcs.Items[0].Name != vwcName {
		t.Fatalf("managed configurations: %v %v", err, vwcs)
	}
	vwc := vwcs.Items[0]
	applied := false
	for _, mf := range vwc.ManagedFields {
		applied = applied || mf.Manager == "dnslint-webhook" && mf.Operation == metav1.ManagedFieldsOperationApply
	}
	cr, err := e.client.RbacV1().ClusterRoles().Get(ctx, "dnslint-webhook", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !applied || len(vwc.OwnerReferences) != 1 || vwc.OwnerReferences[0].UID != cr.UID {
		t.Errorf("managed fields %+v, owners %+v", vwc.ManagedFields, vwc.OwnerReferences)
	}
	for _, w := range vwc.Webhooks {
		if w.ClientConfig.URL == nil || *w.ClientConfig.URL != proxy.url() {
			t.Errorf("%s: clientConfig %+v", w.Name, w.ClientConfig)
		}
		want := map[string]admissionregistrationv1.FailurePolicyType{"configmaps.dnslint.dev": admissionregistrationv1.Fail, "workloads.dnslint.dev": admissionregistrationv1.Ignore}[w.Name]
		if w.FailurePolicy == nil || *w.FailurePolicy != want {
			t.Errorf("%s: failurePolicy %v, want %s", w.Name, w.FailurePolicy, want)
		}
	}
	// The first replica created the Secret, the other read it: never both created.
	created, read := 0, 0
	for _, n := range names {
		log := e.c.logTail(n)
		created += strings.Count(log, `msg="serving certificate created"`)
		read += strings.Count(log, `msg="serving certificate read"`)
		if i, j := strings.Index(log, "msg=serving "), strings.Index(log, `msg="webhook configuration applied"`); j >= 0 && (i < 0 || i > j) {
			t.Errorf("%s applied the configuration before it served", n)
		}
	}
	if created != 1 {
		t.Errorf("%d replicas created the Secret, want 1 (and %d read it)", created, read)
	}

	// Both replicas serve the Secret's certificate, and the configuration's caBundle
	// verifies it under the Service's name.
	check := func() error {
		sec, err := e.client.CoreV1().Secrets(ns).Get(ctx, secretName, metav1.GetOptions{})
		if err != nil {
			return err
		}
		cfg, err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Get(ctx, vwcName, metav1.GetOptions{})
		if err != nil {
			return err
		}
		bundle := cfg.Webhooks[0].ClientConfig.CABundle
		if string(bundle) != string(sec.Data["ca.crt"]) || string(cfg.Webhooks[1].ClientConfig.CABundle) != string(bundle) {
			return errors.New("the configuration's caBundle is not the Secret's ca.crt")
		}
		want := firstCert(t, sec.Data["tls.crt"])
		for i, addr := range ports {
			got, err := served(addr, bundle, svcName)
			if err != nil {
				return fmt.Errorf("%s: %w", names[i], err)
			}
			if !got.Equal(want) {
				return fmt.Errorf("%s serves serial %s, the Secret holds %s", names[i], got.SerialNumber, want.SerialNumber)
			}
		}
		return nil
	}
	if err := check(); err != nil {
		t.Fatal(err)
	}
	e.denyAndAdmit(ctx, t, "sm1")

	// Rotation: wait (polling, a generous deadline) for a new CA and certificate, the old CA
	// kept in the bundle, and both replicas serving the new certificate, verified.
	sec, _ := e.client.CoreV1().Secrets(ns).Get(ctx, secretName, metav1.GetOptions{})
	firstCA, firstSerial := firstCert(t, sec.Data["ca.crt"]), firstCert(t, sec.Data["tls.crt"]).SerialNumber
	deadline := time.Now().Add(3 * time.Minute)
	var last error
	for {
		sec, err := e.client.CoreV1().Secrets(ns).Get(ctx, secretName, metav1.GetOptions{})
		if err == nil {
			ca, crt := firstCert(t, sec.Data["ca.crt"]), firstCert(t, sec.Data["tls.crt"])
			switch {
			case ca.Equal(firstCA) || countCerts(sec.Data["ca.crt"]) != 2:
				last = fmt.Errorf("CA not renewed yet (%d CAs)", countCerts(sec.Data["ca.crt"]))
			case crt.SerialNumber.Cmp(firstSerial) == 0:
				last = errors.New("certificate not renewed yet")
			default:
				last = check()
			}
		} else {
			last = err
		}
		if last == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no verified rotation: %v", last)
		}
		time.Sleep(500 * time.Millisecond)
	}
	renewed := 0
	for _, n := range names {
		renewed += strings.Count(e.c.logTail(n), `msg="serving certificate rotated"`)
	}
	t.Logf("rotated (%d renewals written); the API server still calls the replicas:", renewed)
	e.denyAndAdmit(ctx, t, "sm2")

	// Uninstalling deletes the ClusterRole and, through the garbage collector (which this
	// API server runs without), the configuration: remove it as the collector would.
	for _, n := range names {
		e.c.stopProc(n)
	}
	if err := e.client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Delete(ctx, vwcName, metav1.DeleteOptions{}); err != nil {
		t.Error(err)
	}
}

// documentSplit splits a multi-document YAML stream.
func documentSplit(s string) []string { return regexp.MustCompile(`(?m)^---\s*$`).Split(s, -1) }

// chart installs the Helm chart (rendered with the Helm SDK, as `helm template`, in the
// namespace dnslint-helm) and runs its webhook: denied and admitted with no manual
// certificate step.
func (e *env) chart(ctx context.Context, t *testing.T, root string) {
	const ns = "dnslint-helm"
	docs, err := charts.Render(filepath.Join(root, "charts/dnslint"), "dnslint", ns, map[string]any{"replicaCount": 1}, "v1.34.4")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.client.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	deployArgs := e.install(ctx, t, renderedObjects(t, docs))
	port, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	// The API server reaches the local process by URL instead of the Service.
	e.replica(t, "chart-webhook", addr, deployArgs, "--kubeconfig="+filepath.Join(e.c.dir, "chart.kubeconfig"), "--namespace="+ns,
		"--cert-host=127.0.0.1", "--webhook-url=https://"+addr+"/validate")
	defer e.c.stopProc("chart-webhook")
	defer func() {
		if t.Failed() {
			t.Logf("--- chart-webhook log (tail) ---\n%s", e.c.logTail("chart-webhook"))
		}
	}()
	e.waitDenied(ctx, t, "dnslint", "chart-webhook")
	e.denyAndAdmit(ctx, t, "chart")
	sec, err := e.client.CoreV1().Secrets(ns).Get(ctx, "dnslint-tls", metav1.GetOptions{})
	if err != nil || sec.Labels["app.kubernetes.io/managed-by"] != "dnslint-webhook" {
		t.Errorf("the chart's webhook Secret: %v %v", err, sec.Labels)
	}
}
