package dnslint.rules.kubernetes["pods-insecure_test"]

import data.dnslint.rules.kubernetes["pods-insecure"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

k8s(mode) := dnslint.test.input({"Corefile": concat("\n", [
	".:53 {",
	"    kubernetes cluster.local {",
	sprintf("        pods %s", [mode]),
	"    }",
	"}",
	"",
])})

test_insecure if {
	r := rule.report with input as k8s("insecure")
	count(r) == 1
	some f in r
	f.location == at(3, 14, 21)
	contains(f.message, "without checking that the pod exists")
}

test_other_modes if {
	count(rule.report) == 0 with input as k8s("verified")
	count(rule.report) == 0 with input as k8s("disabled")
}
