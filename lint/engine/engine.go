package engine

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// DefaultTimeout bounds one evaluation (a chunk, an element, or the whole input for
// the rules that read it all), so that a policy cannot run forever; see limits.go.
const DefaultTimeout = 30 * time.Second

// Options choose what a compiled Engine evaluates.
type Options struct {
	// Enabled are the ids of the rules to compile (others are left out entirely).
	Enabled []string
	// Params are each rule's thresholds (data.dnslint.params[id]); defaults apply where absent.
	Params map[string]map[string]any
	// Config is data.dnslint.config: coredns_version, kubernetes_version, plugins, ….
	Config map[string]any
	// Limits bound each evaluation (limits.go); the run as a whole is bounded by the
	// context given to Eval.
	Limits Limits
	// Whole evaluates every rule over the whole input, ignoring `each`: what the tests
	// compare the chunked evaluation with.
	Whole bool
	// ChunkSize is how many elements of its collection an each-rule sees per evaluation
	// (DefaultChunkSize when zero).
	ChunkSize int
	// TypeCheck type-checks the built-in rules too (against the input schema), as
	// user policies always are: what the tests of the catalog ask for.
	TypeCheck bool
	// MaxFindingsPerRule bounds the findings of one rule in one run
	// (DefaultMaxFindingsPerRule when zero; see reported.go).
	MaxFindingsPerRule int
}

// Engine evaluates a fixed set of compiled rules.
type Engine struct {
	catalog *Catalog
	groups  []group
	limits  Limits
	chunk   int
	perRule int
}

// Compile compiles the enabled rules with the helper packages and prepares one query per
// group of rules (see groups.go).
func (c *Catalog) Compile(ctx context.Context, opts Options) (*Engine, error) {
	modules := map[string]*ast.Module{}
	for _, m := range c.libs {
		modules[m.Package.Location.File] = m
	}
	params := map[string]any{}
	for _, id := range opts.Enabled {
		m, ok := c.modules[id]
		if !ok {
			return nil, fmt.Errorf("unknown rule %q", id)
		}
		modules[m.Package.Location.File] = m
		r, _ := c.Rule(id)
		p := map[string]any{}
		for k, v := range r.Params {
			p[k] = v.Default
		}
		for k, v := range opts.Params[id] {
			p[k] = v
		}
		params[id] = p
	}
	eachOf := func(id string) string {
		if opts.Whole {
			return ""
		}
		return c.each[id]
	}
	groupMods, names, err := groupModules(opts.Enabled, eachOf)
	if err != nil {
		return nil, err
	}
	maps.Copy(modules, groupMods)
	schemas, err := inputSchemas()
	if err != nil {
		return nil, err
	}
	compiler := ast.NewCompiler().WithCapabilities(capabilities()).WithSchemas(schemas)
	if !c.user && !opts.TypeCheck {
		// The built-in rules are type-checked, against the input schema too, by their
		// tests (TestCatalogTypeChecks compiles them all with every stage); skipping the
		// check saves a sixth of the start-up.
		compiler = compiler.WithSkipStages(ast.StageCheckTypes)
	}
	if compiler.Compile(modules); compiler.Failed() {
		return nil, fmt.Errorf("policy: %v", compiler.Errors)
	}
	doc := map[string]any{}
	for k, v := range c.data {
		doc[k] = v
	}
	doc["params"], doc["config"] = params, opts.Config
	store := inmem.NewFromObject(map[string]any{"dnslint": doc})
	e := &Engine{catalog: c, limits: opts.Limits, chunk: cmp.Or(opts.ChunkSize, DefaultChunkSize),
		perRule: cmp.Or(opts.MaxFindingsPerRule, DefaultMaxFindingsPerRule)}
	e.limits.Timeout = cmp.Or(e.limits.Timeout, DefaultTimeout)
	e.limits.HeapShare = cmp.Or(e.limits.HeapShare, DefaultHeapShare)
	rules := map[string][]string{}
	for _, id := range opts.Enabled {
		rules[eachOf(id)] = append(rules[eachOf(id)], id)
	}
	for _, each := range names {
		pq, err := rego.New(rego.Query(groupQuery(each)), rego.Compiler(compiler), rego.Store(store)).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("policy: %w", err)
		}
		e.groups = append(e.groups, group{each: each, rules: rules[each], reads: readsOf(compiler, each), query: pq})
	}
	return e, nil
}

// reported is the shape a rule's report entries must have.
type reported struct {
	Message  string            `json:"message"`
	Location *model.Pos        `json:"location"`
	Related  []finding.Related `json:"related"`
	Severity string            `json:"severity"`
	Fix      *finding.Fix      `json:"fix"`
}

// Eval runs every compiled rule over input. Findings carry the rule's catalog severity;
// a finding that several chunks report (one about another collection than the chunked
// one) is kept once, as a Rego set would. An element whose evaluation passes its limits
// is a dnslint/limit-exceeded finding; past ctx's deadline, Eval fails.
func (e *Engine) Eval(ctx context.Context, input *model.Input) ([]finding.Finding, error) {
	results, out, err := e.evalGroups(ctx, input)
	if errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("rule evaluation exceeded the run's deadline: %w", err)
	}
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, rs := range results {
		for _, r := range rs {
			pair, ok := r.Bindings["x"].([]any)
			if !ok || len(pair) != 2 {
				return nil, fmt.Errorf("engine: unexpected result %v", r.Bindings["x"])
			}
			id, _ := pair[0].(string)
			rule, _ := e.catalog.Rule(id)
			f, key, err := decode(rule, pair[1])
			if err != nil {
				return nil, err
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, f)
			}
		}
	}
	return capPerRule(out, e.perRule, e.userRule), nil
}

// userRule tells whether id is a rule of a user policy (--policy), whose findings per run
// are capped.
func (e *Engine) userRule(id string) bool {
	r, ok := e.catalog.Rule(id)
	return ok && !r.Builtin
}

// decode reads a reported finding; key identifies it among the run's findings.
func decode(rule finding.Rule, v any) (f finding.Finding, key string, err error) {
	id := rule.ID
	b, err := json.Marshal(v)
	if err != nil {
		return f, "", err
	}
	key = id + "\x00" + string(b)
	var r reported
	if err := json.Unmarshal(b, &r); err != nil || r.Message == "" || r.Location == nil {
		return f, "", fmt.Errorf("rule %s reported %s: want {\"message\": string, \"location\": position, \"related\"?: [...], \"severity\"?: string, \"fix\"?: {...}}", id, b)
	}
	if err := checkFix(rule, r.Fix); err != nil {
		return f, "", err
	}
	f = capFinding(finding.Finding{RuleID: id, Message: r.Message, Pos: *r.Location, Related: r.Related, Severity: rule.Severity, Fix: r.Fix})
	if r.Severity != "" {
		if f.Severity, err = finding.ParseSeverity(r.Severity); err != nil || f.Severity == finding.None {
			return f, "", fmt.Errorf("rule %s reported severity %q: want error, warning or info", id, r.Severity)
		}
	}
	return f, key, nil
}
