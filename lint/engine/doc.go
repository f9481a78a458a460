// Package engine owns rule evaluation: it loads the built-in Rego rules and user
// policies, reads each rule's METADATA annotations into the catalog, refuses policies that
// could reach the network, the file system, the environment or the clock, compiles the
// enabled rules once, and evaluates them with one prepared query per group of rules: the
// rules that report each element of one input collection on its own (METADATA
// custom.each) over chunks of it, in parallel, the others over the whole input
// (groups.go, evaluate.go). It also builds the Rego input from the model (value.go).
//
// A rule is a Rego package data.dnslint.rules.<category>["<name>"] whose set `report`
// holds findings: objects {"message": string, "location": Pos, "related": [...]}. Its id
// is <category>/<name>, taken from the package path.
package engine
