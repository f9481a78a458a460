package engine

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/lint/model"
)

// A rule whose METADATA says `custom.each: <collection>` reports each element of that
// input collection on its own: a finding depends on one element (and on any of the other
// collections), never on how the elements compare with each other. The engine groups the
// enabled rules by `each` and evaluates a group over chunks of its collection, in
// parallel, with the other collections its rules read (readsOf) whole; the rules without
// `each` form one group that sees the whole input at once (evaluate.go). Chunking keeps
// OPA's working sets small (evaluation time stays linear in the number of documents),
// lets the chunks run on every core, and skips the rules of collections the run has no
// element of.

// DefaultChunkSize is how many elements of a collection one evaluation sees: large enough
// that the cost of an evaluation is the rules' and not the query's, small enough that
// OPA's sets stay small and both cores get work. On the 10,000-document bench corpus any
// size from 16 to 256 takes the same time, within 5%.
const DefaultChunkSize = 64

// collections are the input's top-level lists, by their JSON names (the values `each`
// may take): corefiles, customs, autoscalers, workloads, resolv_confs, parse_errors, duplicate_keys.
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

// group is the rules evaluated together: those of one `each` collection, or ("") those
// that see the whole input.
type group struct {
	each  string
	rules []string // the ids of its rules
	reads []string // the input collections its rules read (readsOf)
	query rego.PreparedEvalQuery
}

// ruleList names the group's rules in a message.
func (g group) ruleList() string {
	if len(g.rules) > 4 {
		return fmt.Sprintf("%s and %d more", strings.Join(g.rules[:4], ", "), len(g.rules)-4)
	}
	return strings.Join(g.rules, ", ")
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
			name, ok := ast.String(""), false
			if len(v) > 1 {
				name, ok = v[1].Value.(ast.String)
			}
			if ok {
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
