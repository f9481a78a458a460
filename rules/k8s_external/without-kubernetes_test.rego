package dnslint.rules.k8s_external["without-kubernetes_test"]

import data.dnslint.lib.corefile_text_test as corefile
import data.dnslint.rules.k8s_external["without-kubernetes"] as rule

at(l, c, ec) := {"file": "Corefile", "line": l, "col": c, "end_line": l, "end_col": ec}

alone := corefile.corefile([
	"example.org:53 {",
	"    errors",
	"    k8s_external example.org",
	"}",
])

test_alone if {
	r := rule.report with input as alone
	count(r) == 1
	some f in r
	f.location == at(3, 5, 16)
	contains(f.message, "`plugin/k8s_external: kubernetes plugin not loaded`")
}

test_kubernetes_of_another_block_does_not_count if {
	two := corefile.corefile([
		".:53 {",
		"    kubernetes cluster.local",
		"}",
		"example.org:53 {",
		"    k8s_external example.org",
		"}",
	])
	count(rule.report) == 1 with input as two
}

test_with_kubernetes if {
	count(rule.report) == 0 with input as corefile.server(["k8s_external example.org", "kubernetes cluster.local"])
}

test_older_releases_start_but_answer_nothing if {
	some f in rule.report with input as alone
		with data.dnslint.config as {"coredns_version": "1.10.1"}
	contains(f.message, "CoreDNS 1.10.1 starts, but k8s_external passes every query on")
}
