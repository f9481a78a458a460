package webhook

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/lint"
)

// realLinter is the built-in rule set, compiled once for all tests.
var realLinter = sync.OnceValues(func() (*lint.Linter, error) {
	return lint.New(context.Background(), lint.Options{})
})

func linter(t *testing.T) *lint.Linter {
	t.Helper()
	l, err := realLinter()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// testCA is a CA that signs serving certificates for 127.0.0.1.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pool *x509.CertPool
}

func newCA(t *testing.T) *testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "dnslint test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &testCA{cert: cert, key: key, pool: pool}
}

// issue writes a serving certificate for 127.0.0.1 with the given serial and its key.
func (ca *testCA) issue(t *testing.T, certFile, keyFile string, serial int64) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	write(t, certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	write(t, keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}))
}

func write(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// testServer is a webhook Server on a real listener on 127.0.0.1 and a TLS client that
// trusts its CA.
type testServer struct {
	url               string
	client            *http.Client
	ca                *testCA
	certFile, keyFile string
	metrics           *Metrics
	cancel            context.CancelFunc
	done              chan error
	srv               *Server
}

func startServer(t *testing.T, opts Options) *testServer {
	t.Helper()
	dir := t.TempDir()
	ts := &testServer{ca: newCA(t), certFile: filepath.Join(dir, "tls.crt"), keyFile: filepath.Join(dir, "tls.key"), done: make(chan error, 1)}
	ts.ca.issue(t, ts.certFile, ts.keyFile, 100)
	certs, err := NewCertReloader(ts.certFile, ts.keyFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Metrics == nil {
		opts.Metrics = NewMetrics()
	}
	// A test that is not about the deadline or the queue does not race a loaded machine
	// against them (the defaults are 4 s and seconds): those tests set their own, or
	// inject a deadline already passed (DeadlinePassed).
	opts.LintTimeout = cmp.Or(opts.LintTimeout, time.Hour)
	opts.QueueTimeout = cmp.Or(opts.QueueTimeout, time.Hour)
	ts.metrics = opts.Metrics
	ts.srv = &Server{Handler: NewHandler(opts), Certs: certs, Metrics: opts.Metrics, ShutdownTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts.cancel = cancel
	go func() { ts.done <- ts.srv.Serve(ctx, ln) }()
	ts.url = "https://" + ln.Addr().String()
	ts.client = &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: ts.ca.pool, MinVersion: tls.VersionTLS12},
	}}
	t.Cleanup(func() {
		ts.stop(t)
		ts.client.CloseIdleConnections()
	})
	deadline := time.Now().Add(10 * time.Second)
	for !ts.srv.serving.Load() {
		if time.Now().After(deadline) {
			t.Fatal("server did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	return ts
}

// stop shuts the server down (once) and returns what Serve returned.
func (ts *testServer) stop(t *testing.T) error {
	t.Helper()
	ts.cancel()
	select {
	case err, ok := <-ts.done:
		if ok {
			close(ts.done)
		}
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("server did not stop")
	}
	return nil
}

// review posts an AdmissionReview for obj (YAML) and returns the response review.
func (ts *testServer) review(t *testing.T, op admissionv1.Operation, obj, old string, dryRun bool) *admissionv1.AdmissionReview {
	t.Helper()
	return ts.reviewAt(t, "/validate?timeout=5s", op, obj, old, dryRun)
}

// reviewAt is review posted to path (with or without the API server's ?timeout=).
func (ts *testServer) reviewAt(t *testing.T, path string, op admissionv1.Operation, obj, old string, dryRun bool) *admissionv1.AdmissionReview {
	t.Helper()
	body := reviewBody(t, op, obj, old, dryRun)
	resp, err := ts.client.Post(ts.url+path, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %s", resp.Status)
	}
	var out admissionv1.AdmissionReview
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if out.APIVersion != "admission.k8s.io/v1" || out.Kind != "AdmissionReview" {
		t.Errorf("response is %s %s", out.APIVersion, out.Kind)
	}
	if out.Response == nil || out.Response.UID != "uid-1234" {
		t.Fatalf("response without the request's uid: %+v", out.Response)
	}
	return &out
}

// reviewBody builds an AdmissionReview request for the object obj (YAML).
func reviewBody(t *testing.T, op admissionv1.Operation, obj, old string, dryRun bool) []byte {
	t.Helper()
	raw := func(s string) runtime.RawExtension {
		if s == "" {
			return runtime.RawExtension{}
		}
		b, err := sigsyaml.YAMLToJSON([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return runtime.RawExtension{Raw: b}
	}
	var meta struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct{ Name, Namespace string }
	}
	src := obj
	if src == "" {
		src = old
	}
	if err := sigsyaml.Unmarshal([]byte(src), &meta); err != nil {
		t.Fatal(err)
	}
	gv, _ := schemaGV(meta.APIVersion)
	req := &admissionv1.AdmissionRequest{
		UID:       types.UID("uid-1234"),
		Kind:      metav1.GroupVersionKind{Group: gv[0], Version: gv[1], Kind: meta.Kind},
		Name:      meta.Metadata.Name,
		Namespace: meta.Metadata.Namespace,
		Operation: op,
		Object:    raw(obj),
		OldObject: raw(old),
		DryRun:    &dryRun,
	}
	b, err := json.Marshal(admissionv1.AdmissionReview{
		TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
		Request:  req,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func schemaGV(apiVersion string) ([2]string, bool) {
	for i := range len(apiVersion) {
		if apiVersion[i] == '/' {
			return [2]string{apiVersion[:i], apiVersion[i+1:]}, true
		}
	}
	return [2]string{"", apiVersion}, false
}

// fakeLive serves ConfigMaps from YAML by namespace/name; err fails every lookup.
type fakeLive struct {
	objects map[string]string
	err     error
}

func (f *fakeLive) ConfigMap(namespace, name string) ([]byte, bool, error) {
	if f.err != nil {
		return nil, false, f.err
	}
	s, ok := f.objects[namespace+"/"+name]
	if !ok {
		return nil, false, nil
	}
	b, err := sigsyaml.YAMLToJSON([]byte(s))
	return b, err == nil, err
}

var errUnavailable = errors.New("the ConfigMap cache of kube-system is not synced yet")
