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

// group is the rules evaluated together: those of one `each` collection, or ("") those
// that see the whole input.
type group struct {
	each  string
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

// task is one evaluation: a group's query over an input.
type task struct {
	query rego.PreparedEvalQuery
	input ast.Value
}

// tasks splits the run's input into the evaluations of every group: the whole input for
// the rules without `each`, chunks of their collection for the others. Groups whose
// collection is empty are left out.
func (e *Engine) tasks(input *model.Input) ([]task, error) {
	v := reflect.ValueOf(input).Elem()
	elems := map[string][]*ast.Term{}
	keys := map[string]*ast.Term{}
	whole := make([][2]*ast.Term, 0, len(collections()))
	c := newConverter()
	for i, name := range collections() {
		t, err := c.encode(v.Field(i))
		if err != nil {
			return nil, err
		}
		arr, ok := t.Value.(*ast.Array)
		if !ok {
			arr = ast.NewArray() // a nil slice: Normalize was not run
			t = ast.NewTerm(arr)
		}
		for j := range arr.Len() {
			elems[name] = append(elems[name], arr.Elem(j))
		}
		keys[name] = ast.StringTerm(name)
		whole = append(whole, [2]*ast.Term{keys[name], t})
	}
	var out []task
	for _, g := range e.groups {
		if g.each == "" {
			out = append(out, task{g.query, ast.NewObject(whole...)})
			continue
		}
		all := elems[g.each]
		for start := 0; start < len(all); start += e.chunk {
			chunk := all[start:min(start+e.chunk, len(all))]
			pairs := slices.Clone(whole)
			for i := range pairs {
				if pairs[i][0] == keys[g.each] {
					pairs[i][1] = ast.ArrayTerm(chunk...)
				}
			}
			out = append(out, task{g.query, ast.NewObject(pairs...)})
		}
	}
	return out, nil
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
			if results[i], errs[i] = t.query.Eval(ctx, rego.EvalParsedInput(t.input)); errs[i] != nil {
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
				results[i], errs[i] = tasks[i].query.Eval(ctx, rego.EvalParsedInput(tasks[i].input))
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
