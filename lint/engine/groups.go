package engine

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/lint/model"
)

// A rule whose METADATA says `custom.each: <collection>` reports each element of that
// input collection on its own: a finding depends on one element (and on any of the other
// collections), never on how the elements compare with each other. The engine then
// evaluates it over chunks of that collection, in parallel, with every other collection
// whole; rules without `each` see the whole input at once. Chunking keeps OPA's working
// sets small (evaluation time stays linear in the number of documents), lets the
// chunks run on every core, and skips the rules of collections the run has no element of.

// DefaultChunkSize is how many elements of a collection one evaluation sees: large enough
// that the cost of an evaluation is the rules' and not the query's, small enough that
// OPA's sets stay small.
const DefaultChunkSize = 64

// collections are the input's top-level lists, by their JSON names (the values `each`
// may take): corefiles, customs, autoscalers, workloads, resolv_confs, parse_errors.
var collections = sync.OnceValue(func() []string {
	var names []string
	t := reflect.TypeFor[model.Input]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	return names
})

// Present lists the collections of input that hold at least one element.
func Present(input *model.Input) []string {
	v := reflect.ValueOf(input).Elem()
	var out []string
	for i, name := range collections() {
		if v.Field(i).Len() > 0 {
			out = append(out, name)
		}
	}
	return out
}

// Each is the input collection rule id reports element by element (its METADATA
// custom.each), "" when it reads the whole input.
func (c *Catalog) Each(id string) string { return c.each[id] }

// HasUserPolicies tells whether any rule comes from a --policy directory.
func (c *Catalog) HasUserPolicies() bool { return c.user }

// group is the rules evaluated together: those of one `each` collection, or ("") those
// that see the whole input.
type group struct {
	each  string
	reads []string // the input collections its rules read (readsOf)
	query rego.PreparedEvalQuery
}

// groupModules writes one Rego module per group, collecting the group's findings as
// [rule id, finding] pairs: data.dnslint.engine.<group>.findings.
func groupModules(enabled []string, eachOf func(string) string) (map[string]*ast.Module, []string, error) {
	bodies := map[string]*strings.Builder{}
	var names []string
	for _, id := range enabled {
		each := eachOf(id)
		b, ok := bodies[each]
		if !ok {
			b = &strings.Builder{}
			fmt.Fprintf(b, "package dnslint.engine.%s\n\n", groupPackage(each))
			bodies[each] = b
			names = append(names, each)
		}
		category, name, _ := strings.Cut(id, "/")
		fmt.Fprintf(b, "findings contains [%q, f] if some f in data.dnslint.rules[%q][%q].report\n", id, category, name)
	}
	modules := map[string]*ast.Module{}
	for each, b := range bodies {
		file := "engine:" + groupPackage(each) + ".rego"
		m, err := ast.ParseModuleWithOpts(file, b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, nil, fmt.Errorf("engine: %w", err)
		}
		modules[file] = m
	}
	slices.Sort(names)
	return modules, names, nil
}

func groupPackage(each string) string {
	if each == "" {
		return "whole"
	}
	return "each_" + each
}

func groupQuery(each string) string {
	return "data.dnslint.engine." + groupPackage(each) + ".findings[x]"
}

// task is one evaluation: a group's query over an input, built when the evaluation
// starts (so that only the chunks being evaluated exist as Rego values).
type task struct {
	query rego.PreparedEvalQuery
	input func() (ast.Value, error)
}

func (t task) eval(ctx context.Context) (rego.ResultSet, error) {
	in, err := t.input()
	if err != nil {
		return nil, err
	}
	return t.query.Eval(ctx, rego.EvalParsedInput(in))
}

