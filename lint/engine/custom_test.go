package engine

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/dnslint/dnslint/rules"
)

// parseRule parses one rule file and reads its METADATA.
func parseRule(t *testing.T, file, src string) error {
	t.Helper()
	m, err := ast.ParseModuleWithOpts(file, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: capabilities()})
	if err != nil {
		t.Fatal(err)
	}
	category, name, ok := ruleID(m.Package.Path)
	if !ok {
		return errNotRule
	}
	_, err = ruleFromAnnotations(m, category, name, file, true)
	return err
}

var errNotRule = fmt.Errorf("not a rule")

// Issue 12: every built-in rule's METADATA custom block is decoded strictly. A typo
// ("eachh") in any of them is a load error naming the file and the line; a key prefixed
// "x-" is left alone.
func TestEveryBuiltinRuleRefusesUnknownCustomKey(t *testing.T) {
	n := 0
	err := fs.WalkDir(rules.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return err
		}
		b, err := fs.ReadFile(rules.FS, path)
		if err != nil {
			return err
		}
		src, file := string(b), "builtin:"+path
		if err := parseRule(t, file, src); err == errNotRule {
			return nil
		} else if err != nil {
			t.Errorf("%s as shipped: %v", path, err)
			return nil
		}
		n++
		lines := strings.Split(src, "\n")
		at := -1
		for i, l := range lines {
			if l == "# custom:" {
				at = i + 1
				break
			}
		}
		if at < 0 {
			t.Errorf("%s: no custom block", path)
			return nil
		}
		with := func(key string) string {
			out := append([]string{}, lines[:at]...)
			out = append(out, "#   "+key+": x")
			return strings.Join(append(out, lines[at:]...), "\n")
		}
		want := fmt.Sprintf("%s:%d: rule %s: METADATA custom: unknown key \"eachh\"", file, at+1, strings.TrimSuffix(path, ".rego"))
		if err := parseRule(t, file, with("eachh")); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s with eachh: got %v, want %q…", path, err, want)
		}
		if err := parseRule(t, file, with("x-eachh")); err != nil {
			t.Errorf("%s with x-eachh: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 80 {
		t.Fatalf("checked only %d rules", n)
	}
}

// A user policy with an unknown custom key does not load: the error names the file and
// the line.
func TestUserPolicyUnknownCustomKey(t *testing.T) {
	dir := writePolicy(t, strings.Replace(goodPolicy, "#   severity: warning\n", "#   severity: warning\n#   eachh: corefiles\n", 1))
	_, err := LoadCatalog(dir)
	want := "policy: " + filepath.Join(dir, "policy.rego") + ":6: rule acme/no-google: METADATA custom: unknown key \"eachh\""
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want %q…", err, want)
	}
	c, err := LoadCatalog(writePolicy(t, strings.Replace(goodPolicy, "#   severity: warning\n", "#   severity: warning\n#   x-owner: dns-team\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := c.Rule("acme/no-google"); r.Extra["x-owner"] != "dns-team" {
		t.Fatalf("x- key not kept: %+v", r.Extra)
	}
}

// Parameter types come from the defaults, narrowed by param_schema; a schema that does
// not fit is a load error with its line.
func TestParamSchema(t *testing.T) {
	policy := func(custom string) string {
		return strings.Replace(goodPolicy, "#   params:\n#     banned: 8.8.8.8\n", custom, 1)
	}
	c, err := LoadCatalog(writePolicy(t, policy("#   params:\n#     banned: [8.8.8.8]\n#     max: 3\n#     ratio: 0.5\n#     on: true\n#   param_schema:\n#     max: {minimum: 1, maximum: 9}\n#     banned: {enum: [8.8.8.8, 8.8.4.4]}\n")))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := c.Rule("acme/no-google")
	for name, want := range map[string]string{"banned": "array of strings, one of \"8.8.8.8\", \"8.8.4.4\"", "max": "integer, 1..9", "ratio": "number", "on": "boolean"} {
		if got := r.Params[name].Describe(); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	for custom, want := range map[string]string{
		"#   params:\n#     max: 30\n#   param_schema:\n#     max: {maximum: 9}\n":  ":6: rule acme/no-google: METADATA custom.params.max: the default does not fit its own schema: 30 is above the maximum 9",
		"#   params:\n#     max: 3\n#   param_schema:\n#     mx: {minimum: 1}\n":    `:6: rule acme/no-google: METADATA custom.param_schema: "mx" is not in custom.params`,
		"#   params:\n#     ports: []\n":                                            ":6: rule acme/no-google: METADATA custom.params.ports: the type of its elements is unknown",
		"#   params:\n#     max: 3\n#   param_schema:\n#     max: {minimum: one}\n": ":8: rule acme/no-google: METADATA custom.param_schema.minimum: a JSON string, want float64",
	} {
		dir := writePolicy(t, policy(custom))
		_, err := LoadCatalog(dir)
		if want = "policy: " + filepath.Join(dir, "policy.rego") + want; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("got %v, want %q…", err, want)
		}
	}
}
