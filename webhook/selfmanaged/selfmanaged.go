// Package selfmanaged installs the webhook in its cluster by itself (dnslint webhook
// --cert-mode self-managed), so that no manifest carries a certificate or an empty
// caBundle:
//
//   - the serving certificate and the CA that signs it live in one Secret, which the first
//     replica creates and every other replica reads — decided by the API server's
//     create-if-absent and resourceVersion semantics, never by a race (secret.go);
//   - each replica checks the Secret every CheckInterval and renews the CA or the serving
//     certificate once less than a third of its lifetime is left, keeping old CAs in the
//     caBundle until they expire;
//   - the ValidatingWebhookConfiguration is applied server-side with the webhook's own
//     field manager once the replica serves its certificate (a TLS probe of its own
//     /readyz that verifies it with the bundle's CA), and before the replica switches to
//     a certificate from a new CA (configuration.go);
//   - the API server must run Kubernetes MinKubernetes or later (version.go).
package selfmanaged

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// Options configure a Manager.
type Options struct {
	// Client reaches the API server (required).
	Client kubernetes.Interface
	// SecretName is the Secret of the CA and serving certificate, in Config.Namespace.
	SecretName string
	// Hosts are the serving certificate's extra names or IP addresses, besides the
	// Service's DNS names.
	Hosts []string
	// CAValidity and CertValidity are the certificates' lifetimes; CheckInterval how often
	// the Secret is read (and renewed when due) and the configuration applied again.
	CAValidity, CertValidity, CheckInterval time.Duration
	// Config is the webhook configuration's shape (CABundle is filled in).
	Config ConfigOptions
	// OwnerClusterRole, when set, is the ClusterRole that owns the configuration: deleting
	// the installation (kubectl delete -k, helm uninstall) deletes the ClusterRole, and the
	// garbage collector the configuration with it.
	OwnerClusterRole string
	// ProbeAddr is the replica's own listener (host:port) probed before the first apply.
	ProbeAddr string
	// Now is the clock (default time.Now).
	Now    func() time.Time
	Logger *slog.Logger
}

// Manager serves the Secret's certificate and keeps the Secret and the configuration.
type Manager struct {
	o     Options
	store *secretStore
	log   *slog.Logger

	cert    atomic.Pointer[tls.Certificate]
	mu      sync.Mutex
	current *bundle // served now

	serving     chan struct{}
	servingOnce sync.Once
	applied     atomic.Bool
}

// New reads or creates the Secret (see secretStore.ensure) and returns a Manager that
// serves its certificate.
func New(ctx context.Context, o Options) (*Manager, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.CAValidity <= 0 {
		o.CAValidity = DefaultCAValidity
	}
	if o.CertValidity <= 0 {
		o.CertValidity = DefaultCertValidity
	}
	if o.CheckInterval <= 0 {
		o.CheckInterval = DefaultCheckInterval
	}
	if o.Config.Namespace == "" || o.Config.Service == "" || o.SecretName == "" {
		return nil, errors.New("self-managed mode needs the webhook's namespace, Service and Secret names")
	}
	svc := o.Config.Service + "." + o.Config.Namespace
	hosts := append([]string{svc + ".svc", svc + ".svc.cluster.local", svc, o.Config.Service}, o.Hosts...)
	m := &Manager{o: o, log: o.Logger, serving: make(chan struct{}),
		store: &secretStore{client: o.Client, namespace: o.Config.Namespace, name: o.SecretName, hosts: hosts,
			caValidity: o.CAValidity, tlsTTL: o.CertValidity, now: o.Now}}
	b, out, err := m.store.ensure(ctx)
	if err != nil {
		return nil, err
	}
	m.logBundle(out, b)
	if err := m.serve(b); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *Manager) logBundle(out outcome, b *bundle) {
	m.log.Info("serving certificate "+string(out), "secret", m.o.Config.Namespace+"/"+m.o.SecretName,
		"serial", b.cert.SerialNumber.String(), "notAfter", b.cert.NotAfter.UTC().Format(time.RFC3339), "cas", len(b.cas))
}

// serve makes b's serving pair the one TLS handshakes get.
func (m *Manager) serve(b *bundle) error {
	c, err := b.tlsCertificate()
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.current = b
	m.mu.Unlock()
	m.cert.Store(c)
	return nil
}

