package corefile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dnslint/dnslint/lint/source"
)

// BenchmarkParse parses the shipped example Corefile (an on-premises cluster's, with
// several server blocks and nested options).
func BenchmarkParse(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "examples", "clusters", "onprem", "Corefile"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(&source.Text{File: "Corefile", Name: "Corefile", Body: body}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
