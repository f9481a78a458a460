package dnslint.lib.kinds

import data.dnslint.lib.plugins

# expr: an expr-lang expression as CoreDNS compiles it (view's `expr`: expr.Compile with
# the environment of plugin/pkg/expression, builtin `type` disabled): dnslint.expr_compile.
# The library's message spans lines (the expression, a caret); they are joined here.
error(t, v) := plugins.text(t.message, v, {"{error}": concat(" ", split(err, "\n"))}) if {
	t.kind == "expr"
	err := dnslint.expr_compile(v)
	err != ""
	not startswith(err, limit_prefix)
}

# past_limit is why dnslint did not check v (dnslint.expr_compile's limit), undefined when
# it did. The rule reports it as an error: past a limit is never a silent pass.
past_limit(t, v) := substring(err, count(limit_prefix), -1) if {
	t.kind == "expr"
	err := dnslint.expr_compile(v)
	startswith(err, limit_prefix)
}

limit_prefix := "dnslint limit: "

fix["expr"] := "Fix the expression (expr-lang syntax; names: incidr, metadata, type, name, class, proto, size, client_ip, port, id, opcode, do, bufsize, server_ip, server_port)"
