package dnslint.rules.autoscaler["unknown-field_test"]

import data.dnslint.rules.autoscaler["unknown-field"] as rule

pos(c) := {"file": "as.yaml", "line": 7, "col": c, "end_line": 7, "end_col": c + 4}

run(mode, params) := {"autoscalers": [{
	"mode": mode, "params": params,
	"fields": {k: pos(count(k)) | some k, _ in params},
}]}

test_misspelt_field if {
	r := rule.report with input as run("linear", {"coresPerReplica": 256, "preventSinglePointOfFailure": true})
	count(r) == 1
	some f in r
	contains(f.message, "CPA ignores `preventSinglePointOfFailure`: encoding/json drops keys that match no field of linear mode")
	contains(f.message, "Did you mean `preventSinglePointFailure`?")
}

test_field_of_the_other_mode if {
	some f in rule.report with input as run("ladder", {"coresToReplicas": [[1, 2]], "min": 2})
	contains(f.message, "It is a field of linear mode; ladder mode reads coresToReplicas, includeUnschedulableNodes, nodesToReplicas")
}

test_nothing_alike if {
	some f in rule.report with input as run("ladder", {"coresToReplicas": [[1, 2]], "comment": "x"})
	contains(f.message, "ladder mode reads coresToReplicas")
}

test_case_insensitive_names_pass if {
	count(rule.report) == 0 with input as run("linear", {"CoresPerReplica": 256, "MIN": 2, "includeunschedulablenodes": true})
	count(rule.report) == 0 with input as run("ladder", {"nodesToReplicas": [[1, 2]], "includeUnschedulableNodes": true})
}
