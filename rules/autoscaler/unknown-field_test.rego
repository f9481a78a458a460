package dnslint.rules.autoscaler["unknown-field_test"]

import data.dnslint.lib.autoscaler_test.at
import data.dnslint.lib.autoscaler_test.cpa
import data.dnslint.rules.autoscaler["unknown-field"] as rule

test_misspelt_field if {
	r := rule.report with input as cpa("linear", `{"coresPerReplica": 256, "preventSinglePointOfFailure": true}`)
	count(r) == 1
	some f in r
	f.location == at(5, 37, 65)
	contains(f.message, "CPA ignores `preventSinglePointOfFailure`: encoding/json drops keys that match no field of linear mode")
	contains(f.message, "Did you mean `preventSinglePointFailure`?")
}

test_field_of_the_other_mode if {
	some f in rule.report with input as cpa("ladder", `{"coresToReplicas": [[1, 2]], "min": 2}`)
	contains(f.message, "It is a field of linear mode; ladder mode reads coresToReplicas, includeUnschedulableNodes, nodesToReplicas")
}

test_nothing_alike if {
	some f in rule.report with input as cpa("ladder", `{"coresToReplicas": [[1, 2]], "comment": "x"}`)
	contains(f.message, "ladder mode reads coresToReplicas")
}

test_case_insensitive_names_pass if {
	count(rule.report) == 0 with input as cpa("linear", `{"CoresPerReplica": 256, "MIN": 2, "includeunschedulablenodes": true}`)
	count(rule.report) == 0 with input as cpa("ladder", `{"nodesToReplicas": [[1, 2]], "includeUnschedulableNodes": true}`)
}
