package dnslint.rules.coredns["cluster-first-policy_test"]

import data.dnslint.rules.coredns["cluster-first-policy"] as rule

at(l, c, ec) := {"file": "coredns.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# deployment is a Deployment of CoreDNS named name in namespace, with the spec line given
# on line 7 ("" for none).
deployment(name, namespace, line) := dnslint.test.input({"coredns.yaml": concat("\n", [
	"apiVersion: apps/v1",
	"kind: Deployment",
	sprintf("metadata: {name: %s, namespace: %s}", [name, namespace]),
	"spec:",
	"  template:",
	"    spec:",
	line,
	sprintf("      containers: [{name: %s, image: %q}]", [name, image[name]]),
])})

image := {"coredns": "registry.k8s.io/coredns/coredns:v1.11.3", "web": "nginx"}

coredns(line) := deployment("coredns", "kube-system", line)

test_cluster_first if {
	r := rule.report with input as coredns("      dnsPolicy: ClusterFirst")
	count(r) == 1
	some f in r
	f.location == at(7, 18, 29)
	contains(f.message, "dnsPolicy ClusterFirst: its resolv.conf names the cluster DNS")
}

test_unset if {
	some f in rule.report with input as coredns("")
	f.location == at(2, 7, 16)
	contains(f.message, "the default when it is unset")
}

test_fine if {
	count(rule.report) == 0 with input as coredns("      dnsPolicy: Default")
	count(rule.report) == 0 with input as coredns("      hostNetwork: true")
	count(rule.report) == 0 with input as deployment("coredns", "lab-dns", "")
	count(rule.report) == 0 with input as deployment("web", "kube-system", "")
}
