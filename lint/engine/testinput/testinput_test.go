package testinput

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/source"
)

func eval(t *testing.T, query string) (any, error) {
	t.Helper()
	rs, err := rego.New(rego.Query("x := "+query), rego.StrictBuiltinErrors(true)).Eval(context.Background())
	if err != nil {
		return nil, err
	}
	if len(rs) != 1 {
		t.Fatalf("%s: %d results", query, len(rs))
	}
	return rs[0].Bindings["x"], nil
}

// TestInputIsTheModel: dnslint.test.input gives what lint.Model gives on the same files:
// a Corefile composed with the coredns-custom ConfigMap that a Deployment mounts beside it.
func TestInputIsTheModel(t *testing.T) {
	corefile := ".:53 {\n    import custom/*.server\n    forward . 1.1.1.1\n}\n"
	custom := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns-custom, namespace: kube-system}\ndata:\n  a.server: |\n    a.example:53 {\n      whoami\n    }\n"
	got, err := eval(t, `dnslint.test.input({"coredns.yaml": `+"`"+wrap(corefile)+"`"+`, "custom.yaml": `+"`"+custom+"`"+`})`)
	if err != nil {
		t.Fatal(err)
	}
	in, _, err := lint.Model([]*source.File{
		{Path: "coredns.yaml", Format: source.YAML, Data: []byte(wrap(corefile))},
		{Path: "custom.yaml", Format: source.YAML, Data: []byte(custom)},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(in)
	var want any
	json.Unmarshal(b, &want)
	gotJSON, _ := json.Marshal(got)
	wantJSON, _ := json.Marshal(want) // keys sorted as in got
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("dnslint.test.input:\n%s\nlint.Model:\n%s", gotJSON, b)
	}
	if !strings.Contains(string(b), `"kind":"server"`) || !strings.Contains(string(b), `"name":"whoami"`) {
		t.Errorf("the custom key was not composed in: %s", b)
	}
}

// wrap is a Corefile ConfigMap holding corefile.
func wrap(corefile string) string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n" +
		"    " + strings.ReplaceAll(strings.TrimSuffix(corefile, "\n"), "\n", "\n    ") + "\n"
}

// TestInputNamesTheFileInParseErrors: CoreDNS's parse message names the file as the CLI
// run in its directory does ("Corefile:2 - …"); it read ":2 - …" when the builtin gave the
// files no name to show.
func TestInputNamesTheFileInParseErrors(t *testing.T) {
	got, err := eval(t, `dnslint.test.input({"Corefile": ".:53 {\n    forward . 1.1.1.1 }\n}\n"}).parse_errors[0].message`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Corefile:2 - Error during parsing: Unexpected '}' because no matching opening brace"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInputRefusesUnknownFormat(t *testing.T) {
	_, err := eval(t, `dnslint.test.input({"notes.txt": "x"})`)
	if err == nil || !strings.Contains(err.Error(), `cannot tell the format of "notes.txt"`) {
		t.Errorf("got %v", err)
	}
}

func TestDedent(t *testing.T) {
	for in, want := range map[string]string{
		"\n\t\t. {\n\t\t    whoami\n\n\t\t}\n\t": ". {\n    whoami\n\n}\n",
		". {\n  whoami\n}\n":                     ". {\n  whoami\n}\n", // no leading newline: as it is
		"\n  a: 1\n    b: 2\n  c: 3\n":           "a: 1\n  b: 2\nc: 3\n",
		"\n\tkind: Pod\n\t  # x\n\tspec: {}\n\t": "kind: Pod\n  # x\nspec: {}\n",
	} {
		if got := Dedent(in); got != want {
			t.Errorf("Dedent(%q) = %q, want %q", in, got, want)
		}
	}
}
