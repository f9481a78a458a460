package dnslint.rules.pod["option-name-with-value_test"]

import data.dnslint.rules.pod["option-name-with-value"] as rule

at(l, c, ec) := {"file": "pod.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# pod is a Pod with the given spec lines (dnsPolicy, hostNetwork; "" for none) and one
# dnsConfig option item on line 9.
pod(policy, host, item) := dnslint.test.input({"pod.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web}",
	"spec:",
	policy,
	host,
	"  dnsConfig:",
	"    options:",
	sprintf("    - %s", [item]),
	"  containers: [{name: web, image: nginx}]",
])})

test_ndots_under_cluster_first_is_an_error if {
	r := rule.report with input as pod("", "", "name: ndots:2")
	count(r) == 1
	some f in r
	f.severity == "error"
	f.location == at(9, 13, 19)
	contains(f.message, "the `ndots:5` it writes for dnsPolicy ClusterFirst stays")
	contains(f.message, "Write `name: ndots` and `value: \"2\"`")
}

test_default_policy_is_a_warning if {
	some f in rule.report with input as pod("  dnsPolicy: Default", "", "name: timeout:1")
	f.severity == "warning"

	# hostNetwork with ClusterFirst falls back to Default
	some g in rule.report with input as pod("", "  hostNetwork: true", "name: ndots:2")
	g.severity == "warning"
}

test_scalar_item if {
	some f in rule.report with input as pod("  dnsPolicy: None", "", "ndots:3")
	f.location == at(9, 7, 13)
	contains(f.message, "is a string, not an option object")
}

test_no_collision if {
	count(rule.report) == 0 with input as pod("  dnsPolicy: None", "", "name: ndots:2")
	count(rule.report) == 0 with input as pod("", "", "name: timeout:2")
	count(rule.report) == 0 with input as pod("", "", "name: ndots")
}
