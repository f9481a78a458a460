package render

import "testing"

// TestScanKeys: the key path each line starts, in YAML and in a Helm template.
func TestScanKeys(t *testing.T) {
	text := `# a comment
apiVersion: v1
kind: Pod
spec:
  {{- if .Values.x }}
  dnsConfig:
    options:
    - name: ndots
      value: {{ .Values.ndots | quote }}
    - name: "edns0"
  containers:
    - name: a
      args: [x]
---
kind: ConfigMap
data:
  Corefile: |
    .:53 {
        log
    }
  "quoted.key": v
`
	ix := scanKeys(text)
	want := map[int]lineKey{
		2:  {Path: "apiVersion"},
		6:  {Path: "spec.dnsConfig"},
		8:  {Path: "spec.dnsConfig.options.0.name"},
		9:  {Path: "spec.dnsConfig.options.0.value"},
		10: {Path: "spec.dnsConfig.options.1.name"},
		12: {Path: "spec.containers.0.name"},
		13: {Path: "spec.containers.0.args"},
		15: {Doc: 1, Path: "kind"},
		17: {Doc: 1, Path: "data.Corefile"},
		19: {Doc: 1, Path: "data.Corefile", Offset: 2},
		21: {Doc: 1, Path: "data.quoted.key"},
	}
	for n, w := range want {
		got := ix.line(n)
		if got.Doc != w.Doc || got.Path != w.Path || got.Offset != w.Offset {
			t.Errorf("line %d: doc %d path %q offset %d, want doc %d path %q offset %d", n, got.Doc, got.Path, got.Offset, w.Doc, w.Path, w.Offset)
		}
	}
	for _, n := range []int{1, 5, 14} {
		if p := ix.line(n).Path; p != "" {
			t.Errorf("line %d starts %q, want nothing", n, p)
		}
	}
	if n := ix.find(1, "data.Corefile"); n != 17 {
		t.Errorf("find data.Corefile in document 1: %d, want 17", n)
	}
	if c := ix.line(8).Col; c != 7 {
		t.Errorf("column of the key after `- `: %d, want 7", c)
	}
}
