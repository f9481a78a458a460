package lint_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dnslint/dnslint/bench/corpus"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/source"
)

// benchFiles generates a corpus of n documents and reads it as a run would.
func benchFiles(b *testing.B, n int) []*source.File {
	b.Helper()
	dir := b.TempDir()
	files, err := corpus.Files(dir, corpus.Options{N: n, PerFile: 10, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

func benchmarkLint(b *testing.B, n int) {
	files := benchFiles(b, n)
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := l.Lint(context.Background(), files); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/doc")
}

// BenchmarkLint is the whole pipeline after reading: parse, compose, evaluate, filter.
func BenchmarkLint100(b *testing.B)  { benchmarkLint(b, 100) }
func BenchmarkLint1000(b *testing.B) { benchmarkLint(b, 1000) }

// BenchmarkNew is the start-up cost: load the catalog, compile the rules, prepare the query.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.New(context.Background(), lint.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWalk reads a 1000-document corpus from disk.
func BenchmarkWalk(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(filepath.Join(dir, "c"), corpus.Options{N: 1000, PerFile: 10, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := &source.Walker{}
		if _, p := w.Collect([]string{dir}); len(p) > 0 {
			b.Fatal(p)
		}
	}
}

// BenchmarkLintOne is the admission webhook's case: one object (a Deployment with a
// dnsConfig) per Lint call, with the rules compiled once.
func BenchmarkLintOne(b *testing.B) {
	src := []byte(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      dnsPolicy: None
      dnsConfig:
        options:
          - name: ndots
            value: "8"
      containers:
        - name: web
          image: nginx
`)
	files := []*source.File{{Path: "shop/Deployment/web", Data: src, Format: source.YAML}}
	l, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := l.Lint(context.Background(), files)
		if err != nil || len(res.Findings) == 0 {
			b.Fatal(err, res)
		}
	}
}
