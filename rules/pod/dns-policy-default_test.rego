package dnslint.rules.pod["dns-policy-default_test"]

import data.dnslint.rules.pod["dns-policy-default"] as rule

pos := {"file": "pod.yaml", "line": 6, "col": 14, "end_line": 6, "end_col": 20}

workload(kind, name, host, image) := {"workloads": [{
	"object": {"kind": kind, "name": name},
	"pod": {"dns_policy": {"text": "Default", "pos": pos}, "host_network": host, "images": [{"text": image}], "containers": []},
}]}

test_default_policy if {
	r := rule.report with input as workload("Deployment", "web", null, "nginx")
	count(r) == 1
	some f in r
	f.location == pos
	contains(f.message, "dnsPolicy Default is not the default")
}

test_dns_servers_and_host_network_are_left_alone if {
	count(rule.report) == 0 with input as workload("Deployment", "coredns", null, "registry.k8s.io/coredns/coredns:v1.11.3")
	count(rule.report) == 0 with input as workload("DaemonSet", "node-local-dns", {"value": true}, "registry.k8s.io/dns/k8s-dns-node-cache:1.26.4")
	count(rule.report) == 0 with input as workload("DaemonSet", "agent", {"value": true}, "agent:1")
}
