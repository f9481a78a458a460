package dnslint.rules.pod["too-many-nameservers_test"]

import data.dnslint.rules.pod["too-many-nameservers"] as rule

params := {"pod/too-many-nameservers": {"cluster_dns_servers": 1}}

ns(ips) := [{"text": ip, "pos": {"file": "pod.yaml", "line": 10 + i, "col": 9, "end_line": 10 + i, "end_col": 17}} | some i, ip in ips]

pod(policy, ips) := {"workloads": [{
	"object": {"kind": "Pod", "name": "web"},
	"pod": {"path": "spec", "dns_policy": {"text": policy}, "dns_config": {"nameservers": ns(ips)}},
}]}

test_more_than_three_is_rejected if {
	r := rule.report with input as pod("None", ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location.line == 13
	not f.severity
	contains(f.message, "must not have more than 3 nameservers")
}

test_cluster_dns_leaves_room_for_two if {
	r := rule.report with input as pod("ClusterFirst", ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.severity == "warning"
	f.location.line == 12
	contains(f.message, "loses 10.0.0.3")
	contains(f.message, "Nameserver limits were exceeded, some nameservers have been omitted")
}

test_dual_stack_cluster_dns if {
	some f in rule.report with input as pod("ClusterFirstWithHostNet", ["10.0.0.1", "10.0.0.2"])
		with data.dnslint.params as {"pod/too-many-nameservers": {"cluster_dns_servers": 2}}
	f.location.line == 11
}

test_fine if {
	count(rule.report) == 0 with input as pod("None", ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) with data.dnslint.params as params
	count(rule.report) == 0 with input as pod("ClusterFirst", ["10.0.0.1", "10.0.0.2", "10.0.0.1"]) with data.dnslint.params as params
	count(rule.report) == 0 with input as {"workloads": [{"object": {"kind": "Pod"}, "pod": {"dns_config": null}}]} with data.dnslint.params as params
}
