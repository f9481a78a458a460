package engine_test

import (
	"context"
	"testing"

	"github.com/dnslint/dnslint/bench/corpus"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/engine"
)

// BenchmarkEval1000 is rule evaluation alone — every built-in rule over the model of a
// generated 1,000-document corpus, already parsed and composed.
func BenchmarkEval1000(b *testing.B) {
	dir := b.TempDir()
	files, err := corpus.Files(dir, corpus.Options{N: 1000, PerFile: 10, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	in, _, err := lint.Model(files, "")
	if err != nil {
		b.Fatal(err)
	}
	cat, err := engine.LoadCatalog()
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, r := range cat.Rules {
		ids = append(ids, r.ID)
	}
	e, err := cat.Compile(context.Background(), engine.Options{Enabled: ids, Config: map[string]any{"plugins": []string{}}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eval(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/doc")
}
