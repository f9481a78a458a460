package dnslint.rules.forward["no-next-plugin_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["no-next-plugin"] as rule

zone_block(zones, ds) := t.corefile([t.block(zones, ds)])

test_other_zone if {
	r := rule.report with input as zone_block(["foo.example."], [t.line("errors", [], [], 2), t.line("forward", ["bar.example", "1.2.3.4"], [], 3)])
	t.locations(r) == {t.arg(3, 0)}
	some f in r
	contains(f.message, "serves foo.example, but its forwards only take names in bar.example")
	contains(f.message, "plugin/forward: no next plugin found")
}

test_zone_forgotten if {
	some f in rule.report with input as zone_block(["."], [t.line("forward", ["8.8.8.8", "1.1.1.1"], [], 2)])
	contains(f.message, "write `forward . 8.8.8.8 1.1.1.1`")
}

test_part_of_the_zone if {
	r := rule.report with input as zone_block(["example.com."], [
		t.line("forward", ["a.example.com", "10.0.0.1"], [], 2),
		t.line("forward", ["b.example.com", "10.0.0.2"], [], 3),
	])
	t.locations(r) == {t.arg(3, 0)}
}

test_covered if {
	count(rule.report) == 0 with input as zone_block(["foo.example."], [t.line("forward", [".", "1.2.3.4"], [], 2)])
	count(rule.report) == 0 with input as zone_block(["a.foo.example."], [t.line("forward", ["foo.example", "1.2.3.4"], [], 2)])
	count(rule.report) == 0 with input as zone_block(["example.com."], [
		t.line("forward", ["a.example.com", "10.0.0.1"], [], 2),
		t.line("forward", [".", "10.0.0.2"], [], 3),
	])
}

test_other_answering_plugins if {
	count(rule.report) == 0 with input as zone_block(["."], [t.line("kubernetes", ["cluster.local"], [], 2), t.line("forward", ["example.com", "1.2.3.4"], [], 3)])
	count(rule.report) == 0 with input as zone_block(["."], [t.line("alternate", [], [], 2), t.line("forward", ["example.com", "1.2.3.4"], [], 3)])
}
