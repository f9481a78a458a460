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
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if err != nil || !e.IsCall() {
			return err != nil
		}
		name := e.Operator().String()
		if slices.Contains(deniedBuiltins, name) {
			err = fmt.Errorf("%s:%d: %s is not allowed: dnslint policies may not use the network, the environment or the clock",
				e.Location.File, e.Location.Row, name)
		}
		return false
	})
	return err
}
