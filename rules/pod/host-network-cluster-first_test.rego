package dnslint.rules.pod["host-network-cluster-first_test"]

import data.dnslint.rules.pod["host-network-cluster-first"] as rule

pos(l) := {"file": "ds.yaml", "line": l, "col": 20, "end_line": l, "end_col": 23}

pod(policy, host, image) := {"workloads": [{
	"object": {"kind": "DaemonSet", "name": "agent"},
	"pod": {"dns_policy": policy, "host_network": host, "images": [{"text": image}], "containers": []},
}]}

host := {"value": true, "pos": pos(15)}

test_explicit_cluster_first_warns if {
	r := rule.report with input as pod({"text": "ClusterFirst", "pos": pos(16)}, host, "agent:1")
	count(r) == 1
	some f in r
	f.location == pos(16)
	not f.severity
	contains(f.message, "Use dnsPolicy ClusterFirstWithHostNet")
}

test_unset_policy_is_info if {
	some f in rule.report with input as pod(null, host, "agent:1")
	f.location == pos(15)
	f.severity == "info"
}

test_fine if {
	count(rule.report) == 0 with input as pod({"text": "ClusterFirstWithHostNet", "pos": pos(16)}, host, "agent:1")
	count(rule.report) == 0 with input as pod({"text": "Default", "pos": pos(16)}, host, "agent:1")
	count(rule.report) == 0 with input as pod({"text": "ClusterFirst", "pos": pos(16)}, {"value": false, "pos": pos(15)}, "agent:1")
	count(rule.report) == 0 with input as pod(null, host, "registry.k8s.io/dns/k8s-dns-node-cache:1.26.4")
}
