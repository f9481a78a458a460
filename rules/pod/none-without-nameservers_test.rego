package dnslint.rules.pod["none-without-nameservers_test"]

import data.dnslint.rules.pod["none-without-nameservers"] as rule

pos(l) := {"file": "pod.yaml", "line": l, "col": 3, "end_line": l, "end_col": 6}

pod(policy, config) := {"workloads": [{
	"object": {"kind": "Pod", "name": "web"},
	"pod": {"path": "spec", "dns_policy": {"text": policy, "pos": pos(6)}, "dns_config": config},
}]}

config(nameservers) := {"nameservers": nameservers, "searches": [], "options": [], "pos": pos(8)}

test_none_without_dns_config if {
	r := rule.report with input as pod("None", null)
	count(r) == 1
	some f in r
	f.location == pos(6)
	contains(f.message, "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None")
}

test_none_without_nameservers if {
	some f in rule.report with input as pod("None", config([]))
	f.location == pos(8)
	contains(f.message, "spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None")
}

test_fine if {
	count(rule.report) == 0 with input as pod("None", config([{"text": "10.96.0.10", "pos": pos(9)}]))
	count(rule.report) == 0 with input as pod("ClusterFirst", null)
	count(rule.report) == 0 with input as pod("Default", config([]))
}
