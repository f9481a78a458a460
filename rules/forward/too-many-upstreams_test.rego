package dnslint.rules.forward["too-many-upstreams_test"]

import data.dnslint.lib.forward_test as t
import data.dnslint.rules.forward["too-many-upstreams"] as rule

ips(n) := [sprintf("10.0.0.%d", [i]) | some i in numbers.range(1, n)]

test_sixteen_upstreams if {
	r := rule.report with input as t.corefile([t.block(["."], [t.line("forward", array.concat(["."], ips(16)), [], 2)])])
	t.locations(r) == {t.arg(2, 16)}
	some f in r
	contains(f.message, "more than 15 TOs configured: 16")
}

test_fifteen_are_fine if {
	count(rule.report) == 0 with input as t.corefile([t.block(["."], [t.line("forward", array.concat(["."], ips(15)), [], 2)])])
}
