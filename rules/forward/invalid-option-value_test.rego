package dnslint.rules.forward["invalid-option-value_test"]

import data.dnslint.rules.forward["invalid-option-value"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# fwd is a Corefile whose line 2 is `forward FROM 10.0.0.1`, with lines in its block from
# line 3 on.
fwd(from, lines) := parsed(concat("\n", array.flatten([
	".:53 {",
	forward(from, lines),
	"}",
	"",
])))

# forward is the lines of the forward, with a block when lines are given.
forward(from, []) := [sprintf("    forward %s 10.0.0.1", [from])]

forward(from, lines) := array.flatten([
	sprintf("    forward %s 10.0.0.1 {", [from]),
	[sprintf("        %s", [l]) | some l in lines],
	"    }",
]) if count(lines) > 0

report(from, lines) := r if {
	r := rule.report with input as fwd(from, lines)
}

messages(from, lines) := {f.message | some f in report(from, lines)}

one(from, lines, text) if {
	ms := messages(from, lines)
	count(ms) == 1
	some m in ms
	contains(m, text)
}

long := concat("", ["x" | some _ in numbers.range(1, 64)])

test_from_must_be_a_domain_name if {
	one(long, [], sprintf("`plugin/forward: unable to normalize '%s'`", [long]))
	one("a..b", [], "unable to normalize 'a..b'")
	count(messages(".", [])) == 0
	count(messages("dns://example.org:53", [])) == 0
	count(messages("10.0.0.0/8", [])) == 0
}

test_health_check_options if {
	one(".", ["health_check 0.5s rec"], "`plugin/forward: health_check: unknown option rec`")
	one(".", ["health_check 0.5s domain"], "`plugin/forward: Wrong argument count or unexpected line ending after 'domain'`")
	one(".", ["health_check 0.5s domain example..org"], "`plugin/forward: health_check: invalid domain name example..org`")
	count(messages(".", ["health_check 0.5s no_rec domain example.org"])) == 0
	count(messages(".", ["health_check 0.5s domain domain"])) == 0
}

test_health_check_domain_is_checked_from_1_10_0 if {
	count(messages(".", ["health_check 0.5s domain example..org"])) == 0 with data.dnslint.config as {"coredns_version": "1.9.3"}
}

test_max_age_below_expire if {
	one(".", ["expire 30s", "max_age 10s"], "`plugin/forward: max_age (10s) must not be less than expire (30s)`")
	count(messages(".", ["expire 30s", "max_age 30s"])) == 0
	count(messages(".", ["expire 30s", "max_age 0s"])) == 0
	count(messages(".", ["expire 30s", "max_age 10s"])) == 0 with data.dnslint.config as {"coredns_version": "1.14.2"}
}

test_positions if {
	some f in report("a..b", [])
	f.location == at(2, 13, 16)
	some g in report(".", ["health_check 0.5s rec"])
	g.location == at(3, 27, 29)
	some h in report(".", ["expire 30s", "max_age 10s"])
	h.location == at(4, 9, 15)
}