func (m *Manager) served() *bundle {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.current
}

// GetCertificate is tls.Config.GetCertificate.
func (m *Manager) GetCertificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	return m.cert.Load(), nil
}

// Serving tells the Manager that the listener serves (webhook.Server.OnServing).
func (m *Manager) Serving() { m.servingOnce.Do(func() { close(m.serving) }) }

// Applied tells whether the configuration has been applied once.
func (m *Manager) Applied() bool { return m.applied.Load() }

// Run keeps the Secret and the configuration until ctx ends: once the replica serves, it
// syncs every second until the configuration is applied, then every CheckInterval.
func (m *Manager) Run(ctx context.Context) {
	select {
	case <-ctx.Done():
		return
	case <-m.serving:
	}
	for {
		if err := m.sync(ctx); err != nil {
			if m.applied.Load() {
				m.log.Error("self-managed certificate or configuration", "error", err)
			} else {
				m.log.Warn("the webhook configuration is not applied yet", "error", err)
			}
		}
		wait := m.o.CheckInterval
		if !m.applied.Load() {
			wait = min(wait, time.Second)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// sync reads the Secret (renewing what is due), serves its certificate and applies the
// configuration. Before the first apply, the replica's own listener is probed with the
// bundle's CA; after it, a bundle with a new CA is applied before the replica serves a
// certificate that only the new bundle verifies.
func (m *Manager) sync(ctx context.Context) error {
	b, out, err := m.store.ensure(ctx)
	if err != nil {
		return err
	}
	old := m.served()
	if out != outcomeRead || !b.cert.Equal(old.cert) {
		m.logBundle(out, b)
	}
	applied := m.applied.Load()
	if applied && !bytes.Equal(certsPEM(b.cas...), certsPEM(old.cas...)) {
		if err := m.apply(ctx, b); err != nil {
			return fmt.Errorf("keeping the previous certificate until the new CA is in the configuration: %w", err)
		}
	}
	if !b.cert.Equal(old.cert) {
		if err := m.serve(b); err != nil {
			return err
		}
	}
	if !applied && m.o.ProbeAddr != "" {
		if err := m.probe(ctx, b); err != nil {
			return err
		}
	}
	if err := m.apply(ctx, b); err != nil {
		return err
	}
	if !m.applied.Swap(true) {
		m.log.Info("webhook configuration applied", "name", m.o.Config.Name, "fieldManager", FieldManager)
	}
	return nil
}

func (m *Manager) apply(ctx context.Context, b *bundle) error {
	o := m.o.Config
	o.CABundle = certsPEM(b.cas...)
	vwc, err := Configuration(o)
	if err != nil {
		return err
	}
	if m.o.OwnerClusterRole != "" {
		if err := m.setOwner(ctx, vwc); err != nil {
			return err
		}
	}
	return apply(ctx, m.o.Client, vwc)
}

// setOwner makes the ClusterRole the configuration's owner.
func (m *Manager) setOwner(ctx context.Context, vwc *admissionregistrationv1.ValidatingWebhookConfiguration) error {
	cr, err := m.o.Client.RbacV1().ClusterRoles().Get(ctx, m.o.OwnerClusterRole, metav1.GetOptions{})
	if err != nil {
		return fmt.Errorf("reading the owner ClusterRole %s: %w", m.o.OwnerClusterRole, err)
	}
	vwc.OwnerReferences = []metav1.OwnerReference{{APIVersion: "rbac.authorization.k8s.io/v1", Kind: "ClusterRole", Name: cr.Name, UID: cr.UID}}
	return nil
}

// probe requests the replica's own /readyz over TLS, verifying the certificate with the
// bundle's CAs under the Service's name, as the API server will.
func (m *Manager) probe(ctx context.Context, b *bundle) error {
	pool := x509.NewCertPool()
	for _, c := range b.cas {
		pool.AddCert(c)
	}
	host, port, err := net.SplitHostPort(m.o.ProbeAddr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{Proxy: nil, TLSClientConfig: &tls.Config{
		RootCAs: pool, ServerName: m.store.hosts[0], MinVersion: tls.VersionTLS12,
	}}}
	defer client.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+net.JoinHostPort(host, port)+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("probing the replica's own /readyz: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("probing the replica's own /readyz: %s", resp.Status)
	}
	return nil
}
