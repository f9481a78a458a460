package dnslint.rules.resolv["too-many-nameservers_test"]

import data.dnslint.rules.resolv["too-many-nameservers"] as rule

# conf is a resolv.conf with n nameservers, 10.0.0.i on line i.
conf(n) := dnslint.test.input({"resolv.conf": concat("", [sprintf("nameserver 10.0.0.%d\n", [i]) | some i in numbers.range(1, n)])})

test_extra_nameservers if {
	r := rule.report with input as conf(5)
	{f.location.line | some f in r} == {4, 5}
	some f in r
	f.location == {"file": "resolv.conf", "line": 4, "col": 12, "end_line": 4, "end_col": 19}
	contains(f.message, "nameserver 10.0.0.4 is number 4: the resolver uses the first 3")
}

test_three_are_fine if {
	count(rule.report) == 0 with input as conf(3)
}
