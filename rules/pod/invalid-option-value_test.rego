package dnslint.rules.pod["invalid-option-value_test"]

import data.dnslint.rules.pod["invalid-option-value"] as rule

pos(l) := {"file": "pod.yaml", "line": l, "col": 20, "end_line": l, "end_col": 22}

option(name, value) := {"name": {"text": name, "pos": pos(12)}, "value": value_token(value), "pos": pos(12)}

value_token(null) := null

value_token(v) := {"text": v, "pos": pos(13)} if v != null

pod(policy, options) := {"workloads": [{
	"object": {"kind": "Pod", "name": "web"},
	"pod": {"path": "spec", "dns_policy": {"text": policy}, "dns_config": {"options": options}},
}]}

test_empty_ndots_replaces_the_kubelet_default if {
	r := rule.report with input as pod("ClusterFirst", [option("ndots", "")])
	count(r) == 1
	some f in r
	f.location == pos(13)
	contains(f.message, "the kubelet writes `ndots` without a value")
	contains(f.message, "falls back to 1")

	# under None there is no ndots:5 to replace
	some g in rule.report with input as pod("None", [option("ndots", null)])
	g.location == pos(12)
	not contains(g.message, "falls back to 1")
}

test_values if {
	r := rule.report with input as pod("ClusterFirst", [option("ndots", "two"), option("timeout", "0"), option("attempts", "9"), option("single-request", "1")])
	count(r) == 4
}

test_unknown_name if {
	some f in rule.report with input as pod("ClusterFirst", [option("single_request_reopen", null)])
	contains(f.message, "did you mean `single-request-reopen`?")
}

test_empty_name_is_rejected if {
	some f in rule.report with input as pod("ClusterFirst", [option("", "1")])
	f.severity == "error"
	contains(f.message, "spec.dnsConfig.options[0]: Required value: must not be empty")
}

test_fine if {
	count(rule.report) == 0 with input as pod("ClusterFirst", [
		option("ndots", "2"), option("timeout", "2"), option("attempts", "3"),
		option("edns0", null), option("single-request-reopen", ""), option("ndots:2", null),
	])
}
