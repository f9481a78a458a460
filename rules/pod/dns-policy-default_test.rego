package dnslint.rules.pod["dns-policy-default_test"]

import data.dnslint.rules.pod["dns-policy-default"] as rule

# workload is an apps/v1 kind named name that runs image with dnsPolicy Default on line 8,
# and the hostNetwork line given ("" for none) on line 7.
workload(kind, name, host_network, image) := dnslint.test.input({"pod.yaml": concat("\n", [
	"apiVersion: apps/v1",
	sprintf("kind: %s", [kind]),
	sprintf("metadata: {name: %s, namespace: kube-system}", [name]),
	"spec:",
	"  template:",
	"    spec:",
	host_network,
	"      dnsPolicy: Default",
	sprintf("      containers: [{name: %s, image: %q}]", [name, image]),
	"",
])})

test_default_policy if {
	r := rule.report with input as workload("Deployment", "web", "", "nginx")
	count(r) == 1
	some f in r
	f.location == {"file": "pod.yaml", "line": 8, "col": 18, "end_line": 8, "end_col": 24}
	contains(f.message, "dnsPolicy Default is not the default")
	contains(f.message, "Deployment web gets the node's resolv.conf")
}

test_dns_servers_and_host_network_are_left_alone if {
	count(rule.report) == 0 with input as workload("Deployment", "coredns", "", "registry.k8s.io/coredns/coredns:v1.11.3")
	count(rule.report) == 0 with input as workload("DaemonSet", "node-local-dns", "      hostNetwork: true", "registry.k8s.io/dns/k8s-dns-node-cache:1.26.4")
	count(rule.report) == 0 with input as workload("DaemonSet", "agent", "      hostNetwork: true", "agent:1")
}
