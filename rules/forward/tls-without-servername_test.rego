package dnslint.rules.forward["tls-without-servername_test"]

import data.dnslint.rules.forward["tls-without-servername"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# fwd is a Corefile whose line 2 is `forward ARGS`, with lines in its block from line 3 on.
fwd(args, lines) := parsed(concat("\n", array.flatten([
	".:53 {",
	forward(args, lines),
	"}",
	"",
])))

# forward is the lines of `forward ARGS`, with a block when lines are given.
forward(args, []) := [sprintf("    forward %s", [args])]

forward(args, lines) := array.flatten([
	sprintf("    forward %s {", [args]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
]) if count(lines) > 0

test_tls_without_name if {
	r := rule.report with input as fwd(". tls://9.9.9.9 10.0.0.1 tls://1.1.1.1:853", [])
	{f.location | some f in r} == {at(2, 15, 27), at(2, 38, 54)}
	some f in r
	contains(f.message, "man-in-the-middle")
	contains(f.message, "`tls://1.1.1.1%<name>:853`")
}

test_named if {
	count(rule.report) == 0 with input as fwd(". tls://9.9.9.9", ["tls_servername dns.quad9.net"])
	count(rule.report) == 0 with input as fwd(". tls://9.9.9.9%dns.quad9.net", [])
}

test_per_upstream_name_before_1_13_2 if {
	some f in rule.report with input as fwd(". tls://9.9.9.9%dns.quad9.net", []) with data.dnslint.config as {"coredns_version": "1.12.1"}
	contains(f.message, "has no per-upstream `%name`")
}
