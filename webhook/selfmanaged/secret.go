package selfmanaged

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"
	"slices"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// ManagedByLabel marks the Secret and the webhook configuration that the webhook manages;
// a Secret of the same name without it is never overwritten.
const (
	ManagedByLabel = "app.kubernetes.io/managed-by"
	ManagedByValue = "dnslint-webhook"
)

// Defaults of the certificates' lifetimes: each is renewed once less than a third of it
// is left (cert-manager's default renewBefore), checked every DefaultCheckInterval.
const (
	DefaultCAValidity    = 365 * 24 * time.Hour
	DefaultCertValidity  = 90 * 24 * time.Hour
	DefaultCheckInterval = time.Hour
)

// maxAttempts bounds the read-modify-write rounds of one ensure: each lost round means
// that another replica wrote the Secret meanwhile, and the next read takes its result.
const maxAttempts = 5

// secretStore creates, reads and rotates the Secret.
type secretStore struct {
	client             kubernetes.Interface
	namespace, name    string
	hosts              []string
	caValidity, tlsTTL time.Duration
	now                func() time.Time
}

// outcome says what ensure did, for the log.
type outcome string

const (
	outcomeCreated outcome = "created"
	outcomeRead    outcome = "read"
	outcomeRotated outcome = "rotated"
)

// ensure returns the Secret's bundle, creating it when absent and rotating what is due,
// with the API server's concurrency control only: a create that finds the Secret already
// created (AlreadyExists) or an update of a changed Secret (Conflict, its resourceVersion
// is stale) means another replica won, and its result is read and used instead — so every
// replica ends with the same bundle, whatever the order.
func (s *secretStore) ensure(ctx context.Context) (*bundle, outcome, error) {
	secrets := s.client.CoreV1().Secrets(s.namespace)
	for range maxAttempts {
		sec, err := secrets.Get(ctx, s.name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			b, err := s.issue(nil)
			if err != nil {
				return nil, "", err
			}
			data, err := b.data()
			if err != nil {
				return nil, "", err
			}
			_, err = secrets.Create(ctx, &corev1.Secret{
				ObjectMeta: metav1.ObjectMeta{Name: s.name, Namespace: s.namespace, Labels: map[string]string{ManagedByLabel: ManagedByValue}},
				Type:       corev1.SecretTypeTLS, Data: data,
			}, metav1.CreateOptions{FieldManager: ManagedByValue})
			if apierrors.IsAlreadyExists(err) {
				continue // another replica created it first: read its bundle
			}
			if err != nil {
				return nil, "", fmt.Errorf("creating Secret %s/%s: %w", s.namespace, s.name, err)
			}
			return b, outcomeCreated, nil
		}
		if err != nil {
			return nil, "", fmt.Errorf("reading Secret %s/%s: %w", s.namespace, s.name, err)
		}
		if sec.Labels[ManagedByLabel] != ManagedByValue {
			return nil, "", fmt.Errorf("Secret %s/%s exists but is not labelled %s=%s: it is not the webhook's to manage (delete it, or name another with --secret-name)",
				s.namespace, s.name, ManagedByLabel, ManagedByValue)
		}
		current, perr := parseBundle(sec.Data)
		if perr == nil && !s.due(current) {
			return current, outcomeRead, nil
		}
		next, err := s.issue(current) // current is nil when the data does not parse: start over
		if err != nil {
			return nil, "", err
		}
		if sec.Data, err = next.data(); err != nil {
			return nil, "", err
		}
		sec.Type = corev1.SecretTypeTLS
		_, err = secrets.Update(ctx, sec, metav1.UpdateOptions{FieldManager: ManagedByValue})
		if apierrors.IsConflict(err) {
			continue // another replica rotated it first: read its bundle
		}
		if err != nil {
			return nil, "", fmt.Errorf("rotating Secret %s/%s: %w", s.namespace, s.name, err)
		}
		return next, outcomeRotated, nil
	}
	return nil, "", fmt.Errorf("Secret %s/%s changed under each of %d attempts to read and rotate it", s.namespace, s.name, maxAttempts)
}

// renewDue tells whether less than a third of a certificate's lifetime is left.
func renewDue(c *x509.Certificate, now time.Time) bool {
	return now.After(c.NotAfter.Add(-c.NotAfter.Sub(c.NotBefore.Add(backdate)) / 3))
}

// due tells whether the CA or the serving certificate must be renewed: a third of its
// lifetime left, or a serving certificate for other names than those wanted now.
func (s *secretStore) due(b *bundle) bool {
	now := s.now()
	return renewDue(b.cas[0], now) || renewDue(b.cert, now) || !slices.Equal(hostsOf(b.cert), s.wantHosts())
}

// wantHosts is the serving certificate's names as newServing writes them (DNS names first).
func (s *secretStore) wantHosts() []string {
	c := &x509.Certificate{}
	for _, h := range s.hosts {
		if ip := net.ParseIP(h); ip != nil {
			c.IPAddresses = append(c.IPAddresses, ip)
		} else {
			c.DNSNames = append(c.DNSNames, h)
		}
	}
	return hostsOf(c)
}

// issue makes the next bundle from current (nil: a new CA). The CA is renewed when due;
// the old CAs stay in the bundle until they expire, so that the API server keeps
// trusting a replica that still serves the previous certificate. The serving certificate
// is always issued anew, by the newest CA.
func (s *secretStore) issue(current *bundle) (*bundle, error) {
	now := s.now()
	next := &bundle{}
	if current != nil && !renewDue(current.cas[0], now) {
		next.cas, next.caKey = current.cas, current.caKey
	} else {
		ca, key, err := newCA(now, s.caValidity)
		if err != nil {
			return nil, err
		}
		next.cas, next.caKey = []*x509.Certificate{ca}, key
		if current != nil {
			next.cas = append(next.cas, current.cas...)
		}
	}
	next.cas = slices.DeleteFunc(next.cas, func(c *x509.Certificate) bool { return !now.Before(c.NotAfter) })
	var err error
	next.cert, next.certKey, err = newServing(now, s.tlsTTL, s.hosts, next.cas[0], next.caKey)
	return next, err
}
