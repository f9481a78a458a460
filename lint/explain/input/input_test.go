package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dnslint/dnslint/lint/explain"
)

func write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const twoPods = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [10.0.0.10]
    searches: [shop.svc.cluster.local]
    options: [{name: ndots, value: "2"}, {name: edns0}]
  containers: [{name: web, image: alpine:3.20}]
---
apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  containers: [{name: db, image: postgres:16}]
`

// A file with several workloads needs a name; the one named maps to explain's Pod.
func TestWorkload(t *testing.T) {
	p := write(t, "pods.yaml", twoPods)
	var choice *ChoiceError
	if _, err := Workload(p, ""); !errors.As(err, &choice) || !strings.Contains(err.Error(), "has 2 workloads, pick one with --workload NAME: Pod/web (line 2), Pod/db (line 13)") {
		t.Errorf("no name: %v", err)
	}
	if _, err := Workload(p, "cache"); !errors.As(err, &choice) || !strings.Contains(err.Error(), `no workload named "cache"`) {
		t.Errorf("unknown name: %v", err)
	}
	w, err := Workload(p, "web")
	if err != nil {
		t.Fatal(err)
	}
	pod := Pod(w)
	if pod.Namespace != "shop" || pod.DNSPolicy != "None" || strings.Join(pod.Nameservers, ",") != "10.0.0.10" || len(pod.Options) != 2 ||
		pod.Options[0] != (explain.Option{Name: "ndots", Value: "2", HasValue: true}) || pod.Options[1].HasValue {
		t.Errorf("pod %+v", pod)
	}
	if got := Images(w); len(got) != 1 || got[0] != "alpine:3.20" {
		t.Errorf("images %q", got)
	}
}

// A node's resolv.conf gives nameservers and options, and searches unless given.
func TestNode(t *testing.T) {
	p := write(t, "resolv.conf", "nameserver 10.0.0.2\nsearch corp.example\noptions ndots:1\n")
	n := explain.Node{}
	if err := Node(p, &n); err != nil {
		t.Fatal(err)
	}
	if strings.Join(n.Nameservers, ",") != "10.0.0.2" || strings.Join(n.Searches, ",") != "corp.example" || len(n.Options) != 1 || n.Options[0].Value != "1" {
		t.Errorf("node %+v", n)
	}
	kept := explain.Node{Searches: []string{"given"}}
	if err := Node(p, &kept); err != nil || strings.Join(kept.Searches, ",") != "given" {
		t.Errorf("searches given: %+v %v", kept, err)
	}
}

// The coredns ConfigMap's Corefile is picked among the files; none is an error.
func TestCorefile(t *testing.T) {
	cm := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n    .:53 {\n        forward . 10.0.0.1\n    }\n"
	cf, err := Corefile([]string{write(t, "coredns.yaml", cm)}, "aks")
	if err != nil || cf.Object == nil || cf.Object.Name != "coredns" || len(cf.ServerBlocks) != 1 {
		t.Errorf("corefile %+v %v", cf, err)
	}
	if _, err := Corefile([]string{write(t, "pods.yaml", twoPods)}, "aks"); err == nil || !strings.Contains(err.Error(), "no Corefile in") {
		t.Errorf("no Corefile: %v", err)
	}
	if def, err := Corefile(nil, ""); err != nil || def == nil {
		t.Errorf("default: %v", err)
	}
}

func TestScaler(t *testing.T) {
	ladder := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dns-autoscaler}\ndata:\n  ladder: '{\"nodesToReplicas\": [[1, 1], [3, 2]]}'\n"
	if s, err := Scaler(write(t, "ladder.yaml", ladder)); err != nil || s == nil {
		t.Errorf("ladder: %v", err)
	}
	if _, err := Scaler(write(t, "pods.yaml", twoPods)); err == nil || !strings.Contains(err.Error(), "no ConfigMap with a ladder or linear key") {
		t.Errorf("no autoscaler: %v", err)
	}
}
