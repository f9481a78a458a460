package dnslint.rules.pod["high-ndots_test"]

import data.dnslint.rules.pod["high-ndots"] as rule

params := {"pod/high-ndots": {"max_ndots": 5}}

# deployment is a Deployment with ndots set to ndots, the search domains and policy lines
# given (policy: "" for none) and its host_network line ("" for none).
deployment(ndots, policy, host_network, searches) := dnslint.test.input({"web.yaml": concat("\n", [
	"apiVersion: apps/v1",
	"kind: Deployment",
	"metadata: {name: web}",
	"spec:",
	"  template:",
	"    spec:",
	policy,
	host_network,
	"      dnsConfig:",
	sprintf("        searches: %s", [json.marshal(searches)]),
	"        options:",
	sprintf("        - {name: ndots, value: \"%s\"}", [ndots]),
	"      containers: [{name: web, image: nginx}]",
])})

test_high_ndots_cluster_first if {
	r := rule.report with input as deployment("15", "", "", []) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == {"file": "web.yaml", "line": 12, "col": 32, "end_line": 12, "end_col": 35}
	contains(f.message, "2 × (3 search domains + 1) = 8 queries")
}

test_none_counts_only_pod_searches if {
	cfg := deployment("6", "      dnsPolicy: None", "", ["a.example"])
	some f in rule.report with input as cfg with data.dnslint.params as params
	contains(f.message, "2 × (1 search domains + 1) = 4 queries")
	not contains(f.message, "node's own")
}

test_host_network_cluster_first_uses_node_search if {
	cfg := deployment("6", "      dnsPolicy: ClusterFirst", "      hostNetwork: true", [])
	some f in rule.report with input as cfg with data.dnslint.params as params
	contains(f.message, "2 × (0 search domains + 1)")
}

test_within_limit if {
	count(rule.report) == 0 with input as deployment("5", "", "", []) with data.dnslint.params as params
	count(rule.report) == 0 with input as deployment("2", "", "", []) with data.dnslint.params as params
	count(rule.report) == 0 with input as deployment("x", "", "", []) with data.dnslint.params as params
}
