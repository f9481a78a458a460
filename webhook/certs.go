package webhook

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/dnslint/dnslint/lint/source"
)

// maxPEMSize is the largest certificate or key file read: a chain of a few certificates
// is a few kilobytes, so a megabyte is no real file's limit, only a device's or a
// mistake's.
const maxPEMSize = 1 << 20

// CertReloader serves a certificate and key from files and reads them again when either
// file changes (cert-manager and kubelet secret volumes replace them in place). It checks
// on each TLS handshake: two stat calls, a reload only when a modification time or size
// differs. A reload reads regular files of at most maxPEMSize, without holding the lock
// that handshakes take, and one handshake at a time reloads: the others serve the
// current pair meanwhile. A pair that does not load (a key written before its
// certificate, a link to a device) keeps the previous one until the next handshake tries
// again.
type CertReloader struct {
	certFile, keyFile string
	log               *slog.Logger

	reloading sync.Mutex // held by the one handshake that reads the files

	mu      sync.Mutex // guards the fields below; never held while reading a file
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
	cv, cerr := version(r.certFile)
	kv, kerr := version(r.keyFile)
	current, changed := r.current(cv, kv)
	if current != nil && (cerr != nil || kerr != nil || !changed) {
		return current, nil
	}
	if current != nil {
		if !r.reloading.TryLock() {
			return current, nil // another handshake is reading the files
		}
	} else {
		r.reloading.Lock()
	}
	defer r.reloading.Unlock()
	cert, err := readPair(r.certFile, r.keyFile)
	r.mu.Lock()
	defer r.mu.Unlock()
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
	r.cert, r.certVer, r.keyVer = cert, cv, kv
	return r.cert, nil
}

// current returns the pair served now, and whether the files differ from it.
func (r *CertReloader) current(cv, kv fileVersion) (*tls.Certificate, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cert, cv != r.certVer || kv != r.keyVer
}

// readPair reads and parses a certificate and key through the guarded reader.
func readPair(certFile, keyFile string) (*tls.Certificate, error) {
	certPEM, err := source.ReadLimited(certFile, maxPEMSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", certFile, err)
	}
	keyPEM, err := source.ReadLimited(keyFile, maxPEMSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", keyFile, err)
	}
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, err
	}
	return &cert, nil
}

func version(name string) (fileVersion, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return fileVersion{}, err
	}
	return fileVersion{fi.ModTime(), fi.Size()}, nil
}
