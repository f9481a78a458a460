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

// Name is the builtin's name; NameOn that of its form with a platform.
const (
	Name   = "dnslint.test.input"
	NameOn = "dnslint.test.input_on"
)

// filesType is file name → text.
var filesType = types.NewObject(nil, types.NewDynamicProperty(types.S, types.S))

// inputType is not the input schema's type: OPA's type checker recurses without end
// comparing it (its recursive parts) with the type of `input` in a `with input as` of the
// result. The rules under test are checked all the same.
var inputType = types.Named("input", types.A).Description("the model the rules see")

func init() {
	rego.RegisterBuiltin1(&rego.Function{
		Name: Name,
		Decl: types.NewFunction(
			types.Args(types.Named("files", filesType).
				Description(`file name → text, e.g. {"Corefile": "…", "coredns.yaml": "…"}; the name tells the format as on the command line`)),
			inputType,
		),
		Memoize: true,
	}, func(_ rego.BuiltinContext, files *ast.Term) (*ast.Term, error) { return input("", files) })
	rego.RegisterBuiltin2(&rego.Function{
		Name: NameOn,
		Decl: types.NewFunction(
			types.Args(
				types.Named("platform", types.S).Description("the --platform of the run (aks, eks, k3s, …)"),
				types.Named("files", filesType).Description("as for dnslint.test.input"),
			),
			inputType,
		),
		Memoize: true,
	}, func(_ rego.BuiltinContext, platform, files *ast.Term) (*ast.Term, error) {
		p, ok := platform.Value.(ast.String)
		if !ok {
			return nil, fmt.Errorf("want a platform name, got %s", ast.ValueName(platform.Value))
		}
		return input(string(p), files)
	})
}

// input implements dnslint.test.input(files) and dnslint.test.input_on(platform, files).
func input(platform string, files *ast.Term) (*ast.Term, error) {
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
		// Abs is the name as given, as if the run were in the files' directory: CoreDNS's
		// messages name the file as the CLI's do there ("Corefile:2 - Error during parsing: …",
		// not ":2 - …"), and no path of the machine that runs the tests enters the model.
		in = append(in, &source.File{Path: string(name), Abs: string(name), Format: format, Data: []byte(Dedent(string(text)))})
	}
	slices.SortFunc(in, func(a, b *source.File) int { return strings.Compare(a.Path, b.Path) })
	model, _, err := lint.Model(in, platform)
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
