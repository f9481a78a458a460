package kube

import (
	"encoding/json"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
	k8syaml "sigs.k8s.io/yaml"
)

const dupPod = `apiVersion: v1
kind: Pod
metadata:
  name: resolver
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [10.0.0.10]
  containers:
    - name: app
      image: busybox:1.36
  dnsPolicy: ClusterFirst
`

// A key written twice: dnslint reads the value kubectl sends, and reports the dropped one.
// kubectl converts YAML to JSON with sigs.k8s.io/yaml (k8s.io/apimachinery
// pkg/util/yaml.YAMLOrJSONDecoder), so that library is the reference here.
func TestDuplicateKeyLastWinsAsKubectl(t *testing.T) {
	j, err := k8syaml.YAMLToJSON([]byte(dupPod))
	if err != nil {
		t.Fatal(err)
	}
	var sent struct {
		Spec struct {
			DNSPolicy string `json:"dnsPolicy"`
		} `json:"spec"`
	}
	if err := json.Unmarshal(j, &sent); err != nil {
		t.Fatal(err)
	}
	r, err := Parse("pod.yaml", []byte(dupPod))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Workloads[0].Pod.DNSPolicy.Text; got != sent.Spec.DNSPolicy {
		t.Errorf("dnslint reads dnsPolicy %q, kubectl sends %q", got, sent.Spec.DNSPolicy)
	}
	if len(r.DuplicateKeys) != 1 {
		t.Fatalf("duplicates %+v, want 1", r.DuplicateKeys)
	}
	d := r.DuplicateKeys[0]
	if d.Key.Pos.Line != 6 || d.Value != "None" || d.Kept.Pos.Line != 12 || d.KeptValue != sent.Spec.DNSPolicy || d.Object.Name != "resolver" || d.Object.Kind != "Pod" {
		t.Errorf("duplicate %+v", d)
	}
	// What the finding quotes: strict decoders refuse the document.
	if _, err := k8syaml.YAMLToJSONStrict([]byte(dupPod)); err == nil || !strings.Contains(err.Error(), `key "dnsPolicy" already set in map`) {
		t.Errorf("YAMLToJSONStrict: %v", err)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(dupPod), &m); err == nil || !strings.Contains(err.Error(), `line 12: mapping key "dnsPolicy" already defined at line 6`) {
		t.Errorf("yaml.v3 (kustomize): %v", err)
	}
}

// Keys dnslint does not read are not reported; a ConfigMap's data keys all are, and a
// triple key is reported at both dropped occurrences.
func TestDuplicateKeysReported(t *testing.T) {
	body := `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
  labels: {a: "1", a: "2"}
data:
  Corefile: |
    .:53 {
        forward . 10.0.0.1
    }
  Corefile: |
    .:53 {
        forward . 10.0.0.2
    }
  Corefile: |
    .:53 {
        forward . 10.0.0.3
    }
`
	r, err := Parse("cm.yaml", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, d := range r.DuplicateKeys {
		lines = append(lines, d.Key.Pos.Line)
		if d.Kept.Pos.Line != 16 || d.Object.Name != "coredns" {
			t.Errorf("duplicate %+v", d)
		}
	}
	if len(lines) != 2 || lines[0] != 8 || lines[1] != 12 {
		t.Errorf("reported at lines %v, want [8 12] (labels are not read)", lines)
	}
	if len(r.Corefiles) != 1 || !strings.Contains(string(r.Corefiles[0].Text.Body), "10.0.0.3") {
		t.Errorf("the Corefile read is not the last one")
	}
}

// A key written a hundred thousand times in a ConfigMap's data: linear work, and at most
// maxDuplicateKeys of them reported.
func TestManyDuplicateKeysAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns-custom\ndata:\n")
	for range 100000 {
		b.WriteString("  a.override: log\n")
	}
	r, err := Parse("cm.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.DuplicateKeys); n != maxDuplicateKeys {
		t.Errorf("%d duplicates reported, want %d", n, maxDuplicateKeys)
	}
	if d := r.DuplicateKeys[0]; d.Key.Pos.Line != 6 || d.Kept.Pos.Line != 100005 {
		t.Errorf("first duplicate %+v", d)
	}
}
