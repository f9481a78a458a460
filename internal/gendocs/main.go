// Command gendocs writes docs/rules/ from the metadata of the built-in rules, and the JSON
// Schema of .dnslint.yaml beside it (docs/dnslint.schema.json), and the input schema of
// the rules with its reference in docs/input.md (internal/inputschema) (make docs).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dnslint/dnslint/internal/inputschema"
	"github.com/dnslint/dnslint/lint/compose"
	"github.com/dnslint/dnslint/lint/config"
	"github.com/dnslint/dnslint/lint/docs"
	"github.com/dnslint/dnslint/lint/engine"
)

// SchemaFile is the JSON Schema's name, in the parent of the rules directory.
const SchemaFile = "dnslint.schema.json"

func main() {
	dir := "docs/rules"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	cat, err := engine.LoadCatalog()
	if err == nil {
		err = docs.Write(dir, cat.Rules)
	}
	var schema []byte
	if err == nil {
		schema, err = config.Schema(cat.Rules, compose.KnownPlatforms())
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(filepath.Dir(dir), SchemaFile), append(schema, '\n'), 0o644)
	}
	if err == nil {
		err = inputschema.Write(filepath.Dir(filepath.Dir(dir))) // the repository holding docs/
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d rule pages to %s and %s beside it, %s and %s\n", len(cat.Rules), dir, SchemaFile, inputschema.SchemaFile, inputschema.DocFile)
}