// evalGroups evaluates the groups one after the other, each over the collections its
// rules read: chunks of its `each` collection, converted chunk by chunk, and the others
// whole, converted once (from the chunks' elements when a group chunked them already)
// and dropped after the last group that reads them. So the run's
// input never exists whole as Rego values unless one group reads it all, and the memory
// of a large run is that of its largest context, not of everything.
func (e *Engine) evalGroups(ctx context.Context, input *model.Input) ([]rego.ResultSet, error) {
	fields := reflect.ValueOf(input).Elem()
	index := map[string]int{}
	for i, name := range collections() {
		index[name] = i
	}
	conv := newConverter()
	whole := map[string]*ast.Term{}
	kept := map[string][]*ast.Term{} // chunked elements a later group reads whole
	pending := map[string]int{}      // collection → groups still to run that read it whole
	for _, g := range e.groups {
		for _, name := range g.context() {
			pending[name]++
		}
	}
	var out []rego.ResultSet
	for _, g := range e.groups {
		var pairs [][2]*ast.Term
		for _, name := range g.context() {
			t, ok := whole[name]
			if !ok && kept[name] != nil {
				t, ok = ast.ArrayTerm(kept[name]...), true
				whole[name] = t
				delete(kept, name)
			}
			if !ok {
				var err error
				if t, err = conv.encode(fields.Field(index[name])); err != nil {
					return nil, err
				}
				whole[name] = t
			}
			pairs = append(pairs, [2]*ast.Term{ast.InternedTerm(name), t})
		}
		var tasks []task
		if g.each == "" {
			tasks = append(tasks, task{g.query, func() (ast.Value, error) { return ast.NewObject(pairs...), nil }})
		} else {
			list := fields.Field(index[g.each])
			var keep []*ast.Term
			if _, done := whole[g.each]; pending[g.each] > 0 && !done {
				keep = make([]*ast.Term, list.Len()) // each chunk fills its own part
				kept[g.each] = keep
			}
			for start := 0; start < list.Len(); start += e.chunk {
				end := min(start+e.chunk, list.Len())
				tasks = append(tasks, task{g.query, func() (ast.Value, error) {
					conv := newConverter() // one per chunk: chunks are built in parallel
					chunk := make([]*ast.Term, 0, end-start)
					for j := start; j < end; j++ {
						t, err := conv.encode(list.Index(j))
						if err != nil {
							return nil, err
						}
						chunk = append(chunk, t)
						if keep != nil {
							keep[j] = t
						}
					}
					item := [2]*ast.Term{ast.InternedTerm(g.each), ast.ArrayTerm(chunk...)}
					return ast.NewObject(append(slices.Clip(pairs), item)...), nil
				}})
			}
		}
		results, err := run(ctx, tasks)
		if err != nil {
			return nil, err
		}
		out = append(out, results...)
		for _, name := range g.context() {
			if pending[name]--; pending[name] == 0 {
				delete(whole, name)
			}
		}
	}
	return out, nil
}

// context are the collections a group's rules read whole: all they read but the one
// they are chunked by.
func (g group) context() []string {
	return slices.DeleteFunc(slices.Clone(g.reads), func(name string) bool { return name == g.each })
}

// readsOf lists the input collections that the rules of a compiled group module reach,
// through every rule and function they depend on (OPA's dependency graph): `input.X`
// names X; `input` alone, or `input[x]`, reads every collection.
func readsOf(compiler *ast.Compiler, each string) []string {
	path := ast.MustParseRef("data.dnslint.engine." + groupPackage(each) + ".findings")
	seen := map[*ast.Rule]bool{}
	reads := map[string]bool{}
	var term func(t *ast.Term) bool
	term = func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.Ref:
			if !v.HasPrefix(ast.InputRootRef) {
				return false
			}
			if name, ok := v[min(1, len(v)-1)].Value.(ast.String); ok && len(v) > 1 {
				reads[string(name)] = true
			} else {
				reads["*"] = true
			}
			for _, x := range v[1:] { // input.workloads[input.i]: refs inside the ref
				ast.WalkTerms(x, term)
			}
			return true // not into the ref's head, the var input
		case ast.Var:
			if v.Equal(ast.InputRootDocument.Value) {
				reads["*"] = true // input as a whole
			}
		}
		return false
	}
	var visit func(r *ast.Rule)
	visit = func(r *ast.Rule) {
		if seen[r] {
			return
		}
		seen[r] = true
		ast.WalkTerms(r, term)
		for dep := range compiler.Graph.Dependencies(r) {
			visit(dep.(*ast.Rule))
		}
	}
	for _, r := range compiler.GetRulesExact(path) {
		visit(r)
	}
	if reads["*"] {
		return collections()
	}
	var out []string
	for _, name := range collections() {
		if reads[name] {
			out = append(out, name)
		}
	}
	return out
}

// inline is the most tasks run evaluates in the calling goroutine: a small input (the
// webhook's one object) is not worth handing over, and a fresh goroutine pays again for
// growing the deep stack OPA's evaluation needs.
const inline = 3

// run evaluates the tasks on every core and returns their results in task order.
func run(ctx context.Context, tasks []task) ([]rego.ResultSet, error) {
	results := make([]rego.ResultSet, len(tasks))
	errs := make([]error, len(tasks))
	if len(tasks) <= inline || runtime.GOMAXPROCS(0) == 1 {
		for i, t := range tasks {
			if results[i], errs[i] = t.eval(ctx); errs[i] != nil {
				return nil, errs[i]
			}
		}
		return results, ctx.Err()
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tasks)) {
		wg.Go(func() {
			for i := range next {
				results[i], errs[i] = tasks[i].eval(ctx)
			}
		})
	}
	for i := range tasks {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, ctx.Err()
}
