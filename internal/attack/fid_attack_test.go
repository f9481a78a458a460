//go:build attack

package attack

import (
	"encoding/json"
	"strings"
	"testing"
)

// Issue 11 item 1: view's `expr` is compiled as CoreDNS compiles it (dnslint.expr_compile).
// expr-lang's parser recurses once per bracket level, so a Corefile of a few megabytes of
// nested brackets would overflow the goroutine stack — a fatal error that no recover
// catches, which would take the CLI (and the webhook) down. Past its nesting limit the
// expression is not compiled, and dnslint says so as an error: never a crash, never a
// silent pass.
func TestFidExprNestingDoesNotCrash(t *testing.T) {
	dir := t.TempDir()
	const depth = 1_000_000 // 2 MB of brackets, under the 5 MiB file limit
	expr := strings.Repeat("(", depth) + "1" + strings.Repeat(")", depth) + " == 1"
	writeFiles(t, dir, map[string]string{
		"Corefile": ".:53 {\n    view deep {\n        expr " + expr + "\n    }\n}\n",
	})
	r := run(t, dir, nil, "lint", "--format", "json", "Corefile")
	if strings.Contains(string(r.stderr), "stack overflow") || r.exit != 1 {
		t.Fatalf("exit %d, want 1 (an error finding); stderr: %.400s", r.exit, r.stderr)
	}
	var rep struct {
		Findings []struct {
			Rule, Severity, Message string
		}
	}
	if err := json.Unmarshal(r.stdout, &rep); err != nil {
		t.Fatalf("report: %v\n%.400s", err, r.stdout)
	}
	for _, f := range rep.Findings {
		if f.Rule == "corefile/invalid-plugin-args" && f.Severity == "error" && strings.Contains(f.Message, "nests deeper than 1000 levels") {
			return
		}
	}
	t.Fatalf("no error says the expression was past dnslint's limit: %+v", rep.Findings)
}
