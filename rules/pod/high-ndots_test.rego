package dnslint.rules.pod["high-ndots_test"]

import data.dnslint.rules.pod["high-ndots"] as rule

pos(l) := {"file": "pod.yaml", "line": l, "col": 20, "end_line": l, "end_col": 23}

params := {"pod/high-ndots": {"max_ndots": 5}}

workload(policy, host_network, value, searches) := {"workloads": [{
	"object": {"kind": "Deployment", "name": "web"},
	"pod": {
		"dns_policy": policy,
		"host_network": host_network,
		"dns_config": {"searches": searches, "options": [{"name": {"text": "ndots", "pos": pos(12)}, "value": {"text": value, "pos": pos(13)}}]},
	},
}]}

test_high_ndots_cluster_first if {
	r := rule.report with input as workload(null, null, "15", []) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == pos(13)
	contains(f.message, "2 × (3 search domains + 1) = 8 queries")
}

test_none_counts_only_pod_searches if {
	some f in rule.report with input as workload({"text": "None"}, null, "6", [{"text": "a.example"}]) with data.dnslint.params as params
	contains(f.message, "2 × (1 search domains + 1) = 4 queries")
	not contains(f.message, "node's own")
}

test_host_network_cluster_first_uses_node_search if {
	some f in rule.report with input as workload({"text": "ClusterFirst"}, {"value": true}, "6", []) with data.dnslint.params as params
	contains(f.message, "2 × (0 search domains + 1)")
}

test_within_limit if {
	count(rule.report) == 0 with input as workload(null, null, "5", []) with data.dnslint.params as params
	count(rule.report) == 0 with input as workload(null, null, "2", []) with data.dnslint.params as params
	count(rule.report) == 0 with input as workload(null, null, "x", []) with data.dnslint.params as params
}
