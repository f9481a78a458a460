// Package rules holds the built-in Rego rules, one per file under <category>/<name>.rego
// with its test beside it, the helper library under lib/, and the data the rules consult
// under data/ (CoreDNS plugin history and the like), and the JSON Schema of the rules'
// input under schema/ (generated from lint/model by `make docs`). The files are embedded
// in the binary.
package rules

import "embed"

// FS is the built-in rule tree.
//
//go:embed lib data schema/input.json */*.rego
var FS embed.FS
