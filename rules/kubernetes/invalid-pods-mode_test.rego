package dnslint.rules.kubernetes["invalid-pods-mode_test"]

import data.dnslint.rules.kubernetes["invalid-pods-mode"] as rule

pos(l, c) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": c}

tok(t, c) := {"text": t, "pos": pos(3, c)}

k8s(args) := {"corefiles": [{"server_blocks": [{"keys": [], "via": [], "directives": [{
	"name": "kubernetes", "args": [], "has_block": true, "via": [], "pos": pos(2, 5),
	"block": [{"name": "pods", "args": args, "block": [], "via": [], "has_block": false, "pos": pos(3, 9)}],
}]}]}]}

test_unknown_mode if {
	r := rule.report with input as k8s([tok("verify", 14)])
	count(r) == 1
	some f in r
	f.location == pos(3, 14)
	contains(f.message, "`wrong value for pods: verify,  must be one of: disabled, verified, insecure`")
	contains(f.message, "Write `pods verified`")
}

test_case_matters if {
	some f in rule.report with input as k8s([tok("Insecure", 14)])
	contains(f.message, "Write `pods insecure`")
}

test_argument_count if {
	some f in rule.report with input as k8s([])
	f.location == pos(3, 9)
	contains(f.message, "after 'pods'`")
	some g in rule.report with input as k8s([tok("insecure", 14), tok("verified", 23)])
	g.location == pos(3, 23)
	contains(g.message, "after 'verified'`")
}

test_modes_are_fine if {
	every m in ["disabled", "verified", "insecure", "{$PODS}"] {
		count(rule.report) == 0 with input as k8s([tok(m, 14)])
	}
}
