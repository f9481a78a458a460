package selfmanaged

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes/fake"
	"k8s.io/client-go/rest"
)

// TestCheckMinimum reads the version as the discovery client does from a server's
// /version, and refuses below 1.28 with a message that says why.
func TestCheckMinimum(t *testing.T) {
	for _, tc := range []struct {
		body string
		want string // "" = accepted
	}{
		{`{"major":"1","minor":"34","gitVersion":"v1.34.4"}`, ""},
		{`{"major":"1","minor":"28+","gitVersion":"v1.28.15-eks-1a2b3c"}`, ""},
		{`{"major":"1","minor":"27","gitVersion":"v1.27.16"}`, "the cluster runs Kubernetes 1.27 (v1.27.16); dnslint's webhook needs 1.28 or later: its configuration's matchConditions"},
		{`{"major":"1","minor":"21+","gitVersion":"v1.21.14-gke.700"}`, "the cluster runs Kubernetes 1.21 (v1.21.14-gke.700); dnslint's webhook needs 1.28 or later"},
		{`{"major":"","minor":"","gitVersion":"v0.0.0-master"}`, `the API server's version "v0.0.0-master" (major "", minor "") cannot be read`},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/version" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(tc.body))
		}))
		d, err := discovery.NewDiscoveryClientForConfig(&rest.Config{Host: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		v, err := ServerVersion(d)
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		err = CheckMinimum(v)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.body, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.body, err, tc.want)
		}
	}
}

// clock is a settable clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// TestRenewal follows a Secret through its lifetimes with an injected clock: the serving
// certificate is renewed with a third of it left and signed by the same CA; the CA is
// renewed with a third of it left, the old one stays in the bundle until it expires.
// (Concurrency between replicas is proven against a real API server in e2e/.)
func TestRenewal(t *testing.T) {
	ctx := context.Background()
	client := fake.NewClientset()
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := &secretStore{client: client, namespace: "dnslint-system", name: "tls", hosts: []string{"svc.ns.svc", "127.0.0.1"},
		caValidity: 90 * time.Hour, tlsTTL: 30 * time.Hour, now: c.now}
	b0, out, err := s.ensure(ctx)
	if err != nil || out != outcomeCreated {
		t.Fatalf("first ensure: %v %v", out, err)
	}
	verify := func(b *bundle) {
		t.Helper()
		pool := x509.NewCertPool()
		for _, ca := range b.cas {
			pool.AddCert(ca)
		}
		if _, err := b.cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: "svc.ns.svc", CurrentTime: c.t}); err != nil {
			t.Errorf("at %s: %v", c.t, err)
		}
	}
	verify(b0)
	c.t = c.t.Add(19 * time.Hour) // 11 h of 30 left: not due
	if b, out, _ := s.ensure(ctx); out != outcomeRead || !b.cert.Equal(b0.cert) {
		t.Fatalf("at 19 h: %s", out)
	}
	c.t = c.t.Add(2 * time.Hour) // 9 h left: due
	b1, out, err := s.ensure(ctx)
	if err != nil || out != outcomeRotated || b1.cert.Equal(b0.cert) || !b1.cas[0].Equal(b0.cas[0]) || len(b1.cas) != 1 {
		t.Fatalf("at 21 h: %s %v, CAs %d", out, err, len(b1.cas))
	}
	verify(b1)
	c.t = c.t.Add(24 * time.Hour) // 45 h: b1 has 6 h left
	if b1, out, err = s.ensure(ctx); err != nil || out != outcomeRotated || len(b1.cas) != 1 {
		t.Fatalf("at 45 h: %s %v", out, err)
	}
	c.t = c.t.Add(16 * time.Hour) // 61 h: the CA has 29 h of 90 left, due
	b2, out, err := s.ensure(ctx)
	if err != nil || out != outcomeRotated || len(b2.cas) != 2 || b2.cas[0].Equal(b0.cas[0]) || !b2.cas[1].Equal(b0.cas[0]) {
		t.Fatalf("at 61 h: %s %v, CAs %d", out, err, len(b2.cas))
	}
	verify(b2)
	if err := b2.cert.CheckSignatureFrom(b2.cas[0]); err != nil {
		t.Errorf("the new certificate is not signed by the new CA: %v", err)
	}
	// The certificate of before the CA's renewal still verifies with the new bundle.
	pool := x509.NewCertPool()
	for _, ca := range b2.cas {
		pool.AddCert(ca)
	}
	if _, err := b1.cert.Verify(x509.VerifyOptions{Roots: pool, DNSName: "svc.ns.svc", CurrentTime: c.t}); err != nil {
		t.Errorf("the previous certificate with the new bundle: %v", err)
	}
	c.t = c.t.Add(30 * time.Hour) // the old CA expired at 90 h
	b3, _, err := s.ensure(ctx)
	if err != nil || len(b3.cas) != 1 || !b3.cas[0].Equal(b2.cas[0]) {
		t.Fatalf("at 91 h: %v, CAs %d", err, len(b3.cas))
	}
	// Other names wanted: a new certificate at once.
	s.hosts = []string{"svc.ns.svc"}
	if b, out, _ := s.ensure(ctx); out != outcomeRotated || len(b.cert.IPAddresses) != 0 {
		t.Errorf("new names: %s %v", out, b.cert.IPAddresses)
	}
}

