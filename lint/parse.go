package lint

import (
	"context"
	"errors"

	"runtime"
	"slices"
	"sync"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/corefile"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/parse/resolvconf"
	"github.com/dnslint/dnslint/lint/source"
	"golang.org/x/sync/errgroup"
)

// Model parses and composes files into the rules' input, without evaluating any rule,
// and returns the text of every file read (imports included) by display path. platform
// picks the default Corefile for a lone coredns-custom ConfigMap (see package compose).
// Files are parsed in parallel; the result does not depend on the order they finish in.
// Imports are read only inside the files' roots (see source.File), up to
// source.DefaultMaxSize each.
func Model(files []*source.File, platform string) (*model.Input, map[string][]byte, error) {
	in, sources, _, err := buildModel(context.Background(), files, platform, source.DefaultMaxSize, Budget{}, nil)
	return in, sources, err
}

// buildModel is Model within ctx, with a size limit and the run's budget: it stops between files and
// before composing once ctx ends (a webhook review's deadline covers parsing and
// composition too). repo looks for the Corefile of a coredns-custom the run lacks (nil:
// none is looked for). It also returns which sources only an import brought in (no file
// of the run).
func buildModel(ctx context.Context, files []*source.File, platform string, maxSize int64, budget Budget, repo compose.Repository) (*model.Input, map[string][]byte, map[string]bool, error) {
	if maxSize <= 0 {
		maxSize = source.DefaultMaxSize
	}
	run := &run{sources: map[string][]byte{}, imported: map[string]bool{}, roots: source.Roots{Dirs: rootsOf(files), MaxSize: maxSize}}
	parts := make([]parsed, len(files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, f := range files {
		run.sources[f.Path] = f.Data
		g.Go(func() error {
			if ctx.Err() == nil {
				parts[i] = parseFile(f)
			}
			return nil
		})
	}
	_ = g.Wait() // parseFile records its errors in parts
	if err := context.Cause(ctx); err != nil {
		return nil, nil, nil, err
	}
	in := &model.Input{}
	var comp compose.Input
	for _, p := range parts {
		p.mergeInto(in, &comp)
	}
	comp.Platform, comp.Disk, comp.Workloads, comp.Repository = platform, run, in.Workloads, repo
	comp.Budget = corefile.NewBudget(budget.Tokens, budget.ImportedFiles, budget.ImportedBytes)
	out, err := compose.Compose(comp)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := context.Cause(ctx); err != nil {
		return nil, nil, nil, err
	}
	in.Corefiles, in.Customs = out.Corefiles, out.Customs
	in.ParseErrors = append(in.ParseErrors, out.Errors...)
	model.Normalize(in)
	for _, f := range files {
		delete(run.imported, f.Path) // a file of the run that another one imports
	}
	return in, run.sources, run.imported, nil
}

// parsed is what one file contributes: model parts, and what composition needs.
type parsed struct {
	in   model.Input
	comp compose.Input
}

func (p *parsed) mergeInto(in *model.Input, comp *compose.Input) {
	in.DuplicateKeys = append(in.DuplicateKeys, p.in.DuplicateKeys...)
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
	if f.Notes != nil {
		in.ParseErrors = append(in.ParseErrors, f.Notes...)
		return p
	}
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
		in.DuplicateKeys = append(in.DuplicateKeys, res.DuplicateKeys...)
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

// run holds what one Model call shares between files: every text read, by display path,
// and the disk as imports see it (corefile.Files): the run's roots, each read recorded.
type run struct {
	roots    source.Roots
	mu       sync.Mutex
	sources  map[string][]byte
	imported map[string]bool
}

// Check implements corefile.Files.
func (r *run) Check(name string) error { return r.roots.Check(name) }

// Read implements corefile.Files: it reads a file that a Corefile imports and remembers
// it as a source.
func (r *run) Read(name string) ([]byte, error) {
	b, err := r.roots.Read(name)
	if err == nil {
		r.mu.Lock()
		r.sources[source.Display(name)] = b
		r.imported[source.Display(name)] = true
		r.mu.Unlock()
	}
	return b, err
}

// rootsOf lists the roots of a run's files: the directories imports may be read from.
// A file without a root (standard input without --stdin-filename, a text from the
// webhook) adds none.
func rootsOf(files []*source.File) []string {
	var roots []string
	for _, f := range files {
		if f.Root != "" && !slices.Contains(roots, f.Root) {
			roots = append(roots, f.Root)
		}
	}
	return roots
}
