package dnslint.rules.health["missing-lameduck_test"]

import data.dnslint.rules.health["missing-lameduck"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

# cf is a Corefile whose server block holds lines, from line 2 on.
cf(lines) := dnslint.test.input({"Corefile": concat("\n", array.flatten([
	".:53 {",
	[sprintf("    %s", [l]) | some l in lines],
	"}",
	"",
]))})

k8s := "kubernetes cluster.local"

test_no_lameduck if {
	r := rule.report with input as cf(["health", k8s])
	count(r) == 1
	some f in r
	f.location == at(2, 5, 10)
	contains(f.message, "`health { lameduck 5s }`")
}

test_zero_lameduck if {
	some f in rule.report with input as cf(["health {", "    lameduck 0s", "}", k8s])
	f.location == at(3, 18, 19)
}

test_lameduck_set if {
	count(rule.report) == 0 with input as cf(["health {", "    lameduck 5s", "}", k8s])
}

test_not_the_cluster_dns if {
	count(rule.report) == 0 with input as cf(["health :8080", "forward . 10.0.0.1"])
}
