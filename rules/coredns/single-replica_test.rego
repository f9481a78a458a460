package dnslint.rules.coredns["single-replica_test"]

import data.dnslint.rules.coredns["single-replica"] as rule

pos(l) := {"file": "coredns.yaml", "line": l, "col": 13, "end_line": l, "end_col": 13}

coredns(replicas) := {
	"object": {"kind": "Deployment", "name": "coredns", "namespace": "kube-system", "pos": pos(2)},
	"replicas": replicas,
	"pod": {"containers": [], "images": []},
}

cpa := {
	"object": {"kind": "Deployment", "name": "coredns-autoscaler", "namespace": "kube-system"},
	"pod": {"containers": [{"command": [{"text": "/cluster-proportional-autoscaler"}, {"text": "--target=Deployment/coredns"}], "args": []}]},
}

test_one_replica if {
	r := rule.report with input as {"workloads": [coredns({"value": 1, "pos": pos(7)})], "autoscalers": []}
	count(r) == 1
	some f in r
	f.location == pos(7)
	not f.severity
}

test_unset_is_info if {
	some f in rule.report with input as {"workloads": [coredns(null)], "autoscalers": []}
	f.location == pos(2)
	f.severity == "info"
}

test_autoscaled if {
	count(rule.report) == 0 with input as {"workloads": [coredns({"value": 1, "pos": pos(7)}), cpa], "autoscalers": []}
	count(rule.report) == 0 with input as {"workloads": [coredns(null)], "autoscalers": [{"object": {"kind": "ConfigMap", "name": "coredns-autoscaler", "namespace": "kube-system"}}]}
}

test_more_replicas_or_not_coredns if {
	count(rule.report) == 0 with input as {"workloads": [coredns({"value": 2, "pos": pos(7)})], "autoscalers": []}
	count(rule.report) == 0 with input as {"workloads": [{"object": {"kind": "Deployment", "name": "web"}, "replicas": {"value": 1, "pos": pos(7)}, "pod": {"containers": []}}], "autoscalers": []}
}
