package dnslint.rules.cache["low-ttl_test"]

import data.dnslint.rules.cache["low-ttl"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

tok(t, l, c) := {"text": t, "pos": pos(l, c)}

cache(args, block) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "cache", "args": args, "block": block, "via": [], "pos": pos(3, 5),
}]}]}]}

line(name, args) := {"name": name, "args": args, "block": [], "via": [], "pos": pos(4, 9)}

params := {"cache/low-ttl": {"min_ttl": 30, "min_denial_ttl": 5}}

test_low_plain_ttl if {
	r := rule.report with input as cache([tok("5", 3, 11)], []) with data.dnslint.params as params
	r == {{"message": rule.low(tok("5", 3, 11), "cache", 30, "min_ttl"), "location": pos(3, 11), "fix": rule.raise(tok("5", 3, 11), 30)}}
}

test_zero_is_an_error if {
	some f in rule.report with input as cache([tok("0", 3, 11)], []) with data.dnslint.params as params
	f.severity == "error"
	contains(f.message, "cache TTL can not be zero or negative: 0")
}

test_success_and_denial if {
	r := rule.report with input as cache([], [
		line("success", [tok("9984", 4, 17), tok("10", 4, 22)]),
		line("denial", [tok("9984", 5, 16), tok("5", 5, 21)]),
		line("denial", [tok("9984", 6, 16), tok("2", 6, 21)]),
	])
		with data.dnslint.params as params
	{f.location | some f in r} == {pos(4, 22), pos(6, 21)}
}

test_defaults_are_fine if {
	count(rule.report) == 0 with input as cache([tok("30", 3, 11), tok("example.org", 3, 14)], [line("denial", [tok("9984", 5, 16), tok("5", 5, 21)])])
		with data.dnslint.params as params
	count(rule.report) == 0 with input as cache([tok("example.org", 3, 11)], []) with data.dnslint.params as params
}

test_threshold_is_a_parameter if {
	count(rule.report) == 1 with input as cache([tok("30", 3, 11)], [])
		with data.dnslint.params as {"cache/low-ttl": {"min_ttl": 60, "min_denial_ttl": 5}}
}
