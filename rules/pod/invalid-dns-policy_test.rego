package dnslint.rules.pod["invalid-dns-policy_test"]

import data.dnslint.rules.pod["invalid-dns-policy"] as rule

# deployment is a Deployment with the dnsPolicy line given ("" for none) on line 7.
deployment(policy_line) := dnslint.test.input({"web.yaml": concat("\n", [
	"apiVersion: apps/v1",
	"kind: Deployment",
	"metadata: {name: web}",
	"spec:",
	"  template:",
	"    spec:",
	policy_line,
	"      containers: [{name: web, image: nginx}]",
	"",
])})

policy(text) := deployment(sprintf("      dnsPolicy: %s", [text]))

test_case_typo if {
	r := rule.report with input as policy("clusterfirst")
	count(r) == 1
	some f in r
	f.location == {"file": "web.yaml", "line": 7, "col": 18, "end_line": 7, "end_col": 29}
	contains(f.message, `spec.template.spec.dnsPolicy: Unsupported value: "clusterfirst": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"`)
	contains(f.message, "Write `ClusterFirst`")
}

test_unknown_value if {
	some f in rule.report with input as policy("Custom")
	contains(f.message, "Use ClusterFirst for cluster DNS")
}

test_valid_unset_and_empty if {
	every p in ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None", `""`] {
		count(rule.report) == 0 with input as policy(p)
	}
	count(rule.report) == 0 with input as deployment("")
}
