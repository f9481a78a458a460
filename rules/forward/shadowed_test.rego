package dnslint.rules.forward.shadowed_test

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward.shadowed as rule

main := t.line("forward", [".", "/etc/resolv.conf"], [], 2)

sub := t.line("forward", ["example.com", "10.0.0.1"], [], 3)

in_block(ds) := t.corefile([t.block(["."], ds)])

test_subzone_after_root if {
	r := rule.report with input as in_block([main, sub])
	t.locations(r) == {t.arg(3, 0)}
	some f in r
	contains(f.message, "comes after `forward . /etc/resolv.conf`, which already takes every name of example.com:")
	f.related == [{"message": "`forward . /etc/resolv.conf` answers every name of example.com first", "pos": t.arg(2, 0)}]
}

test_override_imported_after_the_main_forward if {
	override := object.union(sub, {"via": ["/etc/coredns/custom/x.override"]})
	some f in rule.report with input as in_block([main, override])
	contains(f.message, "comes from /etc/coredns/custom/x.override, imported after the main `forward . /etc/resolv.conf`")
	contains(f.message, "`example.com:53 { forward . 10.0.0.1 }`")
}

test_root_override if {
	override := object.union(t.line("forward", [".", "tls://9.9.9.9"], [], 3), {"via": ["/etc/coredns/custom/x.override"]})
	some f in rule.report with input as in_block([main, override])
	contains(f.message, "the main forward answers every query, so")
	contains(f.message, "reads from /etc/resolv.conf")
}

test_right_order_is_fine if {
	count(rule.report) == 0 with input as in_block([sub, main])
}

test_sibling_zones_are_fine if {
	count(rule.report) == 0 with input as in_block([sub, t.line("forward", ["example.org", "10.0.0.2"], [], 3)])
}

test_except_or_next_lets_queries_through if {
	excepting := t.line("forward", [".", "10.0.0.9"], [t.line("except", ["example.com"], [], 3)], 2)
	count(rule.report) == 0 with input as in_block([excepting, sub])
	chained := t.line("forward", [".", "10.0.0.9"], [t.line("next", ["NXDOMAIN"], [], 3)], 2)
	count(rule.report) == 0 with input as in_block([chained, sub])
}

test_not_before_1_9_4 if {
	count(rule.report) == 0 with input as in_block([main, sub]) with data.dnslint.config as {"coredns_version": "1.9.3"}
}
