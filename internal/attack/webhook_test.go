//go:build attack

package attack

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	appsv1 "k8s.io/api/apps/v1"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/internal/reviewgen"
)

// webhookServer is a running `dnslint webhook` on 127.0.0.1 with a certificate of a CA
// made for the test, and a client that trusts only that CA.
type webhookServer struct {
	cmd    *exec.Cmd
	url    string
	client *http.Client
	stderr *bytes.Buffer
	done   chan struct{}
}

// webhookStart starts the dnslint binary as a webhook with extra flags, in an empty
// directory (no .dnslint.yaml), and waits until it serves.
func webhookStart(t *testing.T, args ...string) *webhookServer {
	t.Helper()
	dir := t.TempDir()
	pool := webhookCert(t, filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key"))
	// An hour for each review: the tests here are about budgets and leaks, not about the
	// 4 s deadline, which a loaded machine could reach first (its own test passes
	// --test-deadline-passed). A later --lint-timeout in args wins.
	cmd := exec.Command(dnslintBin, append([]string{"webhook", "--listen=127.0.0.1:0", "--log-format=json", "--lint-timeout=1h",
		"--tls-cert-file=" + filepath.Join(dir, "tls.crt"), "--tls-private-key-file=" + filepath.Join(dir, "tls.key")}, args...)...)
	cmd.Dir = dir
	// No cluster: the object is linted alone (with the platform's default Corefile).
	cmd.Env = append(os.Environ(), "KUBERNETES_SERVICE_HOST=", "KUBERNETES_SERVICE_PORT=", "GOMEMLIMIT=")
	pr, pw := io.Pipe()
	ws := &webhookServer{cmd: cmd, stderr: &bytes.Buffer{}, done: make(chan struct{})}
	cmd.Stderr = pw
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			mu.Lock()
			ws.stderr.Write(append(sc.Bytes(), '\n'))
			mu.Unlock()
			var line struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "serving" {
				addr <- line.Addr
			}
		}
	}()
	go func() { _ = cmd.Wait(); pw.Close(); close(ws.done) }()
	t.Cleanup(func() { ws.stop(t) })
	select {
	case a := <-addr:
		ws.url = "https://" + a
	case <-ws.done:
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("the webhook exited: %s", ws.stderr)
	}
	ws.client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	return ws
}

// stop ends the webhook with SIGTERM, as the kubelet does, and returns its peak resident
// memory in bytes (rusage).
func (ws *webhookServer) stop(t *testing.T) int64 {
	t.Helper()
	select {
	case <-ws.done:
	default:
		_ = ws.cmd.Process.Signal(syscall.SIGTERM)
		<-ws.done
	}
	ru, ok := ws.cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Fatal("no rusage")
	}
	return ru.Maxrss * 1024
}

// webhookCert writes a serving certificate for 127.0.0.1 and its key, signed by a new CA,
// and returns a pool holding the CA.
func webhookCert(t *testing.T, certFile, keyFile string) *x509.CertPool {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "attack CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour), IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, leaf, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return pool
}

// webhookAnswer is what one POST /validate got back.
type webhookAnswer struct {
	status int
	body   string
	review *admissionv1.AdmissionReview // nil when the body is not an AdmissionReview with a response
}

// post sends an AdmissionReview as the API server does (?timeout=5s) and reads the answer;
// a transport error fails the test.
func (ws *webhookServer) post(t *testing.T, body []byte) webhookAnswer {
	t.Helper()
	resp, err := ws.client.Post(ws.url+"/validate?timeout=5s", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Errorf("POST /validate: %v", err)
		return webhookAnswer{}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Errorf("reading the answer: %v", err)
	}
	a := webhookAnswer{status: resp.StatusCode, body: string(b)}
	var out admissionv1.AdmissionReview
	if resp.StatusCode == http.StatusOK && json.Unmarshal(b, &out) == nil && out.Response != nil &&
		out.APIVersion == "admission.k8s.io/v1" && out.Kind == "AdmissionReview" {
		a.review = &out
	}
	return a
}

