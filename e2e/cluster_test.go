package e2e

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// cluster is etcd, kube-apiserver and the dnslint webhook, on 127.0.0.1, in dir.
type cluster struct {
	dir        string
	ca         *certAuthority
	etcdURL    string
	apiURL     string
	webhookURL string
	dnslint    string       // the dnslint binary
	image      *imageBundle // when set, the webhook runs from this image instead
	procs      []*exec.Cmd
	procNames  []string // the log name of each of procs
}

// Tokens of the static token file.
const (
	adminToken   = "dnslint-e2e-admin"
	webhookToken = "dnslint-e2e-webhook"
	// webhookUser is the user the deployed webhook runs as; deploy/base/rbac.yaml grants it
	// read access to kube-system's ConfigMaps.
	webhookUser = "system:serviceaccount:dnslint-system:dnslint-webhook"
	// chartToken is the user of the Helm chart's webhook (release dnslint in dnslint-helm).
	chartToken = "dnslint-e2e-chart"
	chartUser  = "system:serviceaccount:dnslint-helm:dnslint"
)

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// start runs a process with its output in dir/name.log, in its own process group.
func (c *cluster) start(name string, bin string, args ...string) error {
	cmd := exec.Command(bin, args...)
	cmd.Dir = c.dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return c.startCmd(name, cmd)
}

// startCmd starts cmd (its own process group set in SysProcAttr) with its output in
// dir/name.log.
func (c *cluster) startCmd(name string, cmd *exec.Cmd) error {
	logf, err := os.Create(filepath.Join(c.dir, name+".log"))
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	// Nothing may leave the machine: no proxy for the API server's webhook calls.
	cmd.Env = append(os.Environ(), "NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost", "HTTPS_PROXY=", "HTTP_PROXY=", "https_proxy=", "http_proxy=")
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("starting %s: %w", name, err)
	}
	c.procs = append(c.procs, cmd)
	c.procNames = append(c.procNames, name)
	return nil
}

// stopProc ends the process started as name (see stop).
func (c *cluster) stopProc(name string) {
	for i, n := range c.procNames {
		if n == name {
			terminate(c.procs[i])
			c.procs = append(c.procs[:i], c.procs[i+1:]...)
			c.procNames = append(c.procNames[:i], c.procNames[i+1:]...)
			return
		}
	}
}

