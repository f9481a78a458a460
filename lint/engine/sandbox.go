package engine

import (
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// deniedBuiltins may not be used by any policy: they reach the network or the host's
// environment, or make findings differ from run to run.
var deniedBuiltins = []string{
	"http.send", "net.lookup_ip_addr", "opa.runtime",
	"time.now_ns", "rand.intn", "uuid.rfc4122",
}

// capabilities are OPA's, less the denied builtins and with no network host allowed.
func capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	c.Builtins = slices.DeleteFunc(slices.Clone(c.Builtins), func(b *ast.Builtin) bool {
		return slices.Contains(deniedBuiltins, b.Name)
	})
	c.AllowNet = []string{}
	return c
}

// checkSandbox names the first denied builtin a module calls, with its position.
func checkSandbox(m *ast.Module) error {
	var err error
	deny := func(op ast.Ref, loc *ast.Location) {
		if name := op.String(); err == nil && slices.Contains(deniedBuiltins, name) {
			err = fmt.Errorf("%s:%d: %s is not allowed: dnslint policies may not use the network, the environment or the clock",
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
