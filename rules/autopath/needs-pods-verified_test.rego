package dnslint.rules.autopath["needs-pods-verified_test"]

import data.dnslint.rules.autopath["needs-pods-verified"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

d(name, args, block) := {"name": name, "args": [{"text": a, "pos": pos(3, 14)} | some a in args], "block": block, "via": [], "pos": pos(3, 5)}

cf(ds) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds}]}]}

autopath := d("autopath", ["@kubernetes"], [])

k8s(mode) := d("kubernetes", ["cluster.local"], [d("pods", [mode], [])])

test_without_kubernetes if {
	r := rule.report with input as cf([autopath])
	count(r) == 1
	some f in r
	f.location == pos(3, 14)
	contains(f.message, "no kubernetes plugin in this server block")
}

test_pods_not_verified if {
	some f in rule.report with input as cf([autopath, k8s("insecure")])
	contains(f.message, "`pods insecure`")
	some g in rule.report with input as cf([autopath, d("kubernetes", [], [])])
	contains(g.message, "`pods disabled`")
}

test_verified_is_fine if {
	count(rule.report) == 0 with input as cf([autopath, k8s("verified")])
	count(rule.report) == 0 with input as cf([autopath, k8s("{$PODS}")])
}

test_resolv_conf_needs_nothing if {
	count(rule.report) == 0 with input as cf([d("autopath", ["/etc/resolv.conf"], [])])
}
