package dnslint.rules.coredns["memory-limit-low_test"]

import data.dnslint.rules.coredns["memory-limit-low"] as rule

params := {"coredns/memory-limit-low": {"min_memory": "170Mi"}}

pos := {"file": "coredns.yaml", "line": 30, "col": 23, "end_line": 30, "end_col": 26}

coredns(containers) := {"workloads": [{"object": {"kind": "Deployment", "name": "coredns"}, "pod": {"containers": containers}}]}

container(name, image, text, bytes) := {
	"name": {"text": name}, "image": {"text": image}, "init": false,
	"resources": {"memory_limit": {"text": text, "bytes": bytes, "pos": pos}},
}

test_low_limit if {
	r := rule.report with input as coredns([container("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", "64Mi", 67108864)]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == pos
	contains(f.message, "at most 64Mi")
}

test_enough_unknown_or_sidecar if {
	count(rule.report) == 0 with input as coredns([container("coredns", "coredns/coredns:1.11.3", "170Mi", 178257920)]) with data.dnslint.params as params
	count(rule.report) == 0 with input as coredns([container("coredns", "coredns/coredns:1.11.3", "__DNS__MEMORY__LIMIT__", null)]) with data.dnslint.params as params
	count(rule.report) == 0 with input as coredns([container("exporter", "example.com/exporter:1", "32Mi", 33554432)]) with data.dnslint.params as params
}

test_threshold_is_a_parameter if {
	count(rule.report) == 1 with input as coredns([container("coredns", "coredns/coredns:1.11.3", "170Mi", 178257920)])
		with data.dnslint.params as {"coredns/memory-limit-low": {"min_memory": "256Mi"}}
}
