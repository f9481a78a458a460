// Package model owns the typed, normalized view of every configuration dnslint reads.
// It is the input schema of the Rego rules: every struct here is serialized (through its
// json tags) into `input`, and every element that a rule can point at carries a Pos in the
// file the user edits. docs/input.md and rules/schema/input.json describe the same shape
// for policy authors; both are generated from these types (internal/inputschema, make
// docs), and the engine type-checks every policy against the schema.
package model

import "fmt"

// Pos is a range in the file the user edits: 1-based line and column (in characters),
// the end inclusive of the last character. A zero Line means "the whole file".
type Pos struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	EndLine int    `json:"end_line"`
	EndCol  int    `json:"end_col"`
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Less orders positions by file, line and column.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Token is one word of configuration text and where it stands.
type Token struct {
	Text string `json:"text"`
	Pos  Pos    `json:"pos"`
}

// Object names the Kubernetes object a piece of configuration came from.
type Object struct {
	APIVersion string `json:"api_version,omitempty"`
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	Namespace  string `json:"namespace,omitempty"`
	Pos        Pos    `json:"pos"`
}
