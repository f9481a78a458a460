// Package lint is dnslint as a library: it runs the pipeline
// source → parse → model → compose → engine → filter and returns sorted findings.
// A Linter resolves its rules once and can lint many inputs, concurrently (the CLI lints
// one run, the admission webhook one object per request); it compiles them up front, or
// on first need only those that can fire on an input (compile.go).
package lint

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/engine"
	"github.com/dnslint/dnslint/lint/finding"
)

// Options configure a Linter.
type Options struct {
	Config *config.Config
	// Enable and Disable are the command line's rule globs, applied after the config's.
	Enable, Disable []string
	// Policies are directories of user Rego policies.
	Policies []string
	// CoreDNSVersion overrides the config's coredns-version.
	CoreDNSVersion string
	// KubernetesVersion overrides the config's kubernetes-version.
	KubernetesVersion string
	// IgnoreSuppressions makes inline dnslint:ignore comments ineffective.
	IgnoreSuppressions bool
	// MaxFileSize is the largest file a Corefile may import (source.DefaultMaxSize when
	// zero); the CLI passes its --max-file-size, the limit of the files it walks.
	MaxFileSize int64
	// Budget bounds what one Lint may spend, across all its files (zero fields: the
	// defaults). The deadline of a Lint is its context's.
	Budget Budget
	// EvalLimits bound each evaluation of the rules: its time and heap share, and for
	// tests an injected expired deadline (zero fields: the engine's defaults).
	EvalLimits engine.Limits
	// StrictLimits keeps dnslint/limit-exceeded enabled and an error whatever the
	// configuration says: the admission webhook admits nothing it did not lint.
	StrictLimits bool
	// WholeInput evaluates every rule over the whole input at once, as if no rule declared
	// METADATA custom.each: the tests compare the chunked evaluation with it.
	WholeInput bool
	// ChunkSize is how many elements of its collection an each-rule sees per evaluation
	// (0: the engine's default).
	ChunkSize int
	// CompileAll compiles every enabled rule in New. Without it, and without user
	// policies (whose errors New must report), each Lint compiles on first need only the
	// rules that can fire on its input (see compile.go): a one-shot run starts faster.
	// A Linter that serves many inputs (the webhook) compiles all at once.
	CompileAll bool
}

// Budget bounds one Lint call; each zero field takes its default. Past a budget, the
// file or element where it was passed gets a dnslint/limit-exceeded error and the rest
// of the run is linted.
type Budget struct {
	// Tokens are the words and braces of all Corefiles with their imports
	// (corefile.DefaultRunTokens); ImportedFiles the files they import, each import
	// counted (corefile.DefaultRunImports); ImportedBytes the bytes of those files
	// (corefile.DefaultRunImportBytes).
	Tokens, ImportedFiles int
	ImportedBytes         int64
	// PartnerFiles are the repository's files read looking for the Corefile of a
	// coredns-custom the run lacks (DefaultPartnerFiles).
	PartnerFiles int
}

// Linter lints inputs with a fixed set of enabled rules.
type Linter struct {
	opts     Options
	catalog  *engine.Catalog
	sel      *config.Selection
	platform string
	warnings []string
	engines  engines
	// kubernetes is the Kubernetes release the run assumes (KubernetesVersion).
	kubernetes string
}

// Warnings are what the options asked for that the run does differently (a release
// newer than dnslint's data), one sentence each: for the user, once per run.
func (l *Linter) Warnings() []string { return l.warnings }

// New loads the catalog and resolves the configuration against it. It compiles the
// enabled rules when Options.CompileAll is set or user policies are loaded (so that
// their errors show here); otherwise Lint compiles what it needs.
func New(ctx context.Context, opts Options) (*Linter, error) {
	if opts.Config == nil {
		opts.Config = &config.Config{}
	}
	cfg := opts.Config
	cat, err := engine.LoadCatalog(opts.Policies...)
	if err != nil {
		return nil, err
	}
	sel, err := cfg.Select(cat.Rules, opts.Enable, opts.Disable)
	if err != nil {
		return nil, err
	}
	if err := compose.CheckPlatform(cfg.Platform); err != nil {
		return nil, err
	}
	version := strings.TrimPrefix(cmp.Or(opts.CoreDNSVersion, cfg.CoreDNSVersion), "v")
	if version != "" && !validVersion(version) {
		return nil, fmt.Errorf("coredns version %q: want MAJOR.MINOR.PATCH, e.g. 1.11.3", version)
	}
	conf := map[string]any{"plugins": slices.Clip(cfg.Plugins)}
	if cfg.Plugins == nil {
		conf["plugins"] = []string{}
	}
	var warnings []string
	version, warnings = knownVersion("CoreDNS", version, cat.LatestCoreDNS(), warnings)
	if version != "" {
		conf["coredns_version"] = version
	}
	if k := strings.TrimPrefix(cmp.Or(opts.KubernetesVersion, cfg.KubernetesVersion), "v"); k != "" {
		if !validVersion(k) {
			return nil, fmt.Errorf("kubernetes version %q: want MAJOR.MINOR.PATCH, e.g. 1.32.0", k)
		}
		k, warnings = knownVersion("Kubernetes", k, cat.LatestKubernetes(), warnings)
		conf["kubernetes_version"] = k
	}
	kubernetes, _ := conf["kubernetes_version"].(string)
	if opts.StrictLimits {
		delete(sel.Severity, LimitExceeded)
		if !slices.Contains(sel.Enabled, LimitExceeded) {
			sel.Enabled = append(sel.Enabled, LimitExceeded)
			slices.Sort(sel.Enabled)
		}
	}
	l := &Linter{opts: opts, catalog: cat, sel: sel, platform: cfg.Platform, warnings: warnings, kubernetes: cmp.Or(kubernetes, cat.LatestKubernetes())}
	l.engines.opts = engine.Options{Enabled: sel.Enabled, Params: sel.Params, Config: conf, Whole: opts.WholeInput, ChunkSize: opts.ChunkSize, Limits: opts.EvalLimits}
	if opts.CompileAll || cat.HasUserPolicies() {
		if l.engines.all, err = cat.Compile(ctx, l.engines.opts); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// KubernetesVersion is the cluster's Kubernetes release the run assumes: the configured
// one, else the newest the shipped data knows.
func (l *Linter) KubernetesVersion() string { return l.kubernetes }

// Rules returns the enabled rules with their effective severity, sorted by id.
func (l *Linter) Rules() []finding.Rule {
	var out []finding.Rule
	for _, id := range l.sel.Enabled {
		r, _ := l.catalog.Rule(id)
		if s, ok := l.sel.Severity[id]; ok {
			r.Severity = s
		}
		out = append(out, r)
	}
	return out
}

// Catalog returns every known rule.
func (l *Linter) Catalog() []finding.Rule { return l.catalog.Rules }
