package dnslint.rules.pod["musl-ignored-option_test"]

import data.dnslint.rules.pod["musl-ignored-option"] as rule

pod(image, names) := {"workloads": [{
	"object": {"kind": "Pod", "name": "web"},
	"pod": {"images": [{"text": image}], "dns_config": {"options": [{"name": {"text": n, "pos": {"line": i}}} | some i, n in names]}},
}]}

test_alpine if {
	r := rule.report with input as pod("node:20-alpine", ["ndots", "single-request-reopen", "timeout", "edns0", "attempts:2", "rotate:1", "typo"])
	{f.location.line | some f in r} == {1, 3, 5}
	some f in r
	f.location.line == 1
	contains(f.message, "node:20-alpine")
	contains(f.message, "NodeLocal DNSCache")
}

test_other_images if {
	count(rule.report) == 0 with input as pod("node:20-bookworm", ["single-request-reopen", "edns0"])
}
