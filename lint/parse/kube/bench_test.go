package kube

import (
	"os"
	"path/filepath"
	"testing"
)

// benchmarkParse parses one of the shipped example manifests.
func benchmarkParse(b *testing.B, path ...string) {
	body, err := os.ReadFile(filepath.Join(append([]string{"..", "..", "..", "testdata", "examples"}, path...)...))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("manifest.yaml", body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseWorkload: a Deployment with a dnsConfig (pod DNS extraction).
func BenchmarkParseWorkload(b *testing.B) { benchmarkParse(b, "apps", "checkout", "deployment.yaml") }

// BenchmarkParseCoreDNS: the coredns ConfigMap with its embedded Corefile (position mapping).
func BenchmarkParseCoreDNS(b *testing.B) { benchmarkParse(b, "clusters", "aks-prod", "coredns.yaml") }

// BenchmarkParseAutoscaler: a cluster-proportional-autoscaler ConfigMap (its JSON parameters).
func BenchmarkParseAutoscaler(b *testing.B) {
	benchmarkParse(b, "clusters", "aks-prod", "coredns-autoscaler.yaml")
}
