// Command regofmt rewrites the built-in rules under rules/ in `opa fmt` form, through OPA's
// Go API (rules.TestRegoFormatted checks it): go run ./internal/regofmt
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/format"
)

func main() {
	err := filepath.WalkDir("rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out, err := format.Source(p, b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if bytes.Equal(out, b) {
			return nil
		}
		fmt.Println("formatted", p)
		return os.WriteFile(p, out, 0o644)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "regofmt:", err)
		os.Exit(1)
	}
}
