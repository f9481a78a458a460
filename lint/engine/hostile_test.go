package engine

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// withCondition is goodPolicy with its condition replaced by cond.
func withCondition(cond string) string {
	return strings.Replace(goodPolicy, `a.text == data.dnslint.params["acme/no-google"].banned`, cond, 1)
}

// TestSandboxRefusesEveryEscape calls each builtin that reaches outside (network, file
// system, environment, clock, chance) from a user policy, directly and nested in another
// call or a comprehension: loading the policy fails and names the builtin.
func TestSandboxRefusesEveryEscape(t *testing.T) {
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(schema, []byte(`{"type": "string"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := map[string]string{
		"http.send":              `http.send({"method": "GET", "url": "http://127.0.0.1:1"}).status_code == 200`,
		"net.lookup_ip_addr":     `count(net.lookup_ip_addr("example.com")) > 0`,
		"opa.runtime":            `opa.runtime().env.HOME == a.text`,
		"json.match_schema":      `json.match_schema({"a": 1}, {"$ref": "file://` + schema + `"})[0] == false`,
		"json.verify_schema":     `json.verify_schema({"$ref": "file:///etc/passwd"})[0] == false`,
		"time.now_ns":            `time.now_ns() > 0`,
		"rand.intn":              `rand.intn("x", 10) == 1`,
		"uuid.rfc4122":           `uuid.rfc4122("x") != a.text`,
		"io.jwt.decode_verify":   `io.jwt.decode_verify(a.text, {"secret": "s"})[0]`,
		"io.jwt.encode_sign":     `io.jwt.encode_sign({"alg": "HS256"}, {}, {"kty": "oct", "k": "c2VjcmV0"}) != a.text`,
		"io.jwt.encode_sign_raw": `io.jwt.encode_sign_raw("{}", "{}", "{}") != a.text`,
		"crypto.x509.parse_and_verify_certificates":              `crypto.x509.parse_and_verify_certificates(a.text)[0]`,
		"crypto.x509.parse_and_verify_certificates_with_options": `crypto.x509.parse_and_verify_certificates_with_options(a.text, {})[0]`,
		"strings.render_template":                                `strings.render_template("{{.a}}", {"a": a.text}) != ""`,
	}
	for _, name := range deniedBuiltins {
		if calls[name] == "" {
			t.Errorf("no test calls the denied builtin %s", name)
		}
	}
	for name, call := range calls {
		for how, cond := range map[string]string{
			"direct":        call,
			"nested":        `count(sprintf("%v", [` + strings.TrimSuffix(strings.Split(call, " ==")[0], " > 0") + `])) > 0`,
			"comprehension": `count([1 | ` + call + `]) > 0`,
		} {
			t.Run(name+"/"+how, func(t *testing.T) {
				_, err := LoadCatalog(writePolicy(t, withCondition(cond)))
				if err == nil || !strings.Contains(err.Error(), name+" is not allowed") {
					t.Fatalf("policy calling %s (%s) loaded: %v", name, cond, err)
				}
			})
		}
	}
}

// TestCapabilitiesLackEscapes is the second wall: the compiler's capabilities do not even
// know the denied builtins, so a call that the sandbox check missed would not compile.
// Every builtin OPA marks nondeterministic (it depends on the world outside the input)
// must be denied; a new OPA release that adds one fails here until it is reviewed.
func TestCapabilitiesLackEscapes(t *testing.T) {
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic && !slices.Contains(deniedBuiltins, b.Name) {
			t.Errorf("OPA builtin %s is nondeterministic (network, clock, chance, files) but not denied", b.Name)
		}
	}
	caps := capabilities()
	for _, b := range caps.Builtins {
		if slices.Contains(deniedBuiltins, b.Name) {
			t.Errorf("denied builtin %s is still in the capabilities", b.Name)
		}
	}
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("allow_net %v: want an empty list (no host), not nil (every host)", caps.AllowNet)
	}
	mod, err := ast.ParseModuleWithOpts("x.rego", "package x\n\ny := http.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:1\"})\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithCapabilities(caps)
	if c.Compile(map[string]*ast.Module{"x.rego": mod}); !c.Failed() || !strings.Contains(c.Errors.Error(), "undefined function http.send") {
		t.Errorf("compiling a call of http.send: %v", c.Errors)
	}
}

// TestSchemaReferencesStayOffline shows why the JSON schema builtins are denied: OPA
// resolves a schema's file:// $ref from the disk. Evaluated without the sandbox (the
// builtin kept), the schema file is read; with the sandbox, the policy does not load.
// No request reaches a server either way.
func TestSchemaReferencesStayOffline(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte(`{"type": "string"}`))
	}))
	defer srv.Close()
	schema := filepath.Join(t.TempDir(), "schema.json")
	if err := os.WriteFile(schema, []byte(`{"type": "string"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"file://" + schema, srv.URL + "/schema.json"} {
		src := withCondition(`[valid, errs] := json.match_schema({"a": 1}, {"$ref": "` + ref + `"})
	msg := sprintf("%v %v", [valid, errs])`)
		src = strings.Replace(src, `report.finding(a.pos, "banned upstream")`, `report.finding(a.pos, msg)`, 1)
		if _, err := LoadCatalog(writePolicy(t, src)); err == nil || !strings.Contains(err.Error(), "json.match_schema is not allowed") {
			t.Errorf("%s: policy loaded: %v", ref, err)
		}
	}
	// Without the sandbox: the same call reads the schema file.
	mod, err := ast.ParseModuleWithOpts("x.rego", `package x

import rego.v1

errs := json.match_schema({"a": 1}, {"$ref": "file://`+schema+`"})[1]
`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler()
	if c.Compile(map[string]*ast.Module{"x.rego": mod}); c.Failed() {
		t.Fatal(c.Errors)
	}
	got := evalRef(t, c, "data.x.errs")
	if !strings.Contains(got, "Expected: string, given: object") {
		t.Errorf("OPA no longer reads file:// schema references (%s): the denial may be relaxed", got)
	}
	if hits.Load() != 0 {
		t.Errorf("%d requests reached the server", hits.Load())
	}
}

func evalRef(t *testing.T, c *ast.Compiler, ref string) string {
	t.Helper()
	rs, err := rego.New(rego.Query(ref), rego.Compiler(c)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(rs)
}

// TestReadmeListsDeniedBuiltins: the README's "Writing a policy" names exactly the
// builtins a policy may not call.
func TestReadmeListsDeniedBuiltins(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md")) // tests run in their package directory
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	_, list, ok := strings.Cut(text, "User policies may not call ")
	list, _, ok2 := strings.Cut(list, "loading such a policy is an error")
	if !ok || !ok2 {
		t.Fatal("README no longer lists the builtins a policy may not call")
	}
	known := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		known[b.Name] = true
	}
	var listed []string
	for i, part := range strings.Split(list, "`") {
		if i%2 == 1 && known[part] {
			listed = append(listed, part)
		}
	}
	want := slices.Clone(deniedBuiltins)
	slices.Sort(listed)
	slices.Sort(want)
	if !slices.Equal(listed, want) {
		t.Errorf("README lists %v, the sandbox denies %v", listed, want)
	}
}
