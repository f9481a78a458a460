package dnslint.rules.resolv["high-ndots_test"]

import data.dnslint.rules.resolv["high-ndots"] as rule

params := {"resolv/high-ndots": {"max_ndots": 5}}

# conf is a resolv.conf with three search domains and `options ndots` (with :value unless
# value is null) and edns0 on line 3.
conf(value) := dnslint.test.input({"resolv.conf": concat("\n", [
	"nameserver 10.0.0.10",
	"search a.example b.example c.example",
	sprintf("options %s edns0", [ndots(value)]),
	"",
])})

ndots(null) := "ndots"

ndots(value) := sprintf("ndots:%s", [value]) if value != null

test_high if {
	r := rule.report with input as conf("15") with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == {"file": "resolv.conf", "line": 3, "col": 9, "end_line": 3, "end_col": 16}
	contains(f.message, "= 8 queries")
}

test_capped_at_15 if {
	some f in rule.report with input as conf("40") with data.dnslint.params as params
	contains(f.message, "fewer than 15 dots")
}

test_fine if {
	count(rule.report) == 0 with input as conf("5") with data.dnslint.params as params
	count(rule.report) == 0 with input as conf(null) with data.dnslint.params as params
}
