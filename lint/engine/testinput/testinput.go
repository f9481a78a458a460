// Package testinput registers dnslint.test.input, the builtin with which the Rego tests of
// rules state their configuration as text instead of the model's JSON: it runs the real
// parse → model → compose of lint.Model on the files given, in memory, and returns the
// `input` the rules would see. Only the Rego test runners import this package (go test
// ./rules/, internal/newrule's tests); the dnslint binary does not, so no rule or policy
// can call it in a run.
package testinput

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/source"
)

// Name is the builtin's name.
const Name = "dnslint.test.input"

func init() {
	rego.RegisterBuiltin1(&rego.Function{
		Name: Name,
		Decl: types.NewFunction(
			types.Args(types.Named("files", types.NewObject(nil, types.NewDynamicProperty(types.S, types.S))).
				Description(`file name → text, e.g. {"Corefile": "…", "coredns.yaml": "…"}; the name tells the format as on the command line`)),
			// Not the input schema's type: OPA's type checker recurses without end
			// comparing it (its recursive parts) with the type of `input` in a
			// `with input as` of the result. The rules under test are checked all the same.
			types.Named("input", types.A).Description("the model the rules see"),
		),
		Memoize: true,
	}, input)
}

// input implements dnslint.test.input(files).
func input(_ rego.BuiltinContext, files *ast.Term) (*ast.Term, error) {
	obj, ok := files.Value.(ast.Object)
	if !ok {
		return nil, fmt.Errorf("want an object of file name → text, got %s", ast.ValueName(files.Value))
	}
	var in []*source.File
	for _, k := range obj.Keys() {
		name, ok1 := k.Value.(ast.String)
		text, ok2 := obj.Get(k).Value.(ast.String)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("want file name → text, got %v: %v", k, obj.Get(k))
		}
		format := source.FormatOf(string(name))
		if format == "" {
			return nil, fmt.Errorf("cannot tell the format of %q: name it Corefile, *.corefile, *.yaml or resolv.conf", string(name))
		}
		in = append(in, &source.File{Path: string(name), Format: format, Data: []byte(Dedent(string(text)))})
	}
	slices.SortFunc(in, func(a, b *source.File) int { return strings.Compare(a.Path, b.Path) })
	model, _, err := lint.Model(in, "")
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(model)
	if err != nil {
		return nil, err
	}
	v, err := ast.ValueFromReader(strings.NewReader(string(b)))
	if err != nil {
		return nil, err
	}
	return ast.NewTerm(v), nil
}

// Dedent lets a test indent a file's text with its Rego: a first line that is empty is
// dropped, and the leading whitespace common to every line that is not blank is removed
// (so lines and columns count from the text as a file would hold it). A text whose first
// line is not empty is taken as it is.
func Dedent(s string) string {
	rest, ok := strings.CutPrefix(s, "\n")
	if !ok {
		return s
	}
	lines := strings.Split(rest, "\n")
	prefix := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			prefix, first = indent, false
			continue
		}
		for !strings.HasPrefix(indent, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
		} else {
			lines[i] = l[len(prefix):]
		}
	}
	// The closing line of the raw string (indentation before the backtick) ends the file.
	return strings.Join(lines, "\n")
}
