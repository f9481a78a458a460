package engine

import (
	"context"
	"errors"
	"reflect"
	"runtime"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/lint/finding"
	"github.com/dnslint/dnslint/lint/model"
)

// task is one evaluation: a group's query over an input, built when the evaluation
// starts (so that only the chunks being evaluated exist as Rego values). elems are the
// elements of the group's collection it covers (none: the whole input).
type task struct {
	query rego.PreparedEvalQuery
	input func(elems []int) (ast.Value, error)
	elems []int
	list  reflect.Value // the group's collection, for the elements' positions
}

func (t task) eval(ctx context.Context) (rego.ResultSet, error) {
	in, err := t.input(t.elems)
	if err != nil {
		return nil, err
	}
	return t.query.Eval(ctx, rego.EvalParsedInput(in))
}

// positions are where the task's elements are.
func (t task) positions() []model.Pos {
	var out []model.Pos
	for _, j := range t.elems {
		out = append(out, elementPos(t.list.Index(j)))
	}
	return out
}

// chunkWeight bounds the weight (model.Corefile.Weight: tokens) of the elements of one
// chunk: a Corefile of 10,000 hosts entries is a chunk of its own.
const chunkWeight = 1 << 14

// chunks cuts the indices of list into runs of at most size elements and, past the
// first element, at most chunkWeight of weight.
func chunks(list reflect.Value, size int) [][]int {
	var out [][]int
	var cur []int
	weight := 0
	for j := range list.Len() {
		w := 0
		if el, ok := list.Index(j).Interface().(interface{ Weight() int }); ok {
			w = el.Weight()
		}
		if len(cur) == size || len(cur) > 0 && weight+w > chunkWeight {
			out = append(out, cur)
			cur, weight = nil, 0
		}
		cur = append(cur, j)
		weight += w
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// evalGroups evaluates the groups one after the other, each over the collections its
// rules read: chunks of its `each` collection, converted chunk by chunk, and the others
// whole, converted once (from the chunks' elements when a group chunked them already)
// and dropped after the last group that reads them. So the run's
// input never exists whole as Rego values unless one group reads it all, and the memory
// of a large run is that of its largest context, not of everything. An evaluation past
// its limits is reported as a finding (limits.go), not as an error.
func (e *Engine) evalGroups(ctx context.Context, input *model.Input) ([]rego.ResultSet, []finding.Finding, error) {
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
	var limits []finding.Finding
	for _, g := range e.groups {
		var pairs [][2]*ast.Term
		for _, name := range g.context() {
			t, ok := whole[name]
			if !ok && kept[name] != nil {
				elems := kept[name]
				for j, el := range elems {
					if el == nil { // its evaluation never started (past its limits)
						var err error
						if elems[j], err = conv.encode(fields.Field(index[name]).Index(j)); err != nil {
							return nil, nil, err
						}
					}
				}
				t, ok = ast.ArrayTerm(elems...), true
				whole[name] = t
				delete(kept, name)
			}
			if !ok {
				var err error
				if t, err = conv.encode(fields.Field(index[name])); err != nil {
					return nil, nil, err
				}
				whole[name] = t
			}
			pairs = append(pairs, [2]*ast.Term{ast.InternedTerm(name), t})
		}
		var tasks []task
		if g.each == "" {
			tasks = append(tasks, task{query: g.query, input: func([]int) (ast.Value, error) { return ast.NewObject(pairs...), nil }})
		} else {
			list := fields.Field(index[g.each])
			var keep []*ast.Term
			if _, done := whole[g.each]; pending[g.each] > 0 && !done {
				keep = make([]*ast.Term, list.Len()) // each chunk fills its own part
				kept[g.each] = keep
			}
			input := func(elems []int) (ast.Value, error) {
				conv := newConverter() // one per chunk: chunks are built in parallel
				chunk := make([]*ast.Term, 0, len(elems))
				for _, j := range elems {
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
			}
			for _, elems := range chunks(list, e.chunk) {
				tasks = append(tasks, task{query: g.query, input: input, elems: elems, list: list})
			}
		}
		results, over, err := e.run(ctx, g, tasks, input)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, results...)
		limits = append(limits, over...)
		for _, name := range g.context() {
			if pending[name]--; pending[name] == 0 {
				delete(whole, name)
			}
		}
	}
	return out, limits, nil
}

// inline is the most tasks run evaluates in the calling goroutine: a small input (the
// webhook's one object) is not worth handing over, and a fresh goroutine pays again for
// growing the deep stack OPA's evaluation needs.
const inline = 3

// run evaluates the tasks on every core and returns their results in task order. A
// task past its limits is evaluated again element by element, one at a time (so that
// the heap it grows is its own); an element still past them, or a task over the whole
// input, becomes a limit finding.
func (e *Engine) run(ctx context.Context, g group, tasks []task, input *model.Input) ([]rego.ResultSet, []finding.Finding, error) {
	results := make([]rego.ResultSet, len(tasks))
	errs := make([]error, len(tasks))
	workers := runtime.GOMAXPROCS(0)
	if len(tasks) <= inline || workers == 1 {
		for i, t := range tasks {
			results[i], errs[i] = e.limited(ctx, t, 1)
		}
	} else {
		parallelFor(ctx, len(tasks), func(i int) { results[i], errs[i] = e.limited(ctx, tasks[i], workers) })
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var limits []finding.Finding
	for i, err := range errs {
		var over *exceededError
		switch {
		case err == nil:
			continue
		case !errors.As(err, &over):
			return nil, nil, err
		case len(tasks[i].elems) == 0:
			limits = append(limits, e.limitFinding(g, firstPos(input), over))
			continue
		}
		heap := over.cause == errHeapLimit
		for _, j := range tasks[i].elems {
			one := tasks[i]
			one.elems = []int{j}
			if heap {
				runtime.GC() // so that the element's heap growth is its own
			}
			rs, err := e.limited(ctx, one, 1)
			switch {
			case errors.As(err, &over):
				limits = append(limits, e.limitFinding(g, elementPos(one.list.Index(j)), over))
			case err != nil:
				return nil, nil, err
			default:
				results = append(results, rs)
			}
		}
	}
	return results, limits, ctx.Err()
}

// firstPos is the first position of the input's elements, where a finding about the
// whole run points.
func firstPos(input *model.Input) model.Pos {
	var first model.Pos
	v := reflect.ValueOf(input).Elem()
	for i := range v.NumField() {
		for j := range v.Field(i).Len() {
			if p := elementPos(v.Field(i).Index(j)); p.File != "" && (first.File == "" || p.Less(first)) {
				first = p
			}
		}
	}
	return first
}
