package dnslint.rules.pod["host-network-cluster-first_test"]

import data.dnslint.rules.pod["host-network-cluster-first"] as rule

at(l, c, ec) := {"file": "ds.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# daemonset runs image on the host network (host: the hostNetwork value) with the
# dnsPolicy line given on line 8 ("" for none).
daemonset(host, policy, image) := dnslint.test.input({"ds.yaml": concat("\n", [
	"apiVersion: apps/v1",
	"kind: DaemonSet",
	"metadata: {name: agent}",
	"spec:",
	"  template:",
	"    spec:",
	sprintf("      hostNetwork: %s", [host]),
	policy,
	sprintf("      containers: [{name: agent, image: %q}]", [image]),
])})

test_explicit_cluster_first_warns if {
	r := rule.report with input as daemonset("true", "      dnsPolicy: ClusterFirst", "agent:1")
	count(r) == 1
	some f in r
	f.location == at(8, 18, 29)
	not f.severity
	contains(f.message, "Use dnsPolicy ClusterFirstWithHostNet")
}

test_unset_policy_is_info if {
	some f in rule.report with input as daemonset("true", "", "agent:1")
	f.location == at(7, 20, 23)
	f.severity == "info"
}

test_fine if {
	count(rule.report) == 0 with input as daemonset("true", "      dnsPolicy: ClusterFirstWithHostNet", "agent:1")
	count(rule.report) == 0 with input as daemonset("true", "      dnsPolicy: Default", "agent:1")
	count(rule.report) == 0 with input as daemonset("false", "      dnsPolicy: ClusterFirst", "agent:1")
	count(rule.report) == 0 with input as daemonset("true", "", "registry.k8s.io/dns/k8s-dns-node-cache:1.26.4")
}
