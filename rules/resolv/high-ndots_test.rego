package dnslint.rules.resolv["high-ndots_test"]

import data.dnslint.rules.resolv["high-ndots"] as rule

pos := {"file": "resolv.conf", "line": 3, "col": 9, "end_line": 3, "end_col": 16}

params := {"resolv/high-ndots": {"max_ndots": 5}}

conf(value) := {"resolv_confs": [{
	"search": [{"text": "a"}, {"text": "b"}, {"text": "c"}],
	"options": [{"name": "ndots", "value": value, "token": {"text": "ndots", "pos": pos}}, {"name": "edns0", "value": null}],
}]}

test_high if {
	r := rule.report with input as conf("15") with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == pos
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
