package dnslint.rules.k8s_external["without-kubernetes_test"]

import data.dnslint.rules.k8s_external["without-kubernetes"] as rule

pos(l) := {"file": "Corefile", "line": l, "col": 5, "end_line": l, "end_col": 16}

d(name, l) := {"name": name, "args": [], "block": [], "via": [], "pos": pos(l)}

cf(blocks) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": ds} | some ds in blocks]}]}

test_alone if {
	r := rule.report with input as cf([[d("k8s_external", 3)]])
	count(r) == 1
	some f in r
	f.location == pos(3)
	contains(f.message, "`plugin/k8s_external: kubernetes plugin not loaded`")
}

test_kubernetes_of_another_block_does_not_count if {
	count(rule.report) == 1 with input as cf([[d("kubernetes", 2)], [d("k8s_external", 5)]])
}

test_with_kubernetes if {
	count(rule.report) == 0 with input as cf([[d("k8s_external", 3), d("kubernetes", 4)]])
}

test_older_releases_start_but_answer_nothing if {
	some f in rule.report with input as cf([[d("k8s_external", 3)]])
		with data.dnslint.config as {"coredns_version": "1.10.1"}
	contains(f.message, "CoreDNS 1.10.1 starts, but k8s_external passes every query on")
}
