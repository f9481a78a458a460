package dnslint.rules.health["missing-lameduck_test"]

import data.dnslint.rules.health["missing-lameduck"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

d(name, args, block) := {"name": name, "args": [{"text": a, "pos": pos(4, 18)} | some a in args], "block": block, "via": [], "pos": pos(3, 5)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

k8s := d("kubernetes", ["cluster.local"], [])

test_no_lameduck if {
	r := rule.report with input as cf([d("health", [], []), k8s])
	count(r) == 1
	some f in r
	f.location == pos(3, 5)
	contains(f.message, "`health { lameduck 5s }`")
}

test_zero_lameduck if {
	some f in rule.report with input as cf([d("health", [], [d("lameduck", ["0s"], [])]), k8s])
	f.location == pos(4, 18)
}

test_lameduck_set if {
	count(rule.report) == 0 with input as cf([d("health", [], [d("lameduck", ["5s"], [])]), k8s])
}

test_not_the_cluster_dns if {
	count(rule.report) == 0 with input as cf([d("health", [":8080"], []), d("forward", [".", "10.0.0.1"], [])])
}
