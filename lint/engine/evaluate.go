package engine

import (
	"context"
	"reflect"
	"runtime"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/lint/model"
)

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
	parallelFor(ctx, len(tasks), func(i int) { results[i], errs[i] = tasks[i].eval(ctx) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, ctx.Err()
}
