package rules_test

import (
	"bytes"
	"testing"

	"github.com/open-policy-agent/opa/v1/format"
)

// TestRegoFormatted is the format gate of the built-in rules: every .rego file is in
// `opa fmt` form, checked through OPA's Go API (no opa binary needed). Note: OPA's
// formatter garbles a one-line `else := V if BODY` that a bare `else := W` follows (it
// prints W's text into BODY: `endswith(p, ".")` became `endswith(p, "\.$")`); write that
// else's body in braces.
func TestRegoFormatted(t *testing.T) {
	for _, f := range regoFiles(t, nil) {
		p, b := f.path, f.src
		out, err := format.Source(p, b)
		switch {
		case err != nil:
			t.Errorf("%s: opa fmt: %v", p, err)
		case !bytes.Equal(out, b):
			t.Errorf("%s is not in opa fmt form (go run ./internal/regofmt rewrites it)", p)
		default:
			if again, err := format.Source(p, out); err != nil || !bytes.Equal(again, out) {
				t.Errorf("%s: opa fmt is not stable on it (see the note on else chains)", p)
			}
		}
	}
}
