package dnslint.rules.pod["too-many-nameservers_test"]

import data.dnslint.rules.pod["too-many-nameservers"] as rule

params := {"pod/too-many-nameservers": {"cluster_dns_servers": 1}}

# pod is a Pod with dnsPolicy policy whose dnsConfig lists the nameservers ips, one a
# line: nameserver i on line 8 + i.
pod(policy, ips) := dnslint.test.input({"pod.yaml": concat("\n", array.flatten([
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: web}",
	"spec:",
	sprintf("  dnsPolicy: %s", [policy]),
	"  dnsConfig:",
	"    nameservers:",
	[sprintf("    - %s", [ip]) | some ip in ips],
	"  containers: [{name: web, image: nginx}]",
	"",
]))})

test_more_than_three_is_rejected if {
	r := rule.report with input as pod("None", ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.location == {"file": "pod.yaml", "line": 11, "col": 7, "end_line": 11, "end_col": 14}
	not f.severity
	contains(f.message, "must not have more than 3 nameservers")
}

test_cluster_dns_leaves_room_for_two if {
	r := rule.report with input as pod("ClusterFirst", ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) with data.dnslint.params as params
	count(r) == 1
	some f in r
	f.severity == "warning"
	f.location.line == 10
	contains(f.message, "loses 10.0.0.3")
	contains(f.message, "Nameserver limits were exceeded, some nameservers have been omitted")
}

test_dual_stack_cluster_dns if {
	some f in rule.report with input as pod("ClusterFirstWithHostNet", ["10.0.0.1", "10.0.0.2"])
		with data.dnslint.params as {"pod/too-many-nameservers": {"cluster_dns_servers": 2}}
	f.location.line == 9
}

test_fine if {
	count(rule.report) == 0 with input as pod("None", ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) with data.dnslint.params as params
	count(rule.report) == 0 with input as pod("ClusterFirst", ["10.0.0.1", "10.0.0.2", "10.0.0.1"]) with data.dnslint.params as params
	count(rule.report) == 0 with input as dnslint.test.input({"pod.yaml": `
		apiVersion: v1
		kind: Pod
		metadata: {name: web}
		spec:
		  containers: [{name: web, image: nginx}]
	`})
		with data.dnslint.params as params
}
