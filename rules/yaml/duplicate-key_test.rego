package dnslint.rules.yaml["duplicate-key_test"]

import data.dnslint.rules.yaml["duplicate-key"] as rule

pos(l) := {"file": "pod.yaml", "line": l, "col": 3, "end_line": l, "end_col": 11}

dup(value, kept) := {"duplicate_keys": [{
	"object": {"kind": "Pod", "name": "resolver"},
	"key": {"text": "dnsPolicy", "pos": pos(6)}, "value": value,
	"kept": {"text": "dnsPolicy", "pos": pos(12)}, "kept_value": kept,
}]}

test_different_values_one_is_dropped if {
	r := rule.report with input as dup("None", "ClusterFirst")
	count(r) == 1
	some f in r
	f.location == pos(6)
	f.severity == "error"
	f.message == "`dnsPolicy` is written twice in this mapping of Pod resolver: kubectl (apply/create -f) keeps the last value, `ClusterFirst` at line 12, and silently drops this one, `None`; kustomize (kubectl apply -k) refuses the file with `line 12: mapping key \"dnsPolicy\" already defined at line 6`. Keep one `dnsPolicy`"
}

test_same_values_warn if {
	some f in rule.report with input as dup("Default", "Default")
	f.severity == "warning"
	contains(f.message, "this one, `Default` (the same)")
}

test_none if {
	count(rule.report) == 0 with input as {"duplicate_keys": []}
}
