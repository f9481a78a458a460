package dnslint.rules.forward["loopback-upstream_test"]

import data.dnslint.rules.forward["loopback-upstream"] as rule

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

fwd(to) := sprintf("forward . %s", [to])

test_forward_to_itself if {
	r := rule.report with input as on_port("53", [fwd("127.0.0.1")])
	count(r) == 1
	some f in r
	f.location == at(2, 15, 23)
	contains(f.message, "is this CoreDNS itself")
	contains(f.message, "Nothing stops the loop")
	not f.severity
}

test_systemd_resolved_stub_with_loop if {
	some f in rule.report with input as on_port("53", [fwd("127.0.0.53"), "loop"])
	contains(f.message, "systemd-resolved's stub on the node")
	contains(f.message, `Loop (… -> …) detected for zone "."`)
	f.severity == "error"
}

test_loop_exits_only_when_every_upstream_is_itself if {
	some f in rule.report with input as on_port("53", [fwd("127.0.0.1 10.0.0.2"), "loop"])
	not f.severity
	some g in rule.report with input as on_port("53", [fwd("tls://127.0.0.1:53"), "loop"])
	not g.severity
	some h in rule.report with input as on_port("53", [fwd("127.0.0.1 [::1]"), "loop"])
	h.severity == "error"
}

test_loop_for_another_zone if {
	some r in rule.report with input as on_port("53", ["forward example.org 127.0.0.1", "loop"])
	not r.severity
	contains(r.message, "Nothing stops the loop")
}

test_ipv6_and_explicit_port if {
	r := rule.report with input as on_port("5353", [fwd("[::1]:5353")])
	count(r) == 1
	some f in r
	f.location == at(2, 15, 24)
}

test_other_local_port_is_a_chain if {
	count(rule.report) == 0 with input as on_port("5301", [fwd("127.0.0.1:5302")])
	count(rule.report) == 0 with input as on_port("53", [fwd("127.0.0.1:5353")])
}

test_bound_elsewhere if {
	count(rule.report) == 0 with input as on_port("53", ["bind 169.254.20.10", fwd("127.0.0.53")])
	count(rule.report) == 1 with input as on_port("53", ["bind 127.0.0.1 10.0.0.1", fwd("127.0.0.1")])
}

test_real_upstreams if {
	count(rule.report) == 0 with input as on_port("53", [fwd("10.0.0.1"), fwd("/etc/resolv.conf")])
}
