package dnslint.rules.kubernetes["invalid-pods-mode_test"]

import data.dnslint.rules.kubernetes["invalid-pods-mode"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# k8s is a Corefile whose kubernetes block has line on line 3.
k8s(line) := dnslint.test.input({"Corefile": concat("\n", [
	".:53 {",
	"    kubernetes cluster.local {",
	sprintf("        %s", [line]),
	"    }",
	"}",
	"",
])})

test_unknown_mode if {
	r := rule.report with input as k8s("pods verify")
	count(r) == 1
	some f in r
	f.location == at(3, 14, 19)
	contains(f.message, "`wrong value for pods: verify,  must be one of: disabled, verified, insecure`")
	contains(f.message, "Write `pods verified`")
}

test_case_matters if {
	some f in rule.report with input as k8s("pods Insecure")
	contains(f.message, "Write `pods insecure`")
}

test_argument_count if {
	some f in rule.report with input as k8s("pods")
	f.location == at(3, 9, 12)
	contains(f.message, "after 'pods'`")
	some g in rule.report with input as k8s("pods insecure verified")
	g.location == at(3, 23, 30)
	contains(g.message, "after 'verified'`")
}

test_modes_are_fine if {
	every m in ["disabled", "verified", "insecure", "{$PODS}"] {
		count(rule.report) == 0 with input as k8s(sprintf("pods %s", [m]))
	}
}
