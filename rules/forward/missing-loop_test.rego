package dnslint.rules.forward["missing-loop_test"]

import data.dnslint.rules.forward["missing-loop"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# parsed is the model of a Corefile's text, undefined when the text does not parse: no case
# passes for want of a model.
parsed(text) := model if {
	model := dnslint.test.input({"Corefile": text})
	model.parse_errors == []
}

# on_port is a Corefile whose block listens on .:PORT and holds lines, from line 2 on.
on_port(port, lines) := parsed(concat("\n", array.flatten([
	sprintf(".:%s {", [port]),
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
])))

test_forwarding_block_without_loop if {
	r := rule.report with input as on_port("53", ["forward . /etc/resolv.conf", "forward x 10.0.0.1"])
	count(r) == 1
	some f in r
	f.location == at(2, 5, 11)
	contains(f.message, "systemd-resolved's 127.0.0.53")
}

test_with_loop if {
	count(rule.report) == 0 with input as on_port("53", ["forward . 10.0.0.1", "loop"])
}

test_other_port if {
	count(rule.report) == 0 with input as on_port("5353", ["forward . /etc/resolv.conf"])
}

test_no_forward if {
	count(rule.report) == 0 with input as on_port("53", ["whoami"])
}
