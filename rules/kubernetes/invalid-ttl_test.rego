package dnslint.rules.kubernetes["invalid-ttl_test"]

import data.dnslint.rules.kubernetes["invalid-ttl"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

tok(t, c) := {"text": t, "pos": pos(3, c)}

line(name, args) := {"name": name, "args": args, "block": [], "via": [], "has_block": false, "pos": pos(3, 9)}

k8s(block) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "kubernetes", "args": [tok("cluster.local", 16)], "block": block, "has_block": true, "via": [], "pos": pos(2, 5),
}]}]}]}

test_out_of_range if {
	r := rule.report with input as k8s([line("ttl", [tok("7200", 13)])])
	count(r) == 1
	some f in r
	f.location == pos(3, 13)
	contains(f.message, "`ttl must be in range [0, 3600]: 7200`")
}

test_negative if {
	some f in rule.report with input as k8s([line("ttl", [tok("-1", 13)])])
	contains(f.message, "`ttl must be in range [0, 3600]: -1`")
}

test_not_an_integer if {
	some f in rule.report with input as k8s([line("ttl", [tok("30s", 13)])])
	contains(f.message, "`strconv.Atoi: parsing \"30s\": invalid syntax`")
}

test_missing_value if {
	some f in rule.report with input as k8s([line("ttl", [])])
	f.location == pos(3, 9)
	contains(f.message, "`Wrong argument count or unexpected line ending after 'ttl'`")
}

test_range_ends_and_placeholders_are_fine if {
	count(rule.report) == 0 with input as k8s([line("ttl", [tok("0", 13)])])
	count(rule.report) == 0 with input as k8s([line("ttl", [tok("3600", 13)])])
	count(rule.report) == 0 with input as k8s([line("ttl", [tok("+30", 13)])])
	count(rule.report) == 0 with input as k8s([line("ttl", [tok("{$TTL}", 13)])])
}

test_other_plugins_are_not_read if {
	inp := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
		"name": "hosts", "args": [], "block": [line("ttl", [tok("0", 13)])], "has_block": true, "via": [], "pos": pos(2, 5),
	}]}]}]}
	count(rule.report) == 0 with input as inp
}
