// Package inputschema derives the description of the rules' input from its one source,
// the Go types of lint/model: the JSON Schema that the engine type-checks every policy
// against (rules/schema/input.json) and the tree of fields in docs/input.md. Both are
// written by `make docs` (internal/gendocs); a test fails when the committed files are
// stale.
package inputschema