// terminate sends SIGTERM to p's process group, then SIGKILL after 10 s.
func terminate(p *exec.Cmd) {
	_ = syscall.Kill(-p.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-p.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

// stop ends the processes, last started first: SIGTERM, then SIGKILL after 10 s.
func (c *cluster) stop() {
	for i := len(c.procs) - 1; i >= 0; i-- {
		terminate(c.procs[i])
	}
	c.procs, c.procNames = nil, nil
}

// logTail returns the end of a process's log, for failure messages.
func (c *cluster) logTail(name string) string {
	b, _ := os.ReadFile(filepath.Join(c.dir, name+".log"))
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// waitHTTP polls url until it answers 200 (with the bearer token, if any).
func waitHTTP(ctx context.Context, client *http.Client, url, token string, within time.Duration) error {
	deadline := time.Now().Add(within)
	var last error
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = errors.New(resp.Status)
		}
		last = err
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready after %s: %v", url, within, last)
}

// bringUp starts etcd, kube-apiserver and the webhook. The webhook's RBAC is created
// before it starts (its informer needs it); its configuration is registered by the test.
func bringUp(ctx context.Context, dir, apiserver, etcd, dnslint string, image *imageBundle, beforeWebhook func(*cluster) error) (*cluster, error) {
	c := &cluster{dir: dir, dnslint: dnslint, image: image}
	ok := false
	defer func() {
		if !ok {
			c.stop()
		}
	}()
	var err error
	if c.ca, err = newCA(); err != nil {
		return nil, err
	}
	ports := make([]int, 4)
	for i := range ports {
		if ports[i], err = freePort(); err != nil {
			return nil, err
		}
	}
	etcdPort, peerPort, apiPort, webhookPort := ports[0], ports[1], ports[2], ports[3]
	c.etcdURL = fmt.Sprintf("http://127.0.0.1:%d", etcdPort)
	c.apiURL = fmt.Sprintf("https://127.0.0.1:%d", apiPort)
	c.webhookURL = fmt.Sprintf("https://127.0.0.1:%d", webhookPort)

	// Certificates: the API server's and the webhook's serving certificates for 127.0.0.1,
	// signed by one CA; a key pair for service-account tokens.
	files := map[string][]byte{}
	for _, name := range []string{"apiserver", "webhook"} {
		cert, key, err := c.ca.issue(name)
		if err != nil {
			return nil, err
		}
		files[name+".crt"], files[name+".key"] = cert, key
	}
	files["ca.crt"] = c.ca.certPEM
	saKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	saPub, err := x509.MarshalPKIXPublicKey(&saKey.PublicKey)
	if err != nil {
		return nil, err
	}
	files["sa.key"] = pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(saKey)})
	files["sa.pub"] = pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: saPub})
	files["tokens.csv"] = []byte(fmt.Sprintf("%s,admin,1,\"system:masters\"\n%s,%s,2\n%s,%s,3\n", adminToken, webhookToken, webhookUser, chartToken, chartUser))
	files["webhook.kubeconfig"] = kubeconfig(c.apiURL, c.ca.certPEM, webhookToken)
	files["chart.kubeconfig"] = kubeconfig(c.apiURL, c.ca.certPEM, chartToken)
	files["admin.kubeconfig"] = kubeconfig(c.apiURL, c.ca.certPEM, adminToken)
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			return nil, err
		}
	}
	path := func(name string) string { return filepath.Join(dir, name) }

	if err := c.start("etcd", etcd,
		"--name=e2e", "--data-dir="+path("etcd"),
		"--listen-client-urls="+c.etcdURL, "--advertise-client-urls="+c.etcdURL,
		fmt.Sprintf("--listen-peer-urls=http://127.0.0.1:%d", peerPort),
		fmt.Sprintf("--initial-advertise-peer-urls=http://127.0.0.1:%d", peerPort),
		fmt.Sprintf("--initial-cluster=e2e=http://127.0.0.1:%d", peerPort),
		"--listen-metrics-urls=", "--log-level=warn",
	); err != nil {
		return nil, err
	}
	plain := &http.Client{Timeout: 5 * time.Second}
	if err := waitHTTP(ctx, plain, c.etcdURL+"/health", "", 60*time.Second); err != nil {
		return nil, fmt.Errorf("etcd: %w\n%s", err, c.logTail("etcd"))
	}

	if err := c.start("kube-apiserver", apiserver,
		"--etcd-servers="+c.etcdURL,
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", fmt.Sprintf("--secure-port=%d", apiPort),
		"--tls-cert-file="+path("apiserver.crt"), "--tls-private-key-file="+path("apiserver.key"),
		"--client-ca-file="+path("ca.crt"), "--cert-dir="+path("apiserver-certs"),
		"--token-auth-file="+path("tokens.csv"), "--authorization-mode=RBAC",
		"--service-account-issuer="+c.apiURL, "--service-account-key-file="+path("sa.pub"),
		"--service-account-signing-key-file="+path("sa.key"),
		"--disable-admission-plugins=ServiceAccount", "--service-cluster-ip-range=10.96.0.0/24",
		"--profiling=false", "--v=1",
	); err != nil {
		return nil, err
	}
	tlsClient := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
		Proxy: nil, TLSClientConfig: &tls.Config{RootCAs: c.ca.pool, MinVersion: tls.VersionTLS12},
	}}
	if err := waitHTTP(ctx, tlsClient, c.apiURL+"/readyz", adminToken, 3*time.Minute); err != nil {
		return nil, fmt.Errorf("kube-apiserver: %w\n%s", err, c.logTail("kube-apiserver"))
	}

	if beforeWebhook != nil {
		if err := beforeWebhook(c); err != nil {
			return nil, err
		}
	}
	if err := c.startWebhook("webhook",
		"--listen="+strings.TrimPrefix(c.webhookURL, "https://"),
		"--tls-cert-file="+path("webhook.crt"), "--tls-private-key-file="+path("webhook.key"),
		"--kubeconfig="+path("webhook.kubeconfig"), "--log-format=text",
	); err != nil {
		return nil, err
	}
	if err := waitHTTP(ctx, tlsClient, c.webhookURL+"/readyz", "", 60*time.Second); err != nil {
		return nil, fmt.Errorf("webhook: %w\n%s", err, c.logTail("webhook"))
	}
	ok = true
	return c, nil
}

func kubeconfig(server string, caPEM []byte, token string) []byte {
	return fmt.Appendf(nil, `apiVersion: v1
kind: Config
clusters:
- name: e2e
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: e2e
  user:
    token: %s
contexts:
- name: e2e
  context: {cluster: e2e, user: e2e}
current-context: e2e
`, server, b64(caPEM), token)
}

// certAuthority signs the serving certificates.
type certAuthority struct {
	cert    *x509.Certificate
	key     *ecdsa.PrivateKey
	certPEM []byte
	pool    *x509.CertPool
	serial  int64
}

func newCA() (*certAuthority, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "dnslint e2e CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &certAuthority{cert: cert, key: key, pool: pool, serial: 1,
		certPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}, nil
}

// issue returns a serving certificate for 127.0.0.1 and localhost, and its key (PEM).
func (ca *certAuthority) issue(cn string) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	ca.serial++
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(ca.serial), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		return nil, nil, err
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), nil
}

func tlsConfig(ca *certAuthority) *tls.Config {
	return &tls.Config{RootCAs: ca.pool, MinVersion: tls.VersionTLS12}
}
