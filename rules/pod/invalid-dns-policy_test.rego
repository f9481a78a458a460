package dnslint.rules.pod["invalid-dns-policy_test"]

import data.dnslint.rules.pod["invalid-dns-policy"] as rule

pos := {"file": "pod.yaml", "line": 6, "col": 14, "end_line": 6, "end_col": 25}

pod(policy) := {"workloads": [{
	"object": {"kind": "Deployment", "name": "web"},
	"pod": {"path": "spec.template.spec", "dns_policy": policy, "images": []},
}]}

test_case_typo if {
	r := rule.report with input as pod({"text": "clusterfirst", "pos": pos})
	count(r) == 1
	some f in r
	f.location == pos
	contains(f.message, `spec.template.spec.dnsPolicy: Unsupported value: "clusterfirst": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"`)
	contains(f.message, "Write `ClusterFirst`")
}

test_unknown_value if {
	some f in rule.report with input as pod({"text": "Custom", "pos": pos})
	contains(f.message, "Use ClusterFirst for cluster DNS")
}

test_valid_unset_and_empty if {
	every p in ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None", ""] {
		count(rule.report) == 0 with input as pod({"text": p, "pos": pos})
	}
	count(rule.report) == 0 with input as pod(null)
}
