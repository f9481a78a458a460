package lint

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/parse/resolvconf"
	"github.com/dnslint/dnslint/lint/source"
)

// Model parses and composes files into the rules' input, without evaluating any rule,
// and returns the text of every file read (imports included) by display path. platform
// picks the default Corefile for a lone coredns-custom ConfigMap (see package compose).
// Files are parsed in parallel; the result does not depend on the order they finish in.
// Imports are read only below the files' roots (see source.File), up to
// source.DefaultMaxSize each.
func Model(files []*source.File, platform string) (*model.Input, map[string][]byte, error) {
	return buildModel(files, platform, source.DefaultMaxSize, Budget{})
}

func buildModel(files []*source.File, platform string, maxSize int64, budget Budget) (*model.Input, map[string][]byte, error) {
	if maxSize <= 0 {
		maxSize = source.DefaultMaxSize
	}
	run := &run{sources: map[string][]byte{}, read: func(name string) ([]byte, error) { return readImport(name, maxSize) }}
	roots := rootsOf(files)
	parts := make([]parsed, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		run.sources[f.Path] = f.Data
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			parts[i] = parseFile(f)
		}()
	}
	wg.Wait()
	in := &model.Input{}
	var comp compose.Input
	for _, p := range parts {
		p.mergeInto(in, &comp)
	}
	comp.Platform, comp.Read = platform, run.readImport
	comp.Budget = corefile.NewBudget(budget.Tokens, budget.ImportedFiles, budget.ImportedBytes)
	comp.Within = func(name string) bool { return source.Within(name, roots) }
	out, err := compose.Compose(comp)
	if err != nil {
		return nil, nil, err
	}
	in.Corefiles = out.Corefiles
	in.ParseErrors = append(in.ParseErrors, out.Errors...)
	model.Normalize(in)
	return in, run.sources, nil
}

// parsed is what one file contributes: model parts, and what composition needs.
type parsed struct {
	in   model.Input
	comp compose.Input
}

func (p *parsed) mergeInto(in *model.Input, comp *compose.Input) {
	in.Customs = append(in.Customs, p.in.Customs...)
	in.Workloads = append(in.Workloads, p.in.Workloads...)
	in.Autoscalers = append(in.Autoscalers, p.in.Autoscalers...)
	in.ResolvConfs = append(in.ResolvConfs, p.in.ResolvConfs...)
	in.ParseErrors = append(in.ParseErrors, p.in.ParseErrors...)
	comp.Plain = append(comp.Plain, p.comp.Plain...)
	comp.Embedded = append(comp.Embedded, p.comp.Embedded...)
	comp.Customs = append(comp.Customs, p.comp.Customs...)
}

// parseFile reads one file into the model, or into what composition needs.
func parseFile(f *source.File) parsed {
	var p parsed
	in, comp := &p.in, &p.comp
	switch f.Format {
	case source.Corefile:
		comp.Plain = append(comp.Plain, &source.Text{File: f.Path, Name: f.Abs, Body: f.Data})
	case source.Resolv:
		rc, errs := resolvconf.Parse(f.Path, f.Data)
		if rc != nil {
			in.ResolvConfs = append(in.ResolvConfs, rc)
		}
		in.ParseErrors = append(in.ParseErrors, errs...)
	case source.YAML:
		res, err := kube.Parse(f.Path, f.Data)
		if err != nil {
			in.ParseErrors = append(in.ParseErrors, yamlError(f, err))
			return p
		}
		comp.Embedded = append(comp.Embedded, res.Corefiles...)
		comp.Customs = append(comp.Customs, res.Customs...)
		for _, c := range res.Customs {
			in.Customs = append(in.Customs, c.Custom)
		}
		in.Workloads = append(in.Workloads, res.Workloads...)
		in.Autoscalers = append(in.Autoscalers, res.Autoscalers...)
		for _, a := range res.Autoscalers {
			if err := res.AutoscalerErrors[a]; err != nil {
				in.ParseErrors = append(in.ParseErrors, &model.ParseError{Format: "autoscaler", Message: err.Error(), Pos: a.ValuePos})
			}
		}
	}
	return p
}

func yamlError(f *source.File, err error) *model.ParseError {
	line, col, msg := 1, 1, err.Error()
	var se *kube.SyntaxError
	if errors.As(err, &se) {
		line, col, msg = se.Line, se.Col, se.Msg
	}
	return &model.ParseError{Format: "yaml", Message: msg, Pos: model.Pos{File: f.Path, Line: line, Col: col, EndLine: line, EndCol: col}}
}

// run holds what one Model call shares between files: every text read, by display path.
type run struct {
	mu      sync.Mutex
	sources map[string][]byte
	read    func(string) ([]byte, error)
}

// readImport reads a file that a Corefile imports and remembers it as a source.
func (r *run) readImport(name string) ([]byte, error) {
	b, err := r.read(name)
	if err == nil {
		r.mu.Lock()
		r.sources[source.Display(name)] = b
		r.mu.Unlock()
	}
	return b, err
}

// readImport reads an imported regular file of at most max bytes (a named pipe would
// block the run).
func readImport(name string, max int64) ([]byte, error) {
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, source.ErrNotRegular
	}
	return source.ReadLimited(name, max)
}

// rootsOf lists the directories imports may be read from: the files' roots, or for a
// file without one, its own directory (the working directory when it has no path).
func rootsOf(files []*source.File) []string {
	var roots []string
	for _, f := range files {
		r := f.Root
		if r == "" && f.Abs != "" {
			r = filepath.Dir(f.Abs)
		}
		if r == "" {
			r, _ = os.Getwd()
		}
		if !slices.Contains(roots, r) {
			roots = append(roots, r)
		}
	}
	return roots
}
