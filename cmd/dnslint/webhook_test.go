package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestWebhookAndAuditUsage(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"webhook"}, "webhook needs --tls-cert-file and --tls-private-key-file"},
		{[]string{"webhook", "--tls-cert-file", "c", "--tls-private-key-file", "k", "--deny-on", "fatal"}, "--deny-on"},
		{[]string{"webhook", "--tls-cert-file", "c", "--tls-private-key-file", "k", "--log-format", "xml"}, "--log-format"},
		{[]string{"webhook", "--tls-cert-file", filepath.Join(dir, "none.crt"), "--tls-private-key-file", filepath.Join(dir, "none.key")}, "loading the serving certificate"},
		{[]string{"webhook", "extra"}, "unknown command"},
		{[]string{"webhook", "--tls-cert-file", "c", "--tls-private-key-file", "k", "--memory-limit", "lots"}, "--memory-limit"},
		{[]string{"webhook", "--tls-cert-file", "c", "--tls-private-key-file", "k", "--memory-limit", "-1Mi"}, "want a positive size"},
		{[]string{"audit", "--kubeconfig", filepath.Join(dir, "missing")}, "kubeconfig"},
		{[]string{"audit", "--format", "yaml"}, "yaml"},
	}
	for _, c := range cases {
		var stdout, stderr bytes.Buffer
		code := run(c.args, strings.NewReader(""), &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
}

func TestSoftMemoryLimitLeavesRoomForTheExecutable(t *testing.T) {
	cases := []struct {
		limit, exe int64
		soft       int64
		roomy      bool
	}{
		{384 << 20, 146 << 20, 238 << 20, true},  // the Deployment's limit and the linux binary
		{256 << 20, 146 << 20, 128 << 20, false}, // less than the live heap's half: raised to it
		{256 << 20, 0, 256 << 20, true},          // the executable not found
	}
	for _, c := range cases {
		if soft, roomy := softMemoryLimit(c.limit, c.exe, 0.5); soft != c.soft || roomy != c.roomy {
			t.Errorf("limit %d MiB, executable %d MiB: %d MiB, roomy %v; want %d MiB, %v", c.limit>>20, c.exe>>20, soft>>20, roomy, c.soft>>20, c.roomy)
		}
	}
}

func TestWebhookMemoryLimitFlag(t *testing.T) {
	for flag, want := range map[string]int64{"256Mi": 256 << 20, "1G": 1e9, "none": 0} {
		if got, err := webhookMemoryLimit(flag); err != nil || got != want {
			t.Errorf("--memory-limit=%s: %d, %v; want %d", flag, got, err, want)
		}
	}
}
