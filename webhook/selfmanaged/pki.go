package selfmanaged

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"slices"
	"time"
)

// backdate is how far before its issue a certificate starts to be valid, for clocks that
// lag behind the issuing replica's.
const backdate = 5 * time.Minute

// bundle is what the Secret holds: the CA certificates the API server trusts (the newest
// first, older ones until they expire, so a rotation never leaves a served certificate
// without its CA in the caBundle), the newest CA's key, and the serving pair signed by it.
type bundle struct {
	cas     []*x509.Certificate
	caKey   *ecdsa.PrivateKey
	cert    *x509.Certificate
	certKey *ecdsa.PrivateKey
}

// Secret keys. tls.crt and tls.key are a kubernetes.io/tls Secret's; ca.crt is the
// caBundle, ca.key the key of its first certificate.
const (
	keyCACert  = "ca.crt"
	keyCAKey   = "ca.key"
	keyTLSCert = "tls.crt"
	keyTLSKey  = "tls.key"
)

func newKey() (*ecdsa.PrivateKey, error) { return ecdsa.GenerateKey(elliptic.P256(), rand.Reader) }

func serial() (*big.Int, error) { return rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127)) }

// newCA issues a self-signed CA valid for validity from now.
func newCA(now time.Time, validity time.Duration) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	return issue(&x509.Certificate{
		Subject:   pkix.Name{CommonName: "dnslint-webhook-ca@" + now.UTC().Format(time.RFC3339)},
		NotBefore: now.Add(-backdate), NotAfter: now.Add(validity),
		IsCA: true, BasicConstraintsValid: true, MaxPathLenZero: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}, nil, nil)
}

// newServing issues the serving certificate for hosts (DNS names or IP addresses), signed
// by ca, valid for validity from now but never past the CA.
func newServing(now time.Time, validity time.Duration, hosts []string, ca *x509.Certificate, caKey *ecdsa.PrivateKey) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	notAfter := now.Add(validity)
	if ca.NotAfter.Before(notAfter) {
		notAfter = ca.NotAfter
	}
	tmpl := &x509.Certificate{
		Subject:   pkix.Name{CommonName: hosts[0]},
		NotBefore: now.Add(-backdate), NotAfter: notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	return issue(tmpl, ca, caKey)
}

// issue gives tmpl a new key and serial number and signs it with parentKey as parent
// (nil: self-signed).
func issue(tmpl, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := newKey()
	if err != nil {
		return nil, nil, err
	}
	if tmpl.SerialNumber, err = serial(); err != nil {
		return nil, nil, err
	}
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return cert, key, err
}

// hosts is the certificate's names and addresses, as given to newServing.
func hostsOf(c *x509.Certificate) []string {
	out := slices.Clone(c.DNSNames)
	for _, ip := range c.IPAddresses {
		out = append(out, ip.String())
	}
	return out
}

func certsPEM(certs ...*x509.Certificate) []byte {
	var b bytes.Buffer
	for _, c := range certs {
		_ = pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	return b.Bytes()
}

func keyPEM(k *ecdsa.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}), nil
}

func parseCerts(b []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for {
		var block *pem.Block
		block, b = pem.Decode(b)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New("no certificate")
	}
	return out, nil
}

func parseKey(b []byte) (*ecdsa.PrivateKey, error) {
	block, _ := pem.Decode(b)
	if block == nil || block.Type != "EC PRIVATE KEY" {
		return nil, errors.New("no EC PRIVATE KEY block")
	}
	return x509.ParseECPrivateKey(block.Bytes)
}

// data is the bundle as Secret data.
func (b *bundle) data() (map[string][]byte, error) {
	caKey, err := keyPEM(b.caKey)
	if err != nil {
		return nil, err
	}
	certKey, err := keyPEM(b.certKey)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		keyCACert: certsPEM(b.cas...), keyCAKey: caKey,
		keyTLSCert: certsPEM(b.cert), keyTLSKey: certKey,
	}, nil
}

// parseBundle reads Secret data, and checks that the serving certificate is the pair of its
// key and is signed by the first CA, whose key ca.key is.
func parseBundle(data map[string][]byte) (*bundle, error) {
	b := &bundle{}
	var err error
	if b.cas, err = parseCerts(data[keyCACert]); err != nil {
		return nil, fmt.Errorf("%s: %w", keyCACert, err)
	}
	if b.caKey, err = parseKey(data[keyCAKey]); err != nil {
		return nil, fmt.Errorf("%s: %w", keyCAKey, err)
	}
	certs, err := parseCerts(data[keyTLSCert])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", keyTLSCert, err)
	}
	b.cert = certs[0]
	if b.certKey, err = parseKey(data[keyTLSKey]); err != nil {
		return nil, fmt.Errorf("%s: %w", keyTLSKey, err)
	}
	if !b.caKey.PublicKey.Equal(b.cas[0].PublicKey) {
		return nil, fmt.Errorf("%s is not the key of the first certificate of %s", keyCAKey, keyCACert)
	}
	if !b.certKey.PublicKey.Equal(b.cert.PublicKey) {
		return nil, fmt.Errorf("%s is not the key of %s", keyTLSKey, keyTLSCert)
	}
	if err := b.cert.CheckSignatureFrom(b.cas[0]); err != nil {
		return nil, fmt.Errorf("%s is not signed by the first certificate of %s: %w", keyTLSCert, keyCACert, err)
	}
	return b, nil
}

// tlsCertificate is the serving pair for crypto/tls.
func (b *bundle) tlsCertificate() (*tls.Certificate, error) {
	k, err := keyPEM(b.certKey)
	if err != nil {
		return nil, err
	}
	c, err := tls.X509KeyPair(certsPEM(b.cert), k)
	return &c, err
}
