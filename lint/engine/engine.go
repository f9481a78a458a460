package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// DefaultTimeout bounds one evaluation, so that a policy cannot run forever.
const DefaultTimeout = 30 * time.Second

// Options choose what a compiled Engine evaluates.
type Options struct {
	// Enabled are the ids of the rules to compile (others are left out entirely).
	Enabled []string
	// Params are each rule's thresholds (data.dnslint.params[id]); defaults apply where absent.
	Params map[string]map[string]any
	// Config is data.dnslint.config: coredns_version, kubernetes_version, plugins, ….
	Config map[string]any
	// Timeout bounds one evaluation (DefaultTimeout when zero).
	Timeout time.Duration
}

// Engine evaluates a fixed set of compiled rules.
type Engine struct {
	catalog *Catalog
	query   rego.PreparedEvalQuery
	timeout time.Duration
}

const query = "data.dnslint.rules[category][name].report[finding]"

// Compile compiles the enabled rules with the helper packages and prepares the query.
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
			p[k] = v
		}
		for k, v := range opts.Params[id] {
			p[k] = v
		}
		params[id] = p
	}
	compiler := ast.NewCompiler().WithCapabilities(capabilities())
	if compiler.Compile(modules); compiler.Failed() {
		return nil, fmt.Errorf("policy: %v", compiler.Errors)
	}
	doc := map[string]any{}
	for k, v := range c.data {
		doc[k] = v
	}
	doc["params"], doc["config"] = params, opts.Config
	store := inmem.NewFromObject(map[string]any{"dnslint": doc})
	pq, err := rego.New(rego.Query(query), rego.Compiler(compiler), rego.Store(store)).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	return &Engine{catalog: c, query: pq, timeout: timeout}, nil
}

// reported is the shape a rule's report entries must have.
type reported struct {
	Message  string            `json:"message"`
	Location *model.Pos        `json:"location"`
	Related  []finding.Related `json:"related"`
	Severity string            `json:"severity"`
}

// Eval runs every compiled rule over input. Findings carry the rule's catalog severity.
func (e *Engine) Eval(ctx context.Context, input *model.Input) ([]finding.Finding, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	v, err := ast.InterfaceToValue(input)
	if err != nil {
		return nil, err
	}
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(v))
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("rule evaluation exceeded %s", e.timeout)
	}
	if err != nil {
		return nil, err
	}
	out := make([]finding.Finding, 0, len(rs))
	for _, r := range rs {
		id := fmt.Sprint(r.Bindings["category"]) + "/" + fmt.Sprint(r.Bindings["name"])
		rule, _ := e.catalog.Rule(id)
		f, err := decode(rule, r.Bindings["finding"])
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func decode(rule finding.Rule, v any) (finding.Finding, error) {
	id := rule.ID
	b, err := json.Marshal(v)
	if err != nil {
		return finding.Finding{}, err
	}
	var r reported
	if err := json.Unmarshal(b, &r); err != nil || r.Message == "" || r.Location == nil {
		return finding.Finding{}, fmt.Errorf("rule %s reported %s: want {\"message\": string, \"location\": position, \"related\"?: [...], \"severity\"?: string}", id, b)
	}
	f := finding.Finding{RuleID: id, Message: r.Message, Pos: *r.Location, Related: r.Related, Severity: rule.Severity}
	if r.Severity != "" {
		if f.Severity, err = finding.ParseSeverity(r.Severity); err != nil || f.Severity == finding.None {
			return f, fmt.Errorf("rule %s reported severity %q: want error, warning or info", id, r.Severity)
		}
	}
	return f, nil
}
