package dnslint.rules.forward["missing-loop_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["missing-loop"] as rule

on_port(port, ds) := t.corefile([{"keys": [t.key(".", port)], "directives": ds, "via": [], "pos": t.pos(1, 1)}])

test_forwarding_block_without_loop if {
	r := rule.report with input as on_port("53", [t.line("forward", [".", "/etc/resolv.conf"], [], 2), t.line("forward", ["x", "10.0.0.1"], [], 3)])
	t.locations(r) == {t.pos(2, 5)}
	some f in r
	contains(f.message, "systemd-resolved's 127.0.0.53")
}

test_with_loop if {
	count(rule.report) == 0 with input as on_port("53", [t.line("forward", [".", "10.0.0.1"], [], 2), t.line("loop", [], [], 3)])
}

test_other_port if {
	count(rule.report) == 0 with input as on_port("5353", [t.line("forward", [".", "/etc/resolv.conf"], [], 2)])
}

test_no_forward if {
	count(rule.report) == 0 with input as on_port("53", [t.line("whoami", [], [], 2)])
}
