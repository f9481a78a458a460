package source

import "github.com/dnslint/dnslint/lint/model"

// Origin places the positions of a rendered text — a Helm template's output, an object
// of a kustomize build — in the files the user edits (lint/render builds it). A File
// with an Origin is linted as its Data says, and its findings are placed before they
// are filtered and reported.
type Origin interface {
	Place(p model.Pos) Placed
}

// Placed is a position placed by an Origin: where it stands in a file the user edits, a
// note for the message when only an approximate place was found (the rendered text it
// stands for), and related places (the values file line a rendered value came from).
type Placed struct {
	Pos     model.Pos
	Note    string
	Related []Related
}

// Related is a place a finding also points at.
type Related struct {
	Message string
	Pos     model.Pos
}
