package dnslint.rules.autoscaler["invalid-linear_test"]

import data.dnslint.lib.autoscaler_test.at
import data.dnslint.lib.autoscaler_test.cpa
import data.dnslint.rules.autoscaler["invalid-linear"] as rule

# messages are the findings' messages for linear parameters params (JSON text).
messages(params) := {f.message | some f in rule.report with input as cpa("linear", params)}

test_negative_min if {
	r := rule.report with input as cpa("linear", `{"coresPerReplica": 256, "min": -1}`)
	count(r) == 1
	some f in r
	f.location == at(5, 44, 45)
	f.message == "CPA rejects the parameters and stops scaling, leaving the replica count as it is: `error parsing linear params: invalid negative value for min: -1`. Use a min of 2 or more for DNS"
}

test_max_below_min if {
	some m in messages(`{"coresPerReplica": 256, "min": 3, "max": 2}`)
	contains(m, "`error parsing linear params: max replicas count 2 should be greater than / equal to min replicas count 3`")

	# min 0 counts as 1; max 0 is no limit
	count(messages(`{"coresPerReplica": 256, "min": 0, "max": 1}`)) == 0
	count(messages(`{"coresPerReplica": 256, "min": 5, "max": 0}`)) == 0
	some n in messages(`{"coresPerReplica": 256, "max": -1}`)
	contains(n, "max replicas count -1 should be greater than / equal to min replicas count 1")
}

test_no_per_replica if {
	r := rule.report with input as cpa("linear", `{"min": 2, "coresPerReplica": 0}`)
	count(r) == 1
	some f in r
	f.location == at(5, 3, 8)
	contains(f.message, "`error parsing linear params: should at least provide either CoresPerReplica or NodesPerReplica (Greater than 0)`")
}

test_negative_per_replica if {
	some m in messages(`{"coresPerReplica": -0.5, "nodesPerReplica": 16}`)
	contains(m, "invalid negative value for coresPerReplica: -0.5")
}

test_defaults_pass if {
	count(messages(`{"coresPerReplica": 256, "nodesPerReplica": 16, "preventSinglePointFailure": true, "includeUnschedulableNodes": true}`)) == 0
	count(messages(`{"nodesPerReplica": 0.5, "min": 2, "max": 2}`)) == 0
}
