package inputschema_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dnslint/dnslint/internal/inputschema"
	"github.com/dnslint/dnslint/lint"
	"github.com/dnslint/dnslint/lint/source"
)

// TestRealInputsMatchSchema: the model of every rule fixture and distro default (the
// shapes the parsers really produce) is valid against the committed schema — closed
// objects, required fields, null only where a pointer allows it — by OPA's own
// json.match_schema.
func TestRealInputsMatchSchema(t *testing.T) {
	schema, err := os.ReadFile(filepath.Join("..", "..", inputschema.SchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	var schemaDoc any
	if err := json.Unmarshal(schema, &schemaDoc); err != nil {
		t.Fatal(err)
	}
	q, err := rego.New(rego.Query("[ok, errs] := json.match_schema(input.doc, input.schema)")).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, glob := range []string{"../../testdata/rules/*/*/*", "../../testdata/distro-defaults/*"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	checked := 0
	for _, name := range files {
		format := source.FormatOf(name)
		if info, err := os.Stat(name); err != nil || info.IsDir() || format == "" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		in, _, err := lint.Model([]*source.File{{Path: filepath.Base(name), Format: format, Data: b}}, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var doc any
		js, _ := json.Marshal(in)
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Fatal(err)
		}
		rs, err := q.Eval(context.Background(), rego.EvalInput(map[string]any{"doc": doc, "schema": schemaDoc}))
		if err != nil {
			t.Fatal(err)
		}
		if ok := rs[0].Bindings["ok"]; ok != true {
			t.Errorf("%s: the model is not valid against %s: %v", name, inputschema.SchemaFile, rs[0].Bindings["errs"])
		}
		checked++
	}
	if checked < 100 {
		t.Fatalf("only %d files checked", checked)
	}
	t.Logf("%d files", checked)
}
