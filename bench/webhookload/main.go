// Command webhookload measures `dnslint webhook` under load, over TLS on loopback: it
// starts the webhook with a throw-away certificate, sends AdmissionReviews at fixed rates
// (open loop: requests leave on schedule whether or not earlier ones returned) and prints
// a Markdown table of achieved rate, p50/p99/max latency of the answered reviews, the
// reviews refused as overloaded (HTTP 503) and failed requests per rate,
// then checks that a malformed and an oversized review get HTTP errors. With -flood N it
// sends N copies of the largest coredns-custom the API server accepts at once instead
// (flood.go).
//
//	go run ./bench/webhookload -dnslint bin/dnslint -rates 100,250,500,1000 -duration 10s
//	go run ./bench/webhookload -dnslint bin/dnslint -flood 6
package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	bin := flag.String("dnslint", "bin/dnslint", "dnslint binary")
	rates := flag.String("rates", "100,250,500,1000", "request rates to try, per second")
	duration := flag.Duration("duration", 10*time.Second, "time at each rate")
	profile := flag.String("cpu-profile", "", "have the webhook write a CPU profile to this file")
	flood := flag.Int("flood", 0, "instead of the load: send this many 1 MiB coredns-custom reviews at once (issue 10) and report answers, latency and peak memory")
	memoryLimit := flag.String("memory-limit", "", "with -flood: the webhook's --memory-limit (default: the Deployment's, from deploy/base/deployment.yaml)")
	flag.Parse()
	// The webhook runs in a directory of its own: the binary's path must not depend on ours.
	abs, err := filepath.Abs(*bin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "webhookload:", err)
		os.Exit(1)
	}
	*bin = abs
	if *flood > 0 {
		err = runFlood(*bin, *flood, *memoryLimit)
	} else {
		err = run(*bin, *rates, *duration, *profile)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webhookload:", err)
		os.Exit(1)
	}
}

func run(bin, rates string, d time.Duration, profile string) error {
	dir, err := os.MkdirTemp("", "webhookload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	pool, err := writeCert(dir)
	if err != nil {
		return err
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	args := []string{"webhook", "--listen", addr, "--tls-cert-file", filepath.Join(dir, "tls.crt"), "--tls-private-key-file", filepath.Join(dir, "tls.key")}
	if profile != "" {
		args = append(args, "--cpu-profile", profile)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}, MaxIdleConnsPerHost: 512, MaxConnsPerHost: 0,
	}}
	base := "https://" + addr
	if err := waitReady(client, base+"/readyz"); err != nil {
		return err
	}
	bodies := reviews()
	fmt.Println("| rate (req/s) | achieved | p50 | p99 | max | overloaded (503) | slowest 503 | failed |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range strings.Split(rates, ",") {
		rate, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil {
			return err
		}
		res := load(client, base+"/validate", bodies, rate, d)
		fmt.Printf("| %d | %.0f | %s | %s | %s | %d | %s | %d |\n", rate, res.achieved, ms(res.p50), ms(res.p99), ms(res.max), res.overloaded, ms(res.max503), res.failed)
	}
	fmt.Println()
	for name, body := range map[string][]byte{"malformed": []byte("{not json"), "oversized": bytes.Repeat([]byte("x"), 8<<20)} {
		resp, err := client.Post(base+"/validate", "application/json", bytes.NewReader(body))
		if err != nil {
			fmt.Printf("- %s review: error %v\n", name, err)
			continue
		}
		resp.Body.Close()
		fmt.Printf("- %s review: HTTP %d\n", name, resp.StatusCode)
	}
	return nil
}

type result struct {
	achieved      float64
	p50, p99, max time.Duration
	failed        int
	// overloaded are the requests the webhook refused with HTTP 503 for want of a free
	// slot (a fast error, not a failure of the webhook); max503 is the slowest of them.
	overloaded int
	max503     time.Duration
}

// load sends requests on a fixed schedule for d and measures each one.
func load(c *http.Client, url string, bodies [][]byte, rate int, d time.Duration) result {
	var mu sync.Mutex
	var lat []time.Duration
	failed, overloaded, max503 := 0, 0, time.Duration(0)
	var wg sync.WaitGroup
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			wg.Wait()
			elapsed := time.Since(start)
			slices.Sort(lat)
			r := result{achieved: float64(len(lat)) / elapsed.Seconds(), failed: failed, overloaded: overloaded, max503: max503}
			if n := len(lat); n > 0 {
				r.p50, r.p99, r.max = lat[n/2], lat[min(n-1, n*99/100)], lat[n-1]
			}
			return r
		case <-tick.C:
		}
		body := bodies[i%len(bodies)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			resp, err := c.Post(url, "application/json", bytes.NewReader(body))
			ok := err == nil && resp.StatusCode == http.StatusOK
			busy := err == nil && resp.StatusCode == http.StatusServiceUnavailable
			if err == nil {
				var v struct {
					Response *struct{ UID string } `json:"response"`
				}
				ok = ok && json.NewDecoder(resp.Body).Decode(&v) == nil && v.Response != nil
				resp.Body.Close()
			}
			mu.Lock()
			defer mu.Unlock()
			switch {
			case busy:
				overloaded++
				max503 = max(max503, time.Since(t0))
				return
			case !ok:
				failed++
				return
			}
			lat = append(lat, time.Since(t0))
		}()
	}
}

// reviews is a mix of AdmissionReviews: a clean pod, a pod with high ndots, a broken
// coredns-custom ConfigMap and a clean one.
func reviews() [][]byte {
	objs := []string{
		`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"shop"},"spec":{"containers":[{"name":"web","image":"nginx"}]}}`,
		`{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"shop"},"spec":{"template":{"spec":{"containers":[{"name":"api","image":"api"}],"dnsConfig":{"options":[{"name":"ndots","value":"10"}]}}}}}`,
		`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"coredns-custom","namespace":"kube-system"},"data":{"stub":"example.com:53 {\n    forward . 10.0.0.1\n}\n","x.override":"force_tcp\n"}}`,
		`{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"coredns-custom","namespace":"kube-system"},"data":{"stub.server":"example.com:53 {\n    errors\n    cache 30\n    forward . 10.0.0.1\n}\n"}}`,
	}
	var out [][]byte
	for i, o := range objs {
		kind := map[bool]string{true: "ConfigMap", false: "Pod"}[strings.Contains(o, `"ConfigMap"`)]
		group, version, resource := "", "v1", "pods"
		switch {
		case kind == "ConfigMap":
			resource = "configmaps"
		case strings.Contains(o, `"Deployment"`):
			group, resource, kind = "apps", "deployments", "Deployment"
		}
		out = append(out, []byte(fmt.Sprintf(`{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"load-%d","kind":{"group":%q,"version":%q,"kind":%q},"resource":{"group":%q,"version":%q,"resource":%q},"namespace":"kube-system","operation":"CREATE","userInfo":{"username":"load"},"object":%s}}`,
			i, group, version, kind, group, version, resource, o)))
	}
	return out
}

func waitReady(c *http.Client, url string) error {
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := c.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("the webhook did not become ready at %s", url)
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// writeCert writes a self-signed certificate for 127.0.0.1 and returns a pool trusting it.
func writeCert(dir string) (*x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "dnslint-load"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "tls.crt"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "tls.key"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		return nil, err
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
