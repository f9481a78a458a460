package dnslint.rules.autoscaler["zero-replicas_test"]

import data.dnslint.lib.autoscaler_test.at
import data.dnslint.lib.autoscaler_test.cpa
import data.dnslint.rules.autoscaler["zero-replicas"] as rule

# run is a ladder CPA ConfigMap of params (JSON text).
run(params) := cpa("ladder", params)

test_no_steps if {
	r := rule.report with input as run(`{"coresToReplica": [[1, 2]], "nodesToReplicas": []}`)
	count(r) == 1
	some f in r
	f.location == at(5, 11, 63)
	contains(f.message, "neither coresToReplicas nor nodesToReplicas has a step")
	count(rule.report) == 1 with input as run(`{}`)
}

test_zero_step_with_empty_other_list if {
	r := rule.report with input as run(`{"coresToReplicas": [[0, 0], [6, 1]]}`)
	count(r) == 1
	some f in r
	f.location == at(5, 37, 37)
	f.message == "step [0, 0] of coresToReplicas gives 0 replicas below 6 cores, and nodesToReplicas has no steps (CPA 1.8.5 and later count that as 0): on a cluster of that size CPA scales the DNS Deployment to zero and every DNS lookup fails. Give every step at least 1 replica (2 for DNS)"
}

test_zero_steps_in_both_lists if {
	r := rule.report with input as run(`{"coresToReplicas": [[1, 2], [100, 0]], "nodesToReplicas": [[0, 0], [1, 2]]}`)
	count(r) == 2
	some f in r
	contains(f.message, "step [100, 0] of coresToReplicas gives 0 replicas from 100 cores on, and nodesToReplicas gives 0 too below 1 nodes (step [0, 0])")
}

test_zero_step_covered_by_the_other_list if {
	count(rule.report) == 0 with input as run(`{"coresToReplicas": [[0, 0], [6, 1]], "nodesToReplicas": [[1, 2]]}`)
}

test_aks_default if {
	count(rule.report) == 0 with input as run(`{"coresToReplicas": [[1, 2], [512, 3], [1024, 4], [2048, 5]], "nodesToReplicas": [[1, 2], [8, 3], [16, 4], [32, 5]]}`)
}

test_malformed_entries_are_left_to_malformed_step if {
	count(rule.report) == 0 with input as run(`{"coresToReplicas": [[1]]}`)
}
