package dnslint.rules.coredns["memory-limit-low_test"]

import data.dnslint.rules.coredns["memory-limit-low"] as rule

params := {"coredns/memory-limit-low": {"min_memory": "170Mi"}}

# coredns is the CoreDNS Deployment with one container, named name, running image, with
# the memory limit given on line 12.
coredns(name, image, limit) := dnslint.test.input({"coredns.yaml": concat("\n", [
	"apiVersion: apps/v1",
	"kind: Deployment",
	"metadata: {name: coredns, namespace: kube-system}",
	"spec:",
	"  template:",
	"    spec:",
	"      containers:",
	sprintf("      - name: %s", [name]),
	sprintf("        image: %s", [image]),
	"        resources:",
	"          limits:",
	sprintf("            memory: %s", [limit]),
	"",
])})

test_low_limit if {
	r := rule.report with input as coredns("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", "64Mi") with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == {"file": "coredns.yaml", "line": 12, "col": 21, "end_line": 12, "end_col": 24}
	contains(f.message, "CoreDNS in Deployment coredns may use at most 64Mi")
}

test_enough_unknown_or_sidecar if {
	count(rule.report) == 0 with input as coredns("coredns", "coredns/coredns:1.11.3", "170Mi") with data.dnslint.params as params

	# kubeadm's template, before it substitutes the limit
	count(rule.report) == 0 with input as coredns("coredns", "coredns/coredns:1.11.3", "__DNS__MEMORY__LIMIT__") with data.dnslint.params as params
	count(rule.report) == 0 with input as coredns("exporter", "example.com/exporter:1", "32Mi") with data.dnslint.params as params
}

test_threshold_is_a_parameter if {
	count(rule.report) == 1 with input as coredns("coredns", "coredns/coredns:1.11.3", "170Mi")
		with data.dnslint.params as {"coredns/memory-limit-low": {"min_memory": "256Mi"}}
}
