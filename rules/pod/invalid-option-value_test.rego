package dnslint.rules.pod["invalid-option-value_test"]

import data.dnslint.rules.pod["invalid-option-value"] as rule

at(l, c, ec) := {"file": "pod.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# pod is a Pod with dnsPolicy policy and the dnsConfig options given (YAML flow mappings),
# the first on line 8.
pod(policy, options) := dnslint.test.input({"pod.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web}",
	"spec:",
	sprintf("  dnsPolicy: %s", [policy]),
	"  dnsConfig:",
	"    options:",
	[sprintf("    - %s", [o]) | some o in options],
	"  containers: [{name: web, image: nginx}]",
]))})

test_empty_ndots_replaces_the_kubelet_default if {
	r := rule.report with input as pod("ClusterFirst", [`{name: ndots, value: ""}`])
	count(r) == 1
	some f in r
	f.location == at(8, 28, 29)
	contains(f.message, "the kubelet writes `ndots` without a value")
	contains(f.message, "falls back to 1")

	# under None there is no ndots:5 to replace
	some g in rule.report with input as pod("None", ["{name: ndots}"])
	g.location == at(8, 14, 18)
	not contains(g.message, "falls back to 1")
}

test_values if {
	r := rule.report with input as pod("ClusterFirst", [
		`{name: ndots, value: two}`, `{name: timeout, value: "0"}`,
		`{name: attempts, value: "9"}`, `{name: single-request, value: "1"}`,
	])
	count(r) == 4
}

test_unknown_name if {
	some f in rule.report with input as pod("ClusterFirst", ["{name: single_request_reopen}"])
	contains(f.message, "did you mean `single-request-reopen`?")
}

test_empty_name_is_rejected if {
	some f in rule.report with input as pod("ClusterFirst", [`{name: "", value: "1"}`])
	f.severity == "error"
	contains(f.message, "spec.dnsConfig.options[0]: Required value: must not be empty")
}

test_fine if {
	count(rule.report) == 0 with input as pod("ClusterFirst", [
		`{name: ndots, value: "2"}`, `{name: timeout, value: "2"}`, `{name: attempts, value: "3"}`,
		"{name: edns0}", `{name: single-request-reopen, value: ""}`, "{name: ndots:2}",
	])
}
