package webhook

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// serial is the serial number of the certificate a reloader serves now.
func servedSerial(t *testing.T, r *CertReloader) int64 {
	t.Helper()
	c, err := r.GetCertificate(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Leaf == nil {
		t.Fatal("no parsed leaf")
	}
	return c.Leaf.SerialNumber.Int64()
}

// replaceWith makes name a symbolic link to target (a secret volume swaps files the same way).
func replaceWith(t *testing.T, name, target string) {
	t.Helper()
	if err := os.Remove(name); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// TestCertReloaderRefusesDevices: a certificate path that links to /dev/zero was read
// without limit (23 GB, then the OOM killer) under the handshake lock. It is not read
// at all: at start it is an error that names the file, on reload the previous pair stays.
func TestCertReloaderRefusesDevices(t *testing.T) {
	dir := t.TempDir()
	ca := newCA(t)
	certFile, keyFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	ca.issue(t, certFile, keyFile, 100)
	r, err := NewCertReloader(certFile, keyFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	replaceWith(t, certFile, "/dev/zero")
	if s := servedSerial(t, r); s != 100 {
		t.Errorf("after the certificate became /dev/zero: serial %d, want 100", s)
	}
	_, err = NewCertReloader(certFile, keyFile, nil)
	if !errors.Is(err, source.ErrNotRegular) || !strings.Contains(err.Error(), certFile+": not a regular file (device)") {
		t.Errorf("starting on /dev/zero: %v", err)
	}
	// A named pipe in place of the key would block whoever opens it.
	ca.issue(t, filepath.Join(dir, "good.crt"), filepath.Join(dir, "good.key"), 101)
	pipe := filepath.Join(dir, "pipe.key")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = NewCertReloader(filepath.Join(dir, "good.crt"), pipe, nil)
	if !errors.Is(err, source.ErrNotRegular) || !strings.Contains(err.Error(), "not a regular file (named pipe)") {
		t.Errorf("starting on a named pipe: %v", err)
	}
}

// TestCertReloaderOverSizeLimit: a file over maxPEMSize is not read.
func TestCertReloaderOverSizeLimit(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	newCA(t).issue(t, certFile, keyFile, 100)
	f, err := os.OpenFile(certFile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(make([]byte, maxPEMSize)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := NewCertReloader(certFile, keyFile, nil); !errors.Is(err, source.ErrTooLarge) {
		t.Errorf("a certificate over %d bytes: %v", maxPEMSize, err)
	}
}

// TestCertReloadDoesNotBlockHandshakes: while one handshake reads the files, the others
// are served the current pair, and the handshake lock is free (the test holds the reload
// itself: were the files read under the lock, or were a second reader to wait, this
// test would never end).
func TestCertReloadDoesNotBlockHandshakes(t *testing.T) {
	dir := t.TempDir()
	ca := newCA(t)
	certFile, keyFile := filepath.Join(dir, "tls.crt"), filepath.Join(dir, "tls.key")
	ca.issue(t, certFile, keyFile, 100)
	r, err := NewCertReloader(certFile, keyFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.reloading.Lock() // a reload in progress
	ca.issue(t, certFile, keyFile, 101)
	r.certVer = fileVersion{} // the files changed
	if s := servedSerial(t, r); s != 100 {
		t.Errorf("during a reload: serial %d, want the current 100", s)
	}
	if !r.mu.TryLock() {
		t.Fatal("the handshake lock is held during a reload")
	}
	r.mu.Unlock()
	r.reloading.Unlock()
	if s := servedSerial(t, r); s != 101 {
		t.Errorf("after the reload: serial %d, want 101", s)
	}
}
