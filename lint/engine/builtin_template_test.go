package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

// templateParseOf evaluates dnslint.template_parse through OPA, as a policy calls it.
func templateParseOf(t *testing.T, name, text string, funcs []string) string {
	t.Helper()
	q := rego.New(rego.Query(`x := dnslint.template_parse(input.name, input.text, input.funcs)`))
	pq, err := q.PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pq.Eval(context.Background(), rego.EvalInput(map[string]any{"name": name, "text": text, "funcs": funcs}))
	if err != nil || len(rs) != 1 {
		t.Fatalf("eval: %v %v", rs, err)
	}
	return rs[0].Bindings["x"].(string)
}

func TestTemplateParse(t *testing.T) {
	funcs := []string{"parseInt"}
	for _, c := range []struct{ name, text, want string }{
		{"answer", "{{", "template: answer:1: unclosed action"},
		{"authority", "{{", "template: authority:1: unclosed action"},
		{"answer", "{{ notAFunction }}", `template: answer:1: function "notAFunction" not defined`},
		{"answer", `{{ .Name }} 60 IN A {{ index .Match 1 }}`, ""},
		{"answer", `{{ parseInt (index .Match 1) 10 8 }}`, ""},
	} {
		if got := templateParseOf(t, c.name, c.text, funcs); got != c.want {
			t.Errorf("template_parse(%q, %q) = %q, want %q", c.name, c.text, got, c.want)
		}
	}
	// Without parseInt declared (CoreDNS before 1.10.0) it is an undefined function.
	if got := templateParseOf(t, "answer", `{{ parseInt "1" 10 8 }}`, nil); got != `template: answer:1: function "parseInt" not defined` {
		t.Errorf("without funcs: %q", got)
	}
}
