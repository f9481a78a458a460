package dnslint.rules.coredns["cluster-first-policy_test"]

import data.dnslint.rules.coredns["cluster-first-policy"] as rule

pos(l) := {"file": "coredns.yaml", "line": l, "col": 18, "end_line": l, "end_col": 29}

coredns(policy, host) := {"workloads": [{
	"object": {"kind": "Deployment", "name": "coredns", "pos": pos(2)},
	"pod": {"dns_policy": policy, "host_network": host, "containers": []},
}]}

test_cluster_first if {
	r := rule.report with input as coredns({"text": "ClusterFirst", "pos": pos(24)}, null)
	count(r) == 1
	some f in r
	f.location == pos(24)
	contains(f.message, "dnsPolicy ClusterFirst: its resolv.conf names the cluster DNS")
}

test_unset if {
	some f in rule.report with input as coredns(null, null)
	f.location == pos(2)
	contains(f.message, "the default when it is unset")
}

test_fine if {
	count(rule.report) == 0 with input as coredns({"text": "Default", "pos": pos(24)}, null)
	count(rule.report) == 0 with input as coredns(null, {"value": true})
	count(rule.report) == 0 with input as {"workloads": [{"object": {"kind": "Deployment", "name": "coredns", "namespace": "lab-dns"}, "pod": {"containers": []}}]}
	count(rule.report) == 0 with input as {"workloads": [{"object": {"kind": "Deployment", "name": "web"}, "pod": {"containers": []}}]}
}
