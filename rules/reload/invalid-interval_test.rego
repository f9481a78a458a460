package dnslint.rules.reload["invalid-interval_test"]

import data.dnslint.rules.reload["invalid-interval"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

reload(args, l) := {"name": "reload", "args": [{"text": a, "pos": pos(l, 12 + (5 * i))} | some i, a in args], "block": [], "via": [], "pos": pos(l, 5)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

test_interval_below_2s if {
	r := rule.report with input as cf([reload(["1s"], 3)])
	count(r) == 1
	some f in r
	f.location == pos(3, 12)
	contains(f.message, "`plugin/reload: interval value must be greater or equal to 2s`")
}

test_duration_without_unit if {
	some f in rule.report with input as cf([reload(["30"], 3)])
	contains(f.message, "`plugin/reload: time: missing unit in duration \"30\"`")
}

test_jitter if {
	some f in rule.report with input as cf([reload(["10s", "500ms"], 3)])
	f.location == pos(3, 17)
	contains(f.message, "jitter value must be 0 or greater or equal to 1s")
	count(rule.report) == 0 with input as cf([reload(["10s", "0s"], 3)])
}

test_zero_jitter_before_1_14_2 if {
	some f in rule.report with input as cf([reload(["10s", "0s"], 3)]) with data.dnslint.config as {"coredns_version": "1.11.3"}
	contains(f.message, "`plugin/reload: jitter value must be greater or equal to 1s`")
}

test_too_many_arguments if {
	some f in rule.report with input as cf([reload(["10s", "5s", "1s"], 3)])
	f.location == pos(3, 22)
	contains(f.message, "after '1s'`")
}

test_only_the_first_line_counts if {
	count(rule.report) == 0 with input as cf([reload(["30s"], 3), reload(["1s"], 4)])
	count(rule.report) == 0 with input as cf([reload([], 3)])
}
