package dnslint.rules.pod["none-without-nameservers_test"]

import data.dnslint.rules.pod["none-without-nameservers"] as rule

at(l, c, ec) := {"file": "pod.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# pod is a Pod with dnsPolicy policy and the dnsConfig lines given, from line 6 on.
pod(policy, config) := dnslint.test.input({"pod.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web}",
	"spec:",
	sprintf("  dnsPolicy: %s", [policy]),
	config,
	"  containers: [{name: web, image: nginx}]",
]))})

test_none_without_dns_config if {
	r := rule.report with input as pod("None", [])
	count(r) == 1
	some f in r
	f.location == at(5, 14, 17)
	contains(f.message, "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None")
}

test_none_without_nameservers if {
	some f in rule.report with input as pod("None", ["  dnsConfig:", "    searches: [a.example]"])
	f.location == at(7, 5, 5)
	contains(f.message, "spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None")
}

test_fine if {
	count(rule.report) == 0 with input as pod("None", ["  dnsConfig:", "    nameservers: [10.96.0.10]"])
	count(rule.report) == 0 with input as pod("ClusterFirst", [])
	count(rule.report) == 0 with input as pod("Default", ["  dnsConfig:", "    searches: [a.example]"])
}
