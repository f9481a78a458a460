package dnslint.rules.autopath["needs-pods-verified_test"]

import data.dnslint.rules.autopath["needs-pods-verified"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

autopath := "autopath @kubernetes"

k8s(mode) := ["kubernetes cluster.local {", sprintf("    pods %s", [mode]), "}"]

test_without_kubernetes if {
	r := rule.report with input as cf([autopath])
	count(r) == 1
	some f in r
	f.location == at(2, 14, 24)
	contains(f.message, "no kubernetes plugin in this server block")
}

test_pods_not_verified if {
	some f in rule.report with input as cf(array.concat([autopath], k8s("insecure")))
	contains(f.message, "`pods insecure`")
	some g in rule.report with input as cf([autopath, "kubernetes"])
	contains(g.message, "`pods disabled`")
}

test_verified_is_fine if {
	count(rule.report) == 0 with input as cf(array.concat([autopath], k8s("verified")))
	count(rule.report) == 0 with input as cf(array.concat([autopath], k8s("{$PODS}")))
}

test_resolv_conf_needs_nothing if {
	count(rule.report) == 0 with input as cf(["autopath /etc/resolv.conf"])
}
