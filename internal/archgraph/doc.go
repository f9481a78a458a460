// Package archgraph holds the test that keeps docs/architecture.md and the code's package
// graph the same: the table of which dnslint package imports which is generated from
// `go list` and compared with the document, and the pipeline's direction is checked.
package archgraph