// TestForeignSecret: a Secret of the same name that the webhook did not create is never
// overwritten.
func TestForeignSecret(t *testing.T) {
	client := fake.NewClientset(&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "tls", Namespace: "ns"}, Data: map[string][]byte{"tls.crt": []byte("x")}})
	s := &secretStore{client: client, namespace: "ns", name: "tls", hosts: []string{"a"}, caValidity: time.Hour, tlsTTL: time.Hour, now: time.Now}
	_, _, err := s.ensure(context.Background())
	if err == nil || !strings.Contains(err.Error(), "Secret ns/tls exists but is not labelled app.kubernetes.io/managed-by=dnslint-webhook") {
		t.Errorf("%v", err)
	}
	sec, _ := client.CoreV1().Secrets("ns").Get(context.Background(), "tls", metav1.GetOptions{})
	if string(sec.Data["tls.crt"]) != "x" {
		t.Error("the foreign Secret was changed")
	}
}

// TestManagerApplies: once told the listener serves, the Manager applies the
// configuration with the Secret's CA bundle, the failure policies asked for, and the
// ClusterRole as its owner; GetCertificate serves the Secret's certificate. (The API
// server's own handling of the apply is proven in e2e/.)
func TestManagerApplies(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	client := fake.NewClientset(&rbacv1.ClusterRole{ObjectMeta: metav1.ObjectMeta{Name: "dnslint-webhook", UID: "uid-1"}})
	m, err := New(ctx, Options{
		Client: client, SecretName: "tls", OwnerClusterRole: "dnslint-webhook", CheckInterval: time.Hour,
		Config: ConfigOptions{Name: "dnslint", Namespace: "dnslint-system", Service: "dnslint-webhook",
			FailurePolicies: map[string]admissionregistrationv1.FailurePolicyType{WorkloadsWebhook: admissionregistrationv1.Fail}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Get(ctx, "dnslint", metav1.GetOptions{}); err == nil {
		t.Fatal("applied before the replica serves")
	}
	done := make(chan struct{})
	go func() { m.Run(ctx); close(done) }()
	m.Serving()
	for !m.Applied() {
		select {
		case <-done:
			t.Fatal("Run ended")
		case <-time.After(10 * time.Millisecond):
		}
	}
	vwc, err := client.AdmissionregistrationV1().ValidatingWebhookConfigurations().Get(ctx, "dnslint", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sec, err := client.CoreV1().Secrets("dnslint-system").Get(ctx, "tls", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range vwc.Webhooks {
		if string(w.ClientConfig.CABundle) != string(sec.Data[keyCACert]) || w.ClientConfig.Service.Name != "dnslint-webhook" {
			t.Errorf("%s: clientConfig %+v", w.Name, w.ClientConfig)
		}
	}
	if p := vwc.Webhooks[1].FailurePolicy; vwc.Webhooks[1].Name != WorkloadsWebhook || *p != admissionregistrationv1.Fail || *vwc.Webhooks[0].FailurePolicy != admissionregistrationv1.Fail {
		t.Errorf("failure policies %v %v", *vwc.Webhooks[0].FailurePolicy, *p)
	}
	if len(vwc.OwnerReferences) != 1 || vwc.OwnerReferences[0].UID != "uid-1" || vwc.Labels[ManagedByLabel] != ManagedByValue {
		t.Errorf("owners %+v labels %v", vwc.OwnerReferences, vwc.Labels)
	}
	c, _ := m.GetCertificate(nil)
	if string(certsPEM(c.Leaf)) != string(sec.Data[keyTLSCert]) {
		t.Error("the served certificate is not the Secret's")
	}
	cancel()
	<-done
}
