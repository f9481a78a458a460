package dnslint.rules.yaml["duplicate-key_test"]

import data.dnslint.rules.yaml["duplicate-key"] as rule

at(l, c, ec) := {"file": "pod.yaml", "line": l, "col": c, "end_line": l, "end_col": ec}

# pod writes dnsPolicy twice: first on line 5, then on line 8.
pod(first, last) := dnslint.test.input({"pod.yaml": concat("\n", [
	"apiVersion: v1",
	"kind: Pod",
	"metadata: {name: resolver}",
	"spec:",
	sprintf("  dnsPolicy: %s", [first]),
	"  dnsConfig:",
	"    nameservers: [10.0.0.1]",
	sprintf("  dnsPolicy: %s", [last]),
	"  containers: [{name: r, image: nginx}]",
])})

test_different_values_one_is_dropped if {
	r := rule.report with input as pod("None", "ClusterFirst")
	count(r) == 1
	some f in r
	f.location == at(5, 3, 11)
	f.severity == "error"
	f.message == "`dnsPolicy` is written twice in this mapping of Pod resolver: kubectl (apply/create -f) keeps the last value, `ClusterFirst`, and silently drops this one, `None`; kustomize (kubectl apply -k) refuses the file with `line 8: mapping key \"dnsPolicy\" already defined at line 5`. Keep one `dnsPolicy`"
	f.related == [{"message": "the last `dnsPolicy`, whose value kubectl keeps", "pos": at(8, 3, 11)}]
}

test_same_values_warn if {
	some f in rule.report with input as pod("Default", "Default")
	f.severity == "warning"
	contains(f.message, "this one, `Default` (the same)")
}

test_none if {
	count(rule.report) == 0 with input as dnslint.test.input({"pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: resolver}\nspec:\n  dnsPolicy: None\n"})
}
