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
// signing builtins draw random numbers.
var deniedBuiltins = []string{
	"http.send", "net.lookup_ip_addr", "opa.runtime",
	"json.match_schema", "json.verify_schema",
	"time.now_ns", "rand.intn", "uuid.rfc4122",
	"io.jwt.decode_verify", "io.jwt.encode_sign", "io.jwt.encode_sign_raw",
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
			err = fmt.Errorf("%s:%d: %s is not allowed: dnslint policies may not use the network, the file system, the environment, the clock or chance",
				loc.File, loc.Row, name)
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
