package dnslint.rules.pod["option-name-with-value_test"]

import data.dnslint.rules.pod["option-name-with-value"] as rule

pos(l, c) := {"file": "pod.yaml", "line": l, "col": c, "end_line": l, "end_col": c + 6}

# option is a mapping item: its position is its first key, the name token the value after it.
option(name) := {"name": {"text": name, "pos": pos(12, 19)}, "value": null, "pos": pos(12, 13)}

# scalar is a plain string item: the name token is the item itself.
scalar(text) := {"name": {"text": text, "pos": pos(12, 13)}, "value": null, "pos": pos(12, 13)}

pod(policy, host, opt) := {"workloads": [{
	"object": {"kind": "Pod", "name": "web"},
	"pod": {"path": "spec", "dns_policy": policy, "host_network": host, "dns_config": {"options": [opt]}},
}]}

test_ndots_under_cluster_first_is_an_error if {
	r := rule.report with input as pod(null, null, option("ndots:2"))
	count(r) == 1
	some f in r
	f.severity == "error"
	f.location == pos(12, 19)
	contains(f.message, "the `ndots:5` it writes for dnsPolicy ClusterFirst stays")
	contains(f.message, "Write `name: ndots` and `value: \"2\"`")
}

test_default_policy_is_a_warning if {
	some f in rule.report with input as pod({"text": "Default"}, null, option("timeout:1"))
	f.severity == "warning"

	# hostNetwork with ClusterFirst falls back to Default
	some g in rule.report with input as pod(null, {"value": true}, option("ndots:2"))
	g.severity == "warning"
}

test_scalar_item if {
	some f in rule.report with input as pod({"text": "None"}, null, scalar("ndots:3"))
	f.location == pos(12, 13)
	contains(f.message, "is a string, not an option object")
}

test_no_collision if {
	count(rule.report) == 0 with input as pod({"text": "None"}, null, option("ndots:2"))
	count(rule.report) == 0 with input as pod(null, null, option("timeout:2"))
	count(rule.report) == 0 with input as pod(null, null, option("ndots"))
}
