package resolvconf

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse parses the shipped example node resolv.conf.
func BenchmarkParse(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "examples", "clusters", "onprem", "resolv.conf"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := Parse("resolv.conf", body); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
