package main

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/dnslint/dnslint/internal/reviewgen"
)

// floodScenario is one way to run the webhook against the flood.
type floodScenario struct {
	name string
	args []string
}

// runFlood sends n copies of issue 10's review (a 1 MiB coredns-custom of 36,920 small
// .server keys) at once to a fresh webhook per scenario — the budgets as shipped, and
// with the key and token budgets lifted so that only the heap guard and the deadline
// stand — and prints, per scenario, how the reviews were answered, the slowest answer
// and the webhook's peak resident memory (rusage), against the Deployment's limit.
func runFlood(bin string, n int, memoryLimit string) error {
	limit, err := deploymentMemoryLimit()
	if err != nil {
		return err
	}
	if memoryLimit == "" {
		memoryLimit = fmt.Sprint(limit)
	}
	body := reviewgen.Flood("flood")
	fmt.Printf("%d concurrent reviews of %d bytes (%d .server keys), `--memory-limit=%s --max-in-flight=%d`; the Deployment's memory limit: %d MiB, timeoutSeconds 5\n\n",
		n, len(body), reviewgen.FloodKeys, memoryLimit, n, limit>>20)
	fmt.Println("| budgets | answers | max latency | peak RSS |")
	fmt.Println("|---|---|---:|---:|")
	for _, sc := range []floodScenario{
		{"as shipped (256 keys, 65,536 tokens)", nil},
		{"keys and tokens unbounded: heap guard and deadline only", []string{"--max-keys=1000000", "--max-tokens=100000000"}},
	} {
		args := append([]string{"--memory-limit=" + memoryLimit, fmt.Sprintf("--max-in-flight=%d", n)}, sc.args...)
		answers, slowest, rss, err := floodOnce(bin, body, n, args)
		if err != nil {
			return err
		}
		fmt.Printf("| %s | %s | %s | %d MiB |\n", sc.name, answers, ms(slowest), rss>>20)
	}
	fmt.Println()
	return nil
}

// floodOnce starts a webhook with args, sends n copies of body at once, and stops it.
func floodOnce(bin string, body []byte, n int, args []string) (answers string, slowest time.Duration, rss int64, err error) {
	dir, err := os.MkdirTemp("", "webhookload")
	if err != nil {
		return "", 0, 0, err
	}
	defer os.RemoveAll(dir)
	pool, err := writeCert(dir)
	if err != nil {
		return "", 0, 0, err
	}
	addr, err := freeAddr()
	if err != nil {
		return "", 0, 0, err
	}
	cmd := exec.Command(bin, append([]string{"webhook", "--listen", addr, "--tls-cert-file", filepath.Join(dir, "tls.crt"),
		"--tls-private-key-file", filepath.Join(dir, "tls.key"), "--log-format=text"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOMEMLIMIT=")
	if err := cmd.Start(); err != nil {
		return "", 0, 0, err
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}}}
	base := "https://" + addr
	if err := waitReady(client, base+"/readyz"); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return "", 0, 0, err
	}
	var mu sync.Mutex
	counts := map[string]int{}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			start := time.Now()
			what := answer(client, base+"/validate?timeout=5s", body)
			took := time.Since(start)
			mu.Lock()
			defer mu.Unlock()
			counts[what]++
			slowest = max(slowest, took)
		})
	}
	wg.Wait()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024
	}
	var parts []string
	for what, c := range counts {
		parts = append(parts, fmt.Sprintf("%d× %s", c, what))
	}
	return strings.Join(parts, "; "), slowest, rss, nil
}

// answer posts one review and says how it was answered.
func answer(c *http.Client, url string, body []byte) string {
	resp, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return "transport error"
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out struct {
		Response *struct {
			Allowed bool
			Status  *struct{ Message string }
		}
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &out) != nil || out.Response == nil {
		return fmt.Sprintf("HTTP %d", resp.StatusCode)
	}
	if out.Response.Allowed {
		return "allowed"
	}
	msg := ""
	if out.Response.Status != nil {
		msg = out.Response.Status.Message
	}
	for _, b := range []string{"--max-keys", "--max-tokens", "deadline", "heap"} {
		if strings.Contains(msg, b) {
			return "denied (" + b + ")"
		}
	}
	return "denied (findings)"
}

// deploymentMemoryLimit is the webhook container's memory limit in deploy/base.
func deploymentMemoryLimit() (int64, error) {
	b, err := os.ReadFile("deploy/base/deployment.yaml")
	if err != nil {
		return 0, err
	}
	var d appsv1.Deployment
	if err := sigsyaml.Unmarshal(b, &d); err != nil {
		return 0, err
	}
	for _, c := range d.Spec.Template.Spec.Containers {
		if q, ok := c.Resources.Limits["memory"]; ok {
			return q.Value(), nil
		}
	}
	return 0, fmt.Errorf("deploy/base/deployment.yaml: no memory limit")
}
