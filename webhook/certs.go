package webhook

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// CertReloader serves a certificate and key from files and reads them again when either
// file changes (cert-manager and kubelet secret volumes replace them in place). It checks
// on each TLS handshake: two stat calls, a reload only when a modification time or size
// differs. A pair that does not load (a key written before its certificate) keeps the
// previous one until the next handshake tries again.
type CertReloader struct {
	certFile, keyFile string
	log               *slog.Logger

	mu      sync.Mutex
	cert    *tls.Certificate
	certVer fileVersion
	keyVer  fileVersion
}

type fileVersion struct {
	mod  time.Time
	size int64
}

// NewCertReloader loads the pair once; an error means the files do not hold a valid pair.
func NewCertReloader(certFile, keyFile string, log *slog.Logger) (*CertReloader, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &CertReloader{certFile: certFile, keyFile: keyFile, log: log}
	if _, err := r.load(); err != nil {
		return nil, err
	}
	return r, nil
}

// GetCertificate is tls.Config.GetCertificate.
func (r *CertReloader) GetCertificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	return r.load()
}

func (r *CertReloader) load() (*tls.Certificate, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	cv, cerr := version(r.certFile)
	kv, kerr := version(r.keyFile)
	if r.cert != nil && (cerr != nil || kerr != nil || cv == r.certVer && kv == r.keyVer) {
		return r.cert, nil
	}
	cert, err := tls.LoadX509KeyPair(r.certFile, r.keyFile)
	if err != nil {
		if r.cert != nil {
			r.log.Warn("cannot reload the serving certificate; keeping the previous one", "error", err)
			return r.cert, nil
		}
		return nil, fmt.Errorf("loading the serving certificate: %w", err)
	}
	if r.cert != nil {
		r.log.Info("serving certificate reloaded", "cert", r.certFile)
	}
	r.cert, r.certVer, r.keyVer = &cert, cv, kv
	return r.cert, nil
}

func version(name string) (fileVersion, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return fileVersion{}, err
	}
	return fileVersion{fi.ModTime(), fi.Size()}, nil
}
