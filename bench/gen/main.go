// Command gen writes a deterministic benchmark corpus (see package bench/corpus).
//
//	go run ./bench/gen -n 1000 -o bench/out/1000
//
// The same -n and -seed always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dnslint/dnslint/bench/corpus"
)

func main() {
	var o corpus.Options
	flag.IntVar(&o.N, "n", 100, "number of documents")
	flag.IntVar(&o.PerFile, "per-file", 10, "YAML documents per file")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed")
	flag.BoolVar(&o.YAMLOnly, "yaml-only", false, "only YAML files (Corefiles inside ConfigMaps), for tools that read only YAML")
	out := flag.String("o", "bench/out/corpus", "output directory (emptied first)")
	flag.Parse()
	if err := corpus.Write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
