package engine

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dnslint/dnslint/rules"
)

// InputSchemaFile is the JSON Schema of the rules' input in the built-in rule tree,
// generated from lint/model (internal/inputschema, `make docs`).
const InputSchemaFile = "schema/input.json"

// inputSchemas is the schema set every compiler of the engine gets: the input schema at
// OPA's root schema ref, which is what `opa check --schema FILE` does. OPA's type
// checker then types `input` in every module, built-in rules and user policies alike
// (none carries a schema annotation of its own), and a reference to a field the model
// does not have (`input.workloads[_].dns_polcy`) is a compile error with its file and
// line: the model's objects are closed.
var inputSchemas = sync.OnceValues(func() (*ast.SchemaSet, error) {
	b, err := fs.ReadFile(rules.FS, InputSchemaFile)
	if err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	var schema any
	if err := json.Unmarshal(b, &schema); err != nil {
		return nil, fmt.Errorf("input schema: %s: %w", InputSchemaFile, err)
	}
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, schema)
	return ss, nil
})

// InputSchemas is the schema set the engine compiles every policy with (for the Rego test
// runners, which must type-check as the engine does).
func InputSchemas() (*ast.SchemaSet, error) { return inputSchemas() }
