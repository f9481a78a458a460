package dnslint.rules.kubernetes["pods-insecure_test"]

import data.dnslint.rules.kubernetes["pods-insecure"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

k8s(mode) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "kubernetes", "args": [], "has_block": true, "via": [], "pos": pos(2, 5),
	"block": [{"name": "pods", "args": [{"text": mode, "pos": pos(3, 14)}], "block": [], "via": [], "has_block": false, "pos": pos(3, 9)}],
}]}]}]}

test_insecure if {
	r := rule.report with input as k8s("insecure")
	count(r) == 1
	some f in r
	f.location == pos(3, 14)
	contains(f.message, "without checking that the pod exists")
}

test_other_modes if {
	count(rule.report) == 0 with input as k8s("verified")
	count(rule.report) == 0 with input as k8s("disabled")
}
