package dnslint.rules.forward["too-many-upstreams_test"]

import data.dnslint.rules.forward["too-many-upstreams"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# fwd is a Corefile whose line 2 forwards . to n upstreams, 10.0.0.1 to 10.0.0.n.
fwd(n) := parsed(concat("\n", [
	".:53 {",
	sprintf("    forward . %s", [concat(" ", ips(n))]),
	"}",
	"",
]))

ips(n) := [sprintf("10.0.0.%d", [i]) | some i in numbers.range(1, n)]

test_sixteen_upstreams if {
	r := rule.report with input as fwd(16)
	count(r) == 1
	some f in r

	# The 16th upstream, after `    forward . ` (14 columns), nine of 8 characters and six of 9,
	# each with its space.
	f.location == at(2, 156, 164)
	contains(f.message, "more than 15 TOs configured: 16")
}

test_fifteen_are_fine if {
	count(rule.report) == 0 with input as fwd(15)
}
