package dnslint.rules.forward["loopback-upstream_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["loopback-upstream"] as rule

on_port(port, ds) := t.corefile([{"keys": [t.key(".", port)], "directives": ds, "via": [], "pos": t.pos(1, 1)}])

fwd(to) := t.line("forward", [".", to], [], 2)

test_forward_to_itself if {
	r := rule.report with input as on_port("53", [fwd("127.0.0.1")])
	t.locations(r) == {t.arg(2, 1)}
	some f in r
	contains(f.message, "is this CoreDNS itself")
	contains(f.message, "Nothing stops the loop")
	not f.severity
}

test_systemd_resolved_stub_with_loop if {
	some f in rule.report with input as on_port("53", [fwd("127.0.0.53"), t.line("loop", [], [], 3)])
	contains(f.message, "systemd-resolved's stub on the node")
	contains(f.message, `Loop (… -> …) detected for zone "."`)
	f.severity == "error"
}

test_loop_exits_only_when_every_upstream_is_itself if {
	loop := t.line("loop", [], [], 3)
	mixed := t.line("forward", [".", "127.0.0.1", "10.0.0.2"], [], 2)
	some f in rule.report with input as on_port("53", [mixed, loop])
	not f.severity
	some g in rule.report with input as on_port("53", [t.line("forward", [".", "tls://127.0.0.1:53"], [], 2), loop])
	not g.severity
	some h in rule.report with input as on_port("53", [t.line("forward", [".", "127.0.0.1", "[::1]"], [], 2), loop])
	h.severity == "error"
}

test_loop_for_another_zone if {
	f := t.line("forward", ["example.org", "127.0.0.1"], [], 2)
	some r in rule.report with input as on_port("53", [f, t.line("loop", [], [], 3)])
	not r.severity
	contains(r.message, "Nothing stops the loop")
}

test_ipv6_and_explicit_port if {
	count(rule.report) == 1 with input as on_port("5353", [fwd("[::1]:5353")])
}

test_other_local_port_is_a_chain if {
	count(rule.report) == 0 with input as on_port("5301", [fwd("127.0.0.1:5302")])
	count(rule.report) == 0 with input as on_port("53", [fwd("127.0.0.1:5353")])
}

test_bound_elsewhere if {
	count(rule.report) == 0 with input as on_port("53", [t.line("bind", ["169.254.20.10"], [], 3), fwd("127.0.0.53")])
	count(rule.report) == 1 with input as on_port("53", [t.line("bind", ["127.0.0.1", "10.0.0.1"], [], 3), fwd("127.0.0.1")])
}

test_real_upstreams if {
	count(rule.report) == 0 with input as on_port("53", [fwd("10.0.0.1"), fwd("/etc/resolv.conf")])
}
