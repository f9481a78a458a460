package dnslint.lib.kinds

import data.dnslint.lib.plugins

# expr: an expr-lang expression as CoreDNS compiles it (view's `expr`: expr.Compile with
# the environment of plugin/pkg/expression, builtin `type` disabled): dnslint.expr_compile.
# The library's message spans lines (the expression, a caret); they are joined here.
error(t, v) := plugins.text(t.message, v, {"{error}": concat(" ", split(err, "\n"))}) if {
	t.kind == "expr"
	err := dnslint.expr_compile(v)
	err != ""
}

fix["expr"] := "Fix the expression (expr-lang syntax; names: incidr, metadata, type, name, class, proto, size, client_ip, port, id, opcode, do, bufsize, server_ip, server_port)"
