package dnslint.rules.pod["search-limits_test"]

import data.dnslint.rules.pod["search-limits"] as rule

params := {"pod/search-limits": {"cluster_domain": "cluster.local"}}

# pod is a Pod in namespace shop with dnsPolicy policy, running image, whose dnsConfig
# lists the search domains, one a line: domain i on line 9 + i.
pod(policy, domains, image) := dnslint.test.input({"pod.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web, namespace: shop}",
	"spec:",
	sprintf("  dnsPolicy: %s", [policy]),
	sprintf("  containers: [{name: web, image: %q}]", [image]),
	"  dnsConfig:",
	"    searches:",
	[sprintf("    - %s", [d]) | some d in domains],
	"",
]))})

# domains are n domains of size characters each.
domains(n, size) := [sprintf("%s%02d.example", [concat("", [x | some _ in numbers.range(1, size - 10); x := "x"]), i]) | some i in numbers.range(0, n - 1)]

findings(policy, ds, image, version) := r if {
	r := rule.report with input as pod(policy, ds, image)
		with data.dnslint.params as params
		with data.dnslint.config as {"kubernetes_version": version}
}

test_api_count_follows_the_version if {
	r := findings("None", domains(7, 12), "app", "1.25.0")
	count(r) == 1
	some f in r
	f.location == {"file": "pod.yaml", "line": 15, "col": 7, "end_line": 15, "end_col": 18}
	not f.severity
	contains(f.message, "must not have more than 6 search paths")
	contains(f.message, "ExpandedDNSConfig feature gate is alpha and off by default")
	count(findings("None", domains(7, 12), "app", "1.26.0")) == 0
}

test_api_length if {
	some f in findings("None", domains(30, 70), "app", "1.34.0")
	contains(f.message, "must not have more than 2048 characters (including spaces) in the search list")

	# 29 × 71 characters: the 29th domain passes 2048
	f.location.line == 37
}

test_kubelet_cut_under_cluster_first if {
	r := findings("ClusterFirst", domains(30, 12), "app", "1.34.0")
	count(r) == 1
	some f in r
	f.severity == "warning"
	f.location.line == 38
	contains(f.message, "Search Line limits were exceeded")
	count(findings("None", domains(30, 12), "app", "1.34.0")) == 0
}

test_musl_line_in_alpine_pods if {
	# 3 cluster domains (55 characters with their space) + 16 domains of 12: the 15th passes 247
	r := findings("ClusterFirst", domains(16, 12), "python:3.12-alpine", "1.34.0")
	count(r) == 1
	some f in r
	f.severity == "warning"
	f.location.line == 23
	contains(f.message, "python:3.12-alpine")
	count(findings("ClusterFirst", domains(16, 12), "python:3.12", "1.34.0")) == 0
	count(findings("ClusterFirst", domains(14, 12), "python:3.12-alpine", "1.34.0")) == 0
}
