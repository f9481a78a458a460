package engine

import (
	"fmt"
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// deniedBuiltins may not be used by any policy: they reach the network, the file system
// or the host's environment, or make findings differ from run to run — every builtin OPA
// marks nondeterministic (a test keeps it so when OPA adds one). The JSON schema builtins
// resolve a schema's `$ref`: OPA reads file:// references from the disk whatever the
// capabilities say. io.jwt.decode_verify checks expiry against the clock; the JWT
// signing builtins draw random numbers. The x509 chain verifiers check validity against
// the clock (time.Now) though OPA does not mark them. strings.render_template builds
// output without bound (a template ranges over its data, nested at will). The time
// builtins that take a time zone, and time.parse_ns with a zone abbreviation, would read
// the host's time zone: caps.go refuses those arguments when they are evaluated.
var deniedBuiltins = []string{
	"http.send", "net.lookup_ip_addr", "opa.runtime",
	"json.match_schema", "json.verify_schema",
	"time.now_ns", "rand.intn", "uuid.rfc4122",
	"io.jwt.decode_verify", "io.jwt.encode_sign", "io.jwt.encode_sign_raw",
	"crypto.x509.parse_and_verify_certificates", "crypto.x509.parse_and_verify_certificates_with_options",
	"strings.render_template",
}

// denialReason says why a policy may not call a denied builtin.
func denialReason(name string) string {
	if name == "strings.render_template" {
		return "its output has no bound (a template may range over its data, nested at will)"
	}
	return "dnslint policies may not use the network, the file system, the environment, the clock or chance"
}

// capabilities are OPA's, less the denied builtins and with no network host allowed.
// Built once: every module parse and every compile reads them, none changes them.
var capabilities = sync.OnceValue(func() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	c.Builtins = slices.DeleteFunc(slices.Clone(c.Builtins), func(b *ast.Builtin) bool {
		return slices.Contains(deniedBuiltins, b.Name)
	})
	c.AllowNet = []string{}
	return c
})

// checkSandbox names the first denied builtin a module calls, with its position.
func checkSandbox(m *ast.Module) error {
	var err error
	deny := func(op ast.Ref, loc *ast.Location) {
		if name := op.String(); err == nil && slices.Contains(deniedBuiltins, name) {
			err = fmt.Errorf("%s:%d: %s is not allowed: %s", loc.File, loc.Row, name, denialReason(name))
		}
	}
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsCall() {
			deny(e.Operator(), e.Location)
		}
		return false
	})
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if call, ok := t.Value.(ast.Call); ok && len(call) > 0 {
			if op, ok := call[0].Value.(ast.Ref); ok {
				deny(op, t.Location)
			}
		}
		return false
	})
	return err
}