// webhookDeploymentMemoryLimit is the memory limit of the webhook container in
// deploy/base/deployment.yaml, in bytes.
func webhookDeploymentMemoryLimit(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("../../deploy/base/deployment.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var d appsv1.Deployment
	if err := sigsyaml.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Spec.Template.Spec.Containers {
		if c.Name == "webhook" {
			if q, ok := c.Resources.Limits["memory"]; ok {
				return q.Value()
			}
		}
	}
	t.Fatal("deploy/base/deployment.yaml: no memory limit for the webhook container")
	return 0
}

// suppressedCustom is issue 10's bypass: a forward option outside forward, which crash-loops
// CoreDNS, silenced by an inline comment that whoever writes the ConfigMap can write. The
// value ends in a newline, as `kubectl apply` sends a `|` block scalar.
var suppressedCustom = reviewgen.Review("uid-bypass", "ConfigMap", "kube-system", "coredns-custom",
	reviewgen.ConfigMap("kube-system", "coredns-custom", map[string]string{
		"upstream.override": "force_tcp # dnslint:ignore forward/*,corefile/*\n",
	}))

// Issue 10 item 4: the suppression comment does not pass the gate by default; it does
// only with --honor-suppressions.
func TestWebhookIgnoresInlineSuppressionsByDefault(t *testing.T) {
	a := webhookStart(t).post(t, suppressedCustom)
	if a.review == nil {
		t.Fatalf("HTTP %d: %s", a.status, a.body)
	}
	if r := a.review.Response; r.Allowed || r.Result == nil || !strings.Contains(r.Result.Message, "forward/option-outside-block") {
		t.Fatalf("the suppressed force_tcp was admitted by default: %+v", r)
	}
	a = webhookStart(t, "--honor-suppressions").post(t, suppressedCustom)
	if a.review == nil || !a.review.Response.Allowed {
		t.Fatalf("with --honor-suppressions: HTTP %d: %s", a.status, a.body)
	}
}

// Issue 10 item 5: six concurrent 1 MiB coredns-custom reviews (36,920 small .server keys)
// each get an AdmissionReview — a denial naming the budget — never an HTTP error, and the
// webhook stays under its Deployment's memory limit.
func TestWebhookFloodOfKeysAnsweredWithinMemoryLimit(t *testing.T) {
	limit := webhookDeploymentMemoryLimit(t)
	// As deployed (the limit is the container's); six slots, so that no review waits in
	// the queue and gets HTTP 503 for that.
	ws := webhookStart(t, "--memory-limit="+itoa(limit), "--max-in-flight=6")
	body := reviewgen.Flood("uid-flood")
	if n := len(body); n > 3<<19 {
		t.Fatalf("the review is %d bytes, past the API server's object limit", n)
	}
	var wg sync.WaitGroup
	answers := make([]webhookAnswer, 6)
	for i := range answers {
		wg.Go(func() { answers[i] = ws.post(t, body) })
	}
	wg.Wait()
	for i, a := range answers {
		if a.review == nil {
			t.Errorf("review %d: HTTP %d, not an AdmissionReview: %.300s", i, a.status, a.body)
			continue
		}
		r := a.review.Response
		if r.UID != "uid-flood" || r.Allowed || r.Result == nil || !strings.Contains(r.Result.Message, "kube-system/ConfigMap/coredns-custom was not reviewed") {
			t.Errorf("review %d: %+v", i, r)
		}
	}
	if rss := ws.stop(t); rss >= limit {
		t.Errorf("peak resident memory %d MiB, at or past the Deployment's limit of %d MiB", rss>>20, limit>>20)
	} else {
		t.Logf("peak resident memory %d MiB of %d MiB", rss>>20, limit>>20)
	}
}

// Issue 10 (c): a body over the API server's 1.5 MiB object limit is refused with a clear
// HTTP 413 (the API server then applies the failurePolicy: Fail for DNS ConfigMaps).
func TestWebhookBodyOverObjectLimitRefused(t *testing.T) {
	ws := webhookStart(t)
	data := map[string]string{"Corefile": ".:53 {\n    errors\n}\n", "pad": strings.Repeat("x", 3<<19)}
	a := ws.post(t, reviewgen.Review("uid-big", "ConfigMap", "kube-system", "coredns", reviewgen.ConfigMap("kube-system", "coredns", data)))
	if a.status != http.StatusRequestEntityTooLarge || !strings.Contains(a.body, "request body over 1572864 bytes") {
		t.Errorf("HTTP %d: %.300s", a.status, a.body)
	}
	// The server goes on.
	if a := ws.post(t, suppressedCustom); a.review == nil {
		t.Errorf("after the refusal: HTTP %d: %.300s", a.status, a.body)
	}
}

// Issue 10 (d): a review past its deadline is a denial that names the deadline for a DNS
// ConfigMap (failurePolicy Fail), and an admission with a warning for a workload
// (failurePolicy Ignore): never an HTTP 500 or a hang.
func TestWebhookDeadlinePassedIsADenial(t *testing.T) {
	ws := webhookStart(t, "--test-deadline-passed")
	good := reviewgen.Review("uid-late", "ConfigMap", "kube-system", "coredns-custom",
		reviewgen.ConfigMap("kube-system", "coredns-custom", map[string]string{"corp.server": "corp.example.com:53 {\n    forward . 10.0.0.53\n}\n"}))
	a := ws.post(t, good)
	if a.review == nil {
		t.Fatalf("HTTP %d: %s", a.status, a.body)
	}
	if r := a.review.Response; r.Allowed || r.Result == nil || !strings.Contains(r.Result.Message, "did not finish within its deadline") {
		t.Errorf("ConfigMap past its deadline: %+v", r)
	}
	pod := []byte(`{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"uid-pod","kind":{"group":"","version":"v1","kind":"Pod"},` +
		`"namespace":"shop","name":"web","operation":"CREATE","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop"},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}`)
	a = ws.post(t, pod)
	if a.review == nil {
		t.Fatalf("HTTP %d: %s", a.status, a.body)
	}
	if r := a.review.Response; !r.Allowed || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "admitted without a review") {
		t.Errorf("Pod past its deadline: %+v", r)
	}
}

func itoa(n int64) string { return big.NewInt(n).String() }
