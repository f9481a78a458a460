package lint

import (
	"context"
	"errors"
	"regexp"
	"sync"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
	"github.com/dnslint/dnslint/lint/parse/kube"
	"github.com/dnslint/dnslint/lint/parse/resolvconf"
	"github.com/dnslint/dnslint/lint/source"
	"github.com/dnslint/dnslint/lint/suppress"
)

// Result is the outcome of linting a set of files.
type Result struct {
	// Findings are filtered (suppressions, severities) and sorted.
	Findings []finding.Finding
	// Files is the number of files linted.
	Files int
	// Sources holds the text of every file read, imports included, by display path.
	Sources map[string][]byte
}

// UnusedSuppression is the rule that reports dnslint:ignore comments that silence nothing.
const UnusedSuppression = "dnslint/unused-suppression"

// Lint lints files that belong together (one run): ConfigMaps in different files are
// composed with each other.
func (l *Linter) Lint(ctx context.Context, files []*source.File) (*Result, error) {
	in, sources, err := Model(files, l.platform)
	if err != nil {
		return nil, err
	}
	found, err := l.engine.Eval(ctx, in)
	if err != nil {
		return nil, err
	}
	return &Result{Findings: l.filter(found, sources), Files: len(files), Sources: sources}, nil
}

// Model parses and composes files into the rules' input, without evaluating any rule,
// and returns the text of every file read (imports included) by display path. platform
// picks the default Corefile for a lone coredns-custom ConfigMap (see package compose).
func Model(files []*source.File, platform string) (*model.Input, map[string][]byte, error) {
	run := &run{sources: map[string][]byte{}, read: readImport}
	in := &model.Input{}
	var comp compose.Input
	for _, f := range files {
		run.sources[f.Path] = f.Data
		run.parse(f, in, &comp)
	}
	comp.Platform, comp.Read = platform, run.readImport
	out, err := compose.Compose(comp)
	if err != nil {
		return nil, nil, err
	}
	in.Corefiles = out.Corefiles
	in.ParseErrors = append(in.ParseErrors, out.Errors...)
	model.Normalize(in)
	return in, run.sources, nil
}

// run holds the state of one Lint call.
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

func readImport(name string) ([]byte, error) {
	return source.ReadLimited(name, source.DefaultMaxSize)
}

// parse reads one file into the model, or into what composition needs.
func (r *run) parse(f *source.File, in *model.Input, comp *compose.Input) {
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
		var se *kube.SyntaxError
		if errors.As(err, &se) {
			in.ParseErrors = append(in.ParseErrors, &model.ParseError{Format: "yaml", Message: se.Msg,
				Pos: model.Pos{File: f.Path, Line: se.Line, Col: se.Col, EndLine: se.Line, EndCol: se.Col}})
			return
		}
		if err != nil {
			in.ParseErrors = append(in.ParseErrors, &model.ParseError{Format: "yaml", Message: err.Error(),
				Pos: model.Pos{File: f.Path, Line: 1, Col: 1, EndLine: 1, EndCol: 1}})
			return
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
}

// filter applies the configured severities and the inline suppressions, drops findings
// that point at no file of the run (a platform's default Corefile), reports
// suppressions that silenced nothing, and sorts.
func (l *Linter) filter(found []finding.Finding, sources map[string][]byte) []finding.Finding {
	set := suppress.NewSet()
	if !l.opts.IgnoreSuppressions {
		for file, b := range sources {
			set.Add(file, suppress.Scan(file, b))
		}
	}
	out := make([]finding.Finding, 0, len(found))
	for _, f := range found {
		if _, ok := sources[f.Pos.File]; !ok {
			continue
		}
		if s, ok := l.sel.Severity[f.RuleID]; ok {
			f.Severity = s
		}
		if set.Suppressed(f.RuleID, f.Pos) {
			continue
		}
		out = append(out, f)
	}
	if l.enabled(UnusedSuppression) {
		sev := l.severity(UnusedSuppression)
		for _, d := range set.Unused() {
			out = append(out, finding.Finding{RuleID: UnusedSuppression, Severity: sev, Pos: d.Pos, Message: unusedMessage(d)})
		}
	}
	finding.Sort(out)
	return out
}

func unusedMessage(d *suppress.Directive) string {
	if len(d.Rules) == 0 {
		return "dnslint:ignore names no rule: write `# dnslint:ignore <rule>[,<rule>] [-- reason]`"
	}
	return "this dnslint:ignore silences nothing on its line or the next: remove it, or fix the rule id or its line"
}

func (l *Linter) enabled(id string) bool {
	for _, e := range l.sel.Enabled {
		if e == id {
			return true
		}
	}
	return false
}

func (l *Linter) severity(id string) finding.Severity {
	if s, ok := l.sel.Severity[id]; ok {
		return s
	}
	r, _ := l.catalog.Rule(id)
	return r.Severity
}

var versionRE = regexp.MustCompile(`^v?\d+\.\d+\.\d+$`)

func validVersion(v string) bool { return versionRE.MatchString(v) }
