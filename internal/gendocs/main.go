// Command gendocs writes docs/rules/ from the metadata of the built-in rules (make docs).
package main

import (
	"fmt"
	"os"

	"github.com/dnslint/dnslint/lint/docs"
	"github.com/dnslint/dnslint/lint/engine"
)

func main() {
	dir := "docs/rules"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	cat, err := engine.LoadCatalog()
	if err == nil {
		err = docs.Write(dir, cat.Rules)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d rule pages to %s\n", len(cat.Rules), dir)
}
